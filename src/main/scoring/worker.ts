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

const electronPort = (process as { parentPort?: ParentPort }).parentPort;
const send = process.send?.bind(process);

if (parentPort) {
  const port = parentPort;
  const runtime = new ScoringRuntime((m) => port.postMessage(m));
  port.on('message', (m: HostToWorker) => runtime.handle(m));
  port.on('close', () => runtime.close());
} else if (electronPort) {
  const runtime = new ScoringRuntime((m) => electronPort.postMessage(m));
  electronPort.on('message', (e) => runtime.handle(e.data));
} else if (send) {
  // A send racing the host's exit fails with EPIPE; 'disconnect' below ends this process then.
  const runtime = new ScoringRuntime((m) => { if (process.connected) send(m, undefined, undefined, () => undefined); });
  process.on('message', (m) => runtime.handle(m as HostToWorker));
  // The host closed the channel or died: nothing will read what this process computes.
  process.on('disconnect', () => {
    runtime.close();
    process.exit(0);
  });
} else {
  throw new Error('DS_SCORING_ERROR: worker.ts must run as a scoring process (utilityProcess, fork with IPC) or worker thread');
}
