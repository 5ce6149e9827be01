// Scoring bench only: the scoring worker as a worker thread of this process, as it ran before it
// moved to a process of its own, so the bench can measure both (BENCH_SCORING_IN=thread).
// `execArgv: ['--import', 'tsx']` is not honoured for worker threads in every Node 20 setup, so
// a two-line ESM bootstrap, passed as a data: URL, registers tsx's loader inside the worker and
// then imports worker.ts.
import { Worker } from 'node:worker_threads';
import { processWorker, type ScoringWorker } from '../../../src/main/scoring/worker-handle';
import type { WorkerToHost } from '../../../src/main/scoring/protocol';

export function createThreadWorker(): ScoringWorker {
  const entry = new URL('../../../src/main/scoring/worker.ts', import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(entry)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
  worker.unref();
  return processWorker({
    pid: () => process.pid,
    send: (m) => worker.postMessage(m),
    onMessage: (listener) => { worker.on('message', (m: WorkerToHost) => listener(m)); },
    onError: (listener) => { worker.on('error', listener); },
    onExit: (listener) => { worker.once('exit', (code) => listener(`code ${code}`)); },
    kill: () => { void worker.terminate(); },
    keepAlive: (on) => { if (on) worker.ref(); else worker.unref(); },
  });
}
