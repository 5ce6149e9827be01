// Main process: the one place that picks how the scoring worker starts. electron-vite rewrites
// `?modulePath` imports at build time and plain Node (tsx) cannot load them, so each variant lives
// in its own small file and only the one for this runtime is ever imported.
import type { ScoringWorker } from './worker-handle';

export async function spawnScoringWorker(): Promise<ScoringWorker> {
  const adapter = process.versions['electron'] ? await import('./spawn-electron') : await import('./spawn-node');
  return adapter.createWorker();
}
