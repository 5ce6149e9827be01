// The scoring worker runs in a process of its own (spawn-node.ts under plain Node): started with
// the service, gone with it, gone with a host that died, and a worker that dies fails requests
// with a coded error instead of leaving them hanging or taking the app down.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostEvent } from '../../src/shared/api';
import { Subject } from 'rxjs';
import { ScoringService } from '../../src/main/scoring/service';
import { createStore, type Store } from '../../src/main/store';
import { fillTinyWorkspace, T0 } from '../support/tiny-workspace';

const alive = (pid: number) => {
  try { process.kill(pid, 0); return true; } catch { return false; }
};

const fixture = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name);

async function gone(pid: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !alive(pid);
}

describe('scoring process', () => {
  let store: Store;
  let n = 0;

  beforeEach(async () => {
    store = await createStore({ name: `scoring-process-${n++}` });
    await fillTinyWorkspace(store);
  });

  afterEach(async () => {
    await store.close();
  });

  const start = () => ScoringService.start({ store, events: new Subject<HostEvent>(), fixedNow: T0, autoTrain: false, rescoreEveryMs: 0 });

  it('scores in a process of its own and stops it on close', async () => {
    const service = await start();
    await service.ready();
    const pid = service.workerPid()!;
    expect(pid).toBeGreaterThan(0);
    expect(pid).not.toBe(process.pid);
    expect(alive(pid)).toBe(true);
    expect(await store.scores.count().exec()).toBeGreaterThan(0);
    await service.close();
    expect(alive(pid)).toBe(false);
  });

  it('answers what it was asked with DS_SCORING_ERROR when the process dies, and starts a new one', async () => {
    const service = await start();
    await service.ready();
    const pid = service.workerPid()!;
    const pending = service.request({ kind: 'train' });
    process.kill(pid, 'SIGKILL');
    await expect(pending).rejects.toMatchObject({ code: 'DS_SCORING_ERROR' });
    // Asked again, it is answered by the new process, which scores the store as at launch.
    const today = await service.request({ kind: 'today', limit: 5 });
    expect(today.items.length).toBeGreaterThan(0);
    expect(service.workerPid()).not.toBe(pid);
    expect(alive(service.workerPid()!)).toBe(true);
    await store.accounts.insert({ id: 'acc_after', name: 'After', industry: 'Retail', region: 'EMEA', segment: 'smb', updatedAt: T0 } as never);
    expect(await store.accounts.count().exec()).toBe(3);
    await service.close();
  });

  it('stays stopped, and says so, once it died four times in a few minutes', async () => {
    const service = await start();
    await service.ready();
    for (let k = 0; k < 4; k++) {
      await service.request({ kind: 'today', limit: 1 }).catch(() => undefined); // waits for the restart
      process.kill(service.workerPid()!, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 300));
    }
    await expect(service.request({ kind: 'today', limit: 1 })).rejects.toMatchObject({ code: 'DS_SCORING_ERROR', message: expect.stringMatching(/Restart Deep Sales/) });
    await service.close();
  }, 30_000);

  it.each([
    ['ends once nothing is asked of it', []],
    ['ends after closing the store, which waits for the process to exit', ['close']],
  ])('keeps a script alive while it waits for scores, and %s', async (_, args) => {
    const script = spawn(process.execPath, ['--import', 'tsx', fixture('scoring-script-child.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    script.stdout.on('data', (b: Buffer) => (out += String(b)));
    const code = await new Promise<number | null>((resolve) => script.once('exit', resolve));
    // Exit code 13 would mean Node ended the script while it still awaited the worker.
    expect(code).toBe(0);
    const printed = JSON.parse(out) as { scores: number; today: number; workerPid: number };
    expect(printed.scores).toBeGreaterThan(0);
    expect(printed.today).toBeGreaterThan(0);
    expect(await gone(printed.workerPid, 10_000)).toBe(true);
  }, 30_000);

  it('exits when its host dies', async () => {
    const host = spawn(process.execPath, ['--import', 'tsx', fixture('scoring-host-child.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
    const workerPid = await new Promise<number>((resolve, reject) => {
      host.stdout.once('data', (b: Buffer) => resolve(Number(String(b).trim())));
      host.once('exit', (code) => reject(new Error(`host exited early (${code})`)));
    });
    expect(alive(workerPid)).toBe(true);
    host.kill('SIGKILL');
    expect(await gone(workerPid, 10_000)).toBe(true);
  }, 30_000);
});
