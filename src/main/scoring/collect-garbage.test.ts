// collect-garbage.ts in a worker thread, as the scoring worker runs it: a full collection is
// available there and gives back a dropped allocation.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const SOURCE = new URL('./collect-garbage.ts', import.meta.url).href;

describe('collectGarbage', () => {
  it('runs a full collection in a worker thread, where gc is not exposed, and the heap shrinks', async () => {
    const { createTypeScriptWorker } = await import('./spawn-node');
    const entry = `data:text/javascript,${encodeURIComponent(`
      import { parentPort } from 'node:worker_threads';
      import { getHeapStatistics } from 'node:v8';
      const { collectGarbage } = await import(${JSON.stringify(SOURCE)});
      const exposedBefore = typeof globalThis.gc === 'function';
      let junk = Array.from({ length: 400_000 }, (_, i) => ({ i, s: 'x' + i }));
      const withJunk = getHeapStatistics().used_heap_size;
      junk = null;
      const ran = collectGarbage();
      parentPort.postMessage({ exposedBefore, ran, withJunk, after: getHeapStatistics().used_heap_size });
    `)}`;
    const worker: Worker = createTypeScriptWorker(new URL(entry), {});
    const answer = await new Promise<{ exposedBefore: boolean; ran: boolean; withJunk: number; after: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(answer.exposedBefore).toBe(false);
    expect(answer.ran).toBe(true);
    expect(answer.after).toBeLessThan(answer.withJunk - 10 * 2 ** 20);
  });
});
