// Main process in the Electron build: scoring runs in a utility process (a Node environment
// Electron starts and stops with the app). electron-vite bundles worker.ts as its own entry and
// `?modulePath` gives the built file's path (https://electron-vite.org/guide/dev#utility-process).
// This import only resolves inside electron-vite; plain Node uses spawn-node.ts instead.
import { utilityProcess } from 'electron';
import workerPath from './worker?modulePath';
import type { WorkerToHost } from './protocol';
import { processWorker, type ScoringWorker } from './worker-handle';

export function createWorker(): ScoringWorker {
  const child = utilityProcess.fork(workerPath, [], { serviceName: 'Deep Sales scoring', stdio: 'inherit' });
  return processWorker({
    pid: () => child.pid,
    send: (m) => child.postMessage(m),
    onMessage: (listener) => { child.on('message', (m: WorkerToHost) => listener(m)); },
    onError: (listener) => { child.on('error', (type: string, location: string) => listener(new Error(`scoring process failed: ${type} at ${location}`))); },
    onExit: (listener) => { child.once('exit', (code: number) => listener(`code ${code}`)); },
    kill: () => { child.kill(); },
    // Electron's own lifecycle decides when the app ends, not pending work.
    keepAlive: () => undefined,
  });
}
