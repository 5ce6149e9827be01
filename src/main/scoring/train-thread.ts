// Training helper thread (Node, worker_threads), started by the scoring worker
// (train-threads.ts): shares each round's row work of a large training run and checks its
// hold-out while the scoring worker grows the next tree (src/shared/scoring/learn/row-helper.ts
// says how they keep step).
import { parentPort } from 'node:worker_threads';
import { runTrainingHelper, type HelperJob } from '@shared/scoring/learn';
import { HELPER_READY } from './train-threads';

const port = parentPort;
if (!port) throw new Error('DS_SCORING_ERROR: train-thread.ts must run as a worker thread (train-threads.ts)');

port.on('message', (job: HelperJob) => {
  try {
    runTrainingHelper(job);
  } catch (err) {
    // The scoring worker sees the same stop (or its own timeout) and trains alone; the log says why.
    console.error(`[training thread] ${err instanceof Error ? err.message : String(err)}`);
  }
});
// Jobs are taken from here on: the scoring worker offers this thread to a training only now.
port.postMessage(HELPER_READY);
