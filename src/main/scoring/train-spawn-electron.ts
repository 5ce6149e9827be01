// Scoring worker thread in the Electron build: electron-vite bundles train-thread.ts as a chunk
// of its own and `?nodeWorker` gives a factory that starts it (as spawn-electron.ts does for the
// scoring worker). This import only resolves inside electron-vite; plain Node uses train-spawn-node.ts.
import type { Worker, WorkerOptions } from 'node:worker_threads';
import startTrainThread from './train-thread?nodeWorker';

export function createTrainThread(options: WorkerOptions): Worker {
  return startTrainThread(options);
}
