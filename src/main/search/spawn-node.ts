// Main process under plain Node (web preview, tests, benchmarks): start the search worker thread
// from its TypeScript source, the way the scoring worker is started (scoring/spawn-node.ts).
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { createTypeScriptWorker } from '../scoring/spawn-node';

export function createWorker(options: WorkerOptions): Worker {
  return createTypeScriptWorker(new URL('./worker.ts', import.meta.url), options);
}
