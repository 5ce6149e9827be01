// Scoring worker: the entry point of the process scoring runs in. Everything scoring computes
// runs here, off the main process; see protocol.ts for the messages and runtime.ts for what they
// do. Started by spawn-electron.ts (an Electron utility process: `process.parentPort`) or
// spawn-node.ts (a forked Node process: `process.send`); the scoring bench also starts it as a
// worker thread (worker_threads' `parentPort`) to compare.
import { parentPort } from 'node:worker_threads';
import type { HostToWorker, WorkerToHost } from './protocol';
import { ScoringRuntime } from './runtime';

interface ParentPort {
  postMessage(message: WorkerToHost): void;
  on(event: 'message', listener: (event: { data: HostToWorker }) => void): void;
}

/** The host's end, whichever way this was started. */
interface HostPort {
  send(message: WorkerToHost): void;
  onMessage(listener: (message: HostToWorker) => void): void;
  /** The host closed the channel or died: nothing will read what this computes. */
  onGone(listener: () => void): void;
}

function hostPort(): HostPort {
  const thread = parentPort;
  if (thread) {
    return {
      send: (m) => thread.postMessage(m),
      onMessage: (l) => { thread.on('message', l); },
      onGone: (l) => { thread.on('close', l); },
    };
  }
  // Electron ends a utility process with the app; it has no channel to lose.
  const utility = (process as { parentPort?: ParentPort }).parentPort;
  if (utility) return { send: (m) => utility.postMessage(m), onMessage: (l) => utility.on('message', (e) => l(e.data)), onGone: () => undefined };
  const send = process.send?.bind(process);
  if (send) {
    return {
      // A send racing the host's exit fails with EPIPE; the 'disconnect' that follows ends this process.
      send: (m) => { if (process.connected) send(m, undefined, undefined, () => undefined); },
      onMessage: (l) => { process.on('message', (m) => l(m as HostToWorker)); },
      onGone: (l) => { process.on('disconnect', () => { l(); process.exit(0); }); },
    };
  }
  throw new Error('DS_SCORING_ERROR: worker.ts must run as a scoring process (utilityProcess, fork with IPC) or worker thread');
}

const port = hostPort();
const runtime = new ScoringRuntime(port.send);
port.onMessage((m) => runtime.handle(m));
port.onGone(() => runtime.close());
