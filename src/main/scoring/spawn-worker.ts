// Main process: the one place that starts the scoring worker thread. electron-vite rewrites
// `?nodeWorker` imports at build time and plain Node (tsx) cannot load them, so each runtime's
// way of locating the worker's code lives in its own small file and only the one for this
// runtime is ever imported; both start the same worker_threads Worker with the same limits.
import {
  SCORING_RESOURCE_LIMITS,
  threadWorker,
  type ScoringWorker,
  type ScoringWorkerData,
  type ScoringWorkerOptions,
} from './worker-handle';

export async function spawnScoringWorker(options: ScoringWorkerOptions = {}): Promise<ScoringWorker> {
  const adapter = process.versions['electron'] ? await import('./spawn-electron') : await import('./spawn-node');
  const workerData: ScoringWorkerData = { testHooks: options.testHooks ?? false };
  return threadWorker(adapter.createWorker({ resourceLimits: options.resourceLimits ?? SCORING_RESOURCE_LIMITS, workerData }));
}
