// Import planning thread (Node, worker_threads): the entry the main process starts for each
// import (run-import.ts, through spawn-node.ts or spawn-electron.ts); the work is planner.ts.
import { parentPort } from 'node:worker_threads';
import { ImportPlanner } from './planner';
import type { HostToPlanner, PlannerToHost } from './protocol';

const port = parentPort;
if (!port) throw new Error('DS_IMPORT_WORKER: worker.ts must run as a worker thread (run-import.ts)');
const planner = new ImportPlanner((m: PlannerToHost) => port.postMessage(m));
port.on('message', (m: HostToPlanner) => planner.handle(m));
