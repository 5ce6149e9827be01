// Scoring worker thread under plain Node (web preview, tests, benchmarks): starts a training
// helper thread from its TypeScript source, the way spawn-node.ts starts the scoring worker.
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { createTypeScriptWorker } from './spawn-node';

export function createTrainThread(options: WorkerOptions): Worker {
  return createTypeScriptWorker(new URL('./train-thread.ts', import.meta.url), options);
}
