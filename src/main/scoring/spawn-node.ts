// Main process under plain Node (web preview, tests, benchmarks): start the scoring worker from
// its TypeScript source. `execArgv: ['--import', 'tsx']` is not honoured for worker threads in
// every Node 20 setup (vitest's forks among them), so a two-line ESM bootstrap, passed as a data:
// URL, registers tsx's loader inside the worker and then imports worker.ts. tsx is resolved to an
// absolute path here because a data: module has no base to resolve bare names from.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const ENTRY = './worker.ts';

export function createWorker(): Worker {
  const tsxApi = tsxApiUrl();
  const entry = new URL(ENTRY, import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

/** The ESM build of tsx's API (its CommonJS build cannot register hooks from a data: module). */
function tsxApiUrl(): string {
  if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  // Test runners that rewrite import.meta (vitest) may lack resolve(); the package map says where it is.
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}
