// Main process: what the scoring service needs of its worker, and the one way it runs: a
// `worker_threads` worker of the main process (ARCHITECTURE.md), started with resourceLimits.
// A thread keeps most of what a process of its own gave: an out-of-memory (its old generation
// is capped, so it hits the cap long before the process would) or an uncaught error ends the
// worker, not the app; the service answers what was pending with DS_SCORING_ERROR and starts a
// new one. Its messages are structured-clone messages (protocol.ts), as a process's were.
import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { HostToWorker, WorkerToHost } from './protocol';

/**
 * The worker's V8 limits. The old generation holds the aggregates of up to a million
 * interactions and a training set (~145 MB live on L, scoring-memory bench); past the cap the
 * worker, not the app, ends with ERR_WORKER_OUT_OF_MEMORY. The cap also sets how much garbage
 * V8 lets pile up between full collections: its heap may grow to ~1.3–2× the live data, more the
 * higher the cap (V8's MaxGrowingFactor; 1.8× at 1,536 MB, 1.6× at 1,024 MB). With 1,536 an
 * idle worker on L sat at 430 MB of heap for ~250 MB live; 1,024 still leaves 7× the live data.
 */
export const SCORING_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1024 };

export interface ScoringWorkerOptions {
  resourceLimits?: ResourceLimits;
  /** Honour `testFault` messages (tests only). */
  testHooks?: boolean;
}

/** What the worker reads from `workerData`. */
export interface ScoringWorkerData {
  testHooks: boolean;
}

export interface ScoringWorker {
  /** The worker thread's id within this process (diagnostics, tests). */
  threadId(): number;
  postMessage(message: HostToWorker): void;
  onMessage(listener: (message: WorkerToHost) => void): void;
  /** Called once if the worker cannot start, or stops without being asked to. */
  onFailure(listener: (error: Error) => void): void;
  /**
   * Whether waiting for it keeps this process alive. Off while nothing is asked of it, so an idle
   * worker never keeps a closing app (or a finished test run) alive; on while an answer is awaited.
   */
  keepAlive(on: boolean): void;
  /** Stops it; resolves once it has exited. */
  terminate(): Promise<void>;
}

export function threadWorker(worker: Worker): ScoringWorker {
  let running = true;
  let stopping = false;
  let failed = false;
  let lastError: Error | null = null;
  const failureListeners: ((error: Error) => void)[] = [];
  const fail = (error: Error) => {
    if (stopping || failed) return;
    failed = true;
    for (const l of failureListeners) l(error);
  };
  worker.unref();
  // 'error' (an uncaught exception, ERR_WORKER_OUT_OF_MEMORY) is always followed by 'exit'.
  worker.on('error', (err) => {
    lastError = err;
  });
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      running = false;
      resolve();
      const why = lastError ? `${(lastError as { code?: string }).code ?? 'error'}: ${lastError.message}` : `code ${code}`;
      fail(new Error(`scoring worker stopped (${why})`, lastError ? { cause: lastError } : undefined));
    }),
  );
  return {
    threadId: () => worker.threadId,
    postMessage: (message) => {
      if (running) worker.postMessage(message);
    },
    onMessage: (listener) => {
      worker.on('message', (m: WorkerToHost) => listener(m));
    },
    onFailure: (listener) => {
      failureListeners.push(listener);
    },
    keepAlive: (on) => {
      if (on) worker.ref();
      else worker.unref();
    },
    async terminate() {
      stopping = true;
      if (running) await worker.terminate();
      await exited;
    },
  };
}
