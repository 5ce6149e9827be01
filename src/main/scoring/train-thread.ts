// Training helper thread (Node, worker_threads), started by the scoring worker
// (train-threads.ts): checks the hold-out of each large training run while the scoring worker
// grows the next tree (src/shared/scoring/learn/hold-out.ts says how they keep step).
import { parentPort } from 'node:worker_threads';
import { runHoldOut, type HoldOutJob } from '@shared/scoring/learn';

const port = parentPort;
if (!port) throw new Error('DS_SCORING_ERROR: train-thread.ts must run as a worker thread (train-threads.ts)');

port.on('message', (job: HoldOutJob) => {
  try {
    runHoldOut(job);
  } catch (err) {
    // The scoring worker sees the same stop (or its own timeout) and trains alone; the log says why.
    console.error(`[training thread] ${err instanceof Error ? err.message : String(err)}`);
  }
});
