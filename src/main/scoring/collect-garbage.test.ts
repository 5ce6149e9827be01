// collect-garbage.ts in a worker thread, as the scoring worker runs it: a full collection is
// available there and gives back a dropped allocation.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { semiSpaceFlag } from './collect-garbage';

const SOURCE = new URL('./collect-garbage.ts', import.meta.url).href;

/** Runs `body` (a module's text after collect-garbage.ts is imported) in a worker; its first message. */
async function inWorker<T>(body: string): Promise<T> {
  const { createTypeScriptWorker } = await import('./spawn-node');
  const entry = `data:text/javascript,${encodeURIComponent(`
    import { parentPort } from 'node:worker_threads';
    import { getHeapStatistics } from 'node:v8';
    const { collectGarbage, compactGarbage } = await import(${JSON.stringify(SOURCE)});
    ${body}
  `)}`;
  const worker: Worker = createTypeScriptWorker(new URL(entry), {});
  try {
    return await new Promise<T>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

describe('collectGarbage', () => {
  it('runs a full collection in a worker thread, where gc is not exposed, and the heap shrinks', async () => {
    const answer = await inWorker<{ exposedBefore: boolean; ran: boolean; withJunk: number; after: number }>(`
      const exposedBefore = typeof globalThis.gc === 'function';
      let junk = Array.from({ length: 400_000 }, (_, i) => ({ i, s: 'x' + i }));
      const withJunk = getHeapStatistics().used_heap_size;
      junk = null;
      const ran = collectGarbage();
      parentPort.postMessage({ exposedBefore, ran, withJunk, after: getHeapStatistics().used_heap_size });
    `);
    expect(answer.exposedBefore).toBe(false);
    expect(answer.ran).toBe(true);
    expect(answer.after).toBeLessThan(answer.withJunk - 10 * 2 ** 20);
  });

  it('gives back the half-empty pages full collections keep, in steps', async () => {
    // Two of every three objects dropped: each page stays a third full, which a plain full
    // collection leaves in place however often it runs.
    const mb = 2 ** 20;
    const answer = await inWorker<{ plainSlack: number; steps: number; compactedSlack: number; kept: number }>(`
      let junk = Array.from({ length: 2_000_000 }, (_, i) => ({ i, s: 'x' + i }));
      const keep = junk.filter((_, i) => i % 3 === 0);
      junk = null;
      for (let i = 0; i < 3; i++) collectGarbage();
      const slack = () => getHeapStatistics().total_heap_size - getHeapStatistics().used_heap_size;
      const plainSlack = slack();
      const steps = await compactGarbage();
      const compactedSlack = slack();
      parentPort.postMessage({
        plainSlack,
        steps,
        compactedSlack,
        kept: keep.length,
      });
    `);
    expect(answer.kept).toBe(666_667);
    expect(answer.plainSlack).toBeGreaterThan(60 * mb);
    expect(answer.steps).toBeGreaterThan(1);
    expect(answer.compactedSlack).toBeLessThan(answer.plainSlack - 40 * mb);
  });

  it('leaves threads started after a compaction the young generation they had before', async () => {
    // --optimize-for-size also sets --max-semi-space-size=1, which outlived the flag.
    const answer = await inWorker<{ before: number; after: number }>(`
      const { Worker } = await import('node:worker_threads');
      const probe = \`
        import { parentPort } from 'node:worker_threads';
        import { getHeapSpaceStatistics } from 'node:v8';
        let kept = [];
        for (let i = 0; i < 300_000; i++) kept.push({ i });
        parentPort.postMessage(getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
      \`;
      const newSpace = () =>
        new Promise((resolve, reject) => {
          const w = new Worker(new URL('data:text/javascript,' + encodeURIComponent(probe)));
          w.once('message', (m) => void w.terminate().then(() => resolve(m)));
          w.once('error', reject);
        });
      const before = await newSpace();
      await compactGarbage();
      parentPort.postMessage({ before, after: await newSpace() });
    `);
    expect(answer.before).toBeGreaterThan(4 * 2 ** 20);
    expect(answer.after).toBe(answer.before);
  });

  it("reads the process's own --max-semi-space-size, the last one given", () => {
    expect(semiSpaceFlag(['--expose-gc'])).toBe(0);
    expect(semiSpaceFlag(['--max-semi-space-size=8', '--max_semi_space_size=4', ''])).toBe(4);
  });
});
