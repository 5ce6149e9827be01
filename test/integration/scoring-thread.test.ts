// The scoring worker runs as a worker thread of the main process (spawn-worker.ts, resourceLimits
// set): started with the service, gone with it; a worker that runs out of memory or throws is
// ended, what it was asked is answered with DS_SCORING_ERROR, and a new worker answers next.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Subject } from 'rxjs';
import { ScoringService } from '../../src/main/scoring/service';
import { spawnScoringWorker } from '../../src/main/scoring/spawn-worker';
import type { ScoringWorker } from '../../src/main/scoring/worker-handle';
import { createStore, type Store } from '../../src/main/store';
import type { HostEvent } from '../../src/shared/api';
import { fillTinyWorkspace, T0 } from '../support/tiny-workspace';

const fixture = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name);

describe('scoring worker thread', () => {
  let dir: string;
  let store: Store;
  let n = 0;
  /** Every worker the service started, newest last. */
  let workers: ScoringWorker[];

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-scoring-thread-'));
    store = await createStore({ directory: dir, name: `scoring-thread-${n++}` });
    await fillTinyWorkspace(store);
    workers = [];
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // A small old generation, so running out of memory takes a moment, not gigabytes.
  const start = () =>
    ScoringService.start({
      store,
      events: new Subject<HostEvent>(),
      fixedNow: T0,
      autoTrain: false,
      rescoreEveryMs: 0,
      spawn: async () => {
        const w = await spawnScoringWorker({ resourceLimits: { maxOldGenerationSizeMb: 64 }, testHooks: true });
        workers.push(w);
        return w;
      },
    });

  it('scores in a worker thread of this process and stops it on close', async () => {
    const service = await start();
    await service.ready();
    expect(service.workerThreadId()).toBeGreaterThan(0);
    expect(await store.scores.count().exec()).toBeGreaterThan(0);
    await service.close();
    // terminate() resolved only once the thread exited; posting to it now is a no-op.
    expect(() => workers[0]!.postMessage({ type: 'rescore' })).not.toThrow();
  });

  it.each(['outOfMemory', 'throw'] as const)(
    'answers with DS_SCORING_ERROR when the worker fails (%s), starts a new one and keeps answering',
    async (fault) => {
      const service = await start();
      await service.ready();
      const first = service.workerThreadId();
      // The fault first: the worker handles messages in order, so the request is never answered.
      workers.at(-1)!.postMessage({ type: 'testFault', fault });
      const pending = service.request({ kind: 'train' });
      await expect(pending).rejects.toMatchObject({ code: 'DS_SCORING_ERROR' });
      // Asked again, it is answered by the new worker, which scores the store as at launch.
      const today = await service.request({ kind: 'today', limit: 5 });
      expect(today.items.length).toBeGreaterThan(0);
      expect(workers).toHaveLength(2);
      expect(service.workerThreadId()).not.toBe(first);
      // And it follows the store as before.
      await store.interactions.insert({
        id: 'int_after',
        accountId: 'acc_acme',
        opportunityId: 'opp_1',
        kind: 'meeting',
        at: T0 - 3_600_000,
        channel: 'video',
        direction: 'two_way',
        sentiment: 1,
        attendeeIds: ['stk_cfo'],
        loggedBy: 'tm_ana',
        notes: 'After the restart',
        updatedAt: T0,
      } as never);
      await service.flush();
      const after = await service.request({ kind: 'scoreOpportunity', id: 'opp_1' });
      expect(after.payload).not.toBeNull();
      await service.close();
    },
    60_000,
  );

  it('ignores test faults unless started with test hooks', async () => {
    const service = await ScoringService.start({
      store,
      events: new Subject<HostEvent>(),
      fixedNow: T0,
      autoTrain: false,
      rescoreEveryMs: 0,
    });
    await service.ready();
    const id = service.workerThreadId();
    // Reaches the worker the same way the tests' faults do, through the service's own worker.
    (service as unknown as { worker: ScoringWorker }).worker.postMessage({ type: 'testFault', fault: 'throw' });
    expect((await service.request({ kind: 'today', limit: 1 })).items.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(service.workerThreadId()).toBe(id);
    await service.close();
  });

  it('stays stopped, and says so, once it failed four times in a few minutes', async () => {
    const service = await start();
    await service.ready();
    for (let k = 0; k < 4; k++) {
      await service.request({ kind: 'today', limit: 1 }).catch(() => undefined); // waits for the restart
      workers.at(-1)!.postMessage({ type: 'testFault', fault: 'throw' });
      await new Promise((r) => setTimeout(r, 300));
    }
    await expect(service.request({ kind: 'today', limit: 1 })).rejects.toMatchObject({
      code: 'DS_SCORING_ERROR',
      message: expect.stringMatching(/Restart Deep Sales/),
    });
    await service.close();
  }, 60_000);

  it.each([
    ['ends once nothing is asked of it', []],
    ['ends after closing the store, which waits for the worker to exit', ['close']],
  ])(
    'keeps a script alive while it waits for scores, and %s',
    async (_, args) => {
      const script = spawn(process.execPath, ['--import', 'tsx', fixture('scoring-script-child.ts'), ...args], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      script.stdout.on('data', (b: Buffer) => (out += String(b)));
      const code = await new Promise<number | null>((resolve) => script.once('exit', resolve));
      // Exit code 13 would mean Node ended the script while it still awaited the worker.
      expect(code).toBe(0);
      const printed = JSON.parse(out) as { scores: number; today: number };
      expect(printed.scores).toBeGreaterThan(0);
      expect(printed.today).toBeGreaterThan(0);
    },
    30_000,
  );
});

describe('scoring on a store kept in memory', () => {
  it('is refused with a coded error: scoring has one feed, the store file', async () => {
    const memory = await createStore({ name: 'scoring-memory' });
    await expect(ScoringService.start({ store: memory, events: new Subject<HostEvent>() })).rejects.toMatchObject({
      code: 'DS_SCORING_ERROR',
    });
    await memory.close();
  });
});
