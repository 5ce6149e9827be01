// Main process in the Electron build: electron-vite bundles the worker entry separately and
// `?nodeWorker` gives a factory that starts it (https://electron-vite.org/guide/dev#worker-threads).
// This import only resolves inside electron-vite; plain Node uses spawn-node.ts instead.
import createScoringWorker from './worker?nodeWorker';
import type { Worker } from 'node:worker_threads';

export function createWorker(): Worker {
  return createScoringWorker({});
}
