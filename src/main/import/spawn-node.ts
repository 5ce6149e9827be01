// Main process under plain Node (web preview, `npm run import`, tests, benchmarks): start the
// import planning thread from its TypeScript source, the way the scoring worker is started
// (scoring/spawn-node.ts).
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { createTypeScriptWorker } from '../scoring/spawn-node';

export function createWorker(options: WorkerOptions): Worker {
  return createTypeScriptWorker(new URL('./worker.ts', import.meta.url), options);
}
