// Scoring worker thread (Node, worker_threads): the entry point of the thread scoring runs in.
// Everything scoring computes runs here, off the main thread; see protocol.ts for the messages
// and runtime.ts for what they do. Started by spawn-worker.ts (the bundled chunk through
// electron-vite's `?nodeWorker` in the desktop build, the TypeScript source under plain Node).
import { parentPort, workerData } from 'node:worker_threads';
import type { HostToWorker, WorkerToHost } from './protocol';
import { ScoringRuntime } from './runtime';
import type { ScoringWorkerData } from './worker-handle';
import { trainingHelpers } from './train-threads';

const port = parentPort;
if (!port) throw new Error('DS_SCORING_ERROR: worker.ts must run as a worker thread (spawn-worker.ts)');
const testHooks = (workerData as ScoringWorkerData | undefined)?.testHooks === true;

/** Tests only: what the service must survive. Outside any handler, so nothing catches it. */
function testFault(fault: 'outOfMemory' | 'throw'): void {
  if (fault === 'throw') throw new Error('scoring worker test fault');
  const hoard: number[][] = [];
  // Live arrays until the old generation's cap (resourceLimits) ends this thread.
  for (;;) hoard.push(new Array<number>(1_000_000).fill(hoard.length));
}

// Each runtime's way of starting a thread in its own small file, as spawn-worker.ts does.
const helpers = trainingHelpers(async () =>
  process.versions['electron']
    ? (await import('./train-spawn-electron')).createTrainThread
    : (await import('./train-spawn-node')).createTrainThread,
);
const runtime = new ScoringRuntime((m: WorkerToHost) => port.postMessage(m), helpers);
port.on('message', (m: HostToWorker) => {
  if (m.type === 'testFault') {
    if (testHooks) testFault(m.fault);
    return;
  }
  runtime.handle(m);
});
port.on('close', () => {
  runtime.close();
  void helpers.close();
});
