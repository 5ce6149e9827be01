// collect-garbage.ts in a worker thread, as the scoring worker runs it: a full collection is
// available there and gives back a dropped allocation.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

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
});
