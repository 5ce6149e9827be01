// Scoring worker thread (Node worker_threads): the entry point. Everything scoring computes runs
// here, off the main thread; see protocol.ts for the messages and runtime.ts for what they do.
import { parentPort } from 'node:worker_threads';
import type { HostToWorker } from './protocol';
import { ScoringRuntime } from './runtime';

const port = parentPort;
if (!port) throw new Error('DS_SCORING_ERROR: worker.ts must run as a worker thread');
const runtime = new ScoringRuntime((m) => port.postMessage(m));
port.on('message', (m: HostToWorker) => runtime.handle(m));
port.on('close', () => runtime.close());
