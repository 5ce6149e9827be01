// Main process under plain Node (web preview, tests, benchmarks): start the scoring worker thread
// from its TypeScript source. `execArgv: ['--import', 'tsx']` is not honoured for worker threads
// in every Node 20 setup, so a two-line ESM bootstrap, passed as a data: URL, registers tsx's
// loader inside the worker and then imports worker.ts. Both are absolute URLs, so the worker
// finds them whatever the working directory.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const ENTRY = './worker.ts';

export function createWorker(options: WorkerOptions): Worker {
  return createTypeScriptWorker(new URL(ENTRY, import.meta.url), options);
}

/** A worker thread running a TypeScript module (also the search thread's, search/spawn-node.ts). */
export function createTypeScriptWorker(entryUrl: URL, options: WorkerOptions): Worker {
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const entry = entryUrl.href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}
