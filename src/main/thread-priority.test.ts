import { readdirSync, readFileSync } from 'node:fs';
import { createWorker } from './scoring/spawn-node';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICE, lowerThreadPriority, type ThreadPriorityDeps } from './thread-priority';

const threadIds = (): number[] => readdirSync('/proc/self/task').map(Number);

/** A thread's nice value as the kernel keeps it (field 19 of /proc/<pid>/task/<tid>/stat). */
const niceOf = (tid: number): number => {
  const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
};

const fake = (over: Partial<ThreadPriorityDeps>, set: [number, number][]): ThreadPriorityDeps => ({
  platform: 'linux',
  readlink: () => '4242/task/4250',
  setPriority: (id, p) => set.push([id, p]),
  ...over,
});

describe('lowerThreadPriority', () => {
  it.runIf(process.platform === 'linux')(
    'the scoring worker thread runs at the background nice value, the main thread at its own (read back from the kernel)',
    async () => {
      const mainBefore = niceOf(process.pid);
      const background = (): number[] => threadIds().filter((tid) => niceOf(tid) === BACKGROUND_NICE);
      expect(background()).toEqual([]);
      const worker = createWorker({ workerData: {} });
      try {
        const deadline = Date.now() + 20_000;
        while (background().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        expect(background()).toHaveLength(1);
        expect(background()[0]).not.toBe(process.pid);
        expect(niceOf(process.pid)).toBe(mainBefore);
      } finally {
        await worker.terminate();
      }
    },
    30_000,
  );

  it('does nothing off Linux, and a refusal is not an error', () => {
    const set: [number, number][] = [];
    expect(lowerThreadPriority(fake({ platform: 'darwin' }, set))).toBeNull();
    expect(lowerThreadPriority(fake({ platform: 'win32' }, set))).toBeNull();
    expect(set).toEqual([]);
    const refused = fake(
      {
        setPriority: () => {
          throw new Error('EACCES');
        },
      },
      set,
    );
    expect(lowerThreadPriority(refused)).toBeNull();
    expect(
      lowerThreadPriority(
        fake(
          {
            readlink: () => {
              throw new Error('ENOENT');
            },
          },
          set,
        ),
      ),
    ).toBeNull();
    expect(lowerThreadPriority(fake({ readlink: () => 'self' }, set))).toBeNull();
  });

  it('uses the thread id that /proc/thread-self names', () => {
    const set: [number, number][] = [];
    expect(lowerThreadPriority(fake({}, set))).toBe(4250);
    expect(set).toEqual([[4250, BACKGROUND_NICE]]);
  });
});
