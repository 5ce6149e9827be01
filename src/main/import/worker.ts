// Import planning thread (Node, worker_threads): the entry the main process starts (run-import.ts,
// through spawn-node.ts or spawn-electron.ts) and keeps between imports; the work is planner.ts,
// a fresh one for each import's 'start'.
import { parentPort } from 'node:worker_threads';
import { lowerThisThreadsPriority } from '../threads/background-priority';
import { ImportPlanner } from './planner';
import type { HostToPlanner, PlannerToHost } from './protocol';

const port = parentPort;
if (!port) throw new Error('DS_IMPORT_WORKER: worker.ts must run as a worker thread (run-import.ts)');
const post = (m: PlannerToHost) => port.postMessage(m);
// Background work: the main thread, serving the windows, gets a core first.
lowerThisThreadsPriority();
let planner: ImportPlanner | null = null;
port.on('message', (m: HostToPlanner) => {
  // Messages come in order: anything left of the import before (its last credits) came first.
  if (m.type === 'start') planner = new ImportPlanner(post);
  planner?.handle(m);
});
