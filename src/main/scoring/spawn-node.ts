// Main process under plain Node (web preview, tests, benchmarks): start the scoring worker from
// its TypeScript source, with tsx as the loader. The entry path is held in a variable so that a
// bundler scanning for `new URL('…', import.meta.url)` does not try to emit the .ts file as an asset.
import { Worker } from 'node:worker_threads';

const ENTRY = './worker.ts';

export function createWorker(): Worker {
  return new Worker(new URL(ENTRY, import.meta.url), { execArgv: ['--import', 'tsx'] });
}
