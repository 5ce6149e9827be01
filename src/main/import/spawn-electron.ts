// Main process in the Electron build: electron-vite bundles worker.ts as a chunk of its own and
// `?nodeWorker` gives a factory that starts it as a worker thread (as scoring/spawn-electron.ts).
// This import only resolves inside electron-vite; plain Node uses spawn-node.ts instead.
import type { Worker, WorkerOptions } from 'node:worker_threads';
import createImportWorker from './worker?nodeWorker';

export function createWorker(options: WorkerOptions): Worker {
  return createImportWorker(options);
}
