// Import planning thread (Node, worker_threads): the entry the main process starts (run-import.ts,
// through spawn-node.ts or spawn-electron.ts) and keeps between imports; the work is planner.ts,
// a fresh one for each import's 'start'.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { ImportPlanner } from './planner';
import type { HostToPlanner, PlannerToHost } from './protocol';

const port = parentPort;
if (!port) throw new Error('DS_IMPORT_WORKER: worker.ts must run as a worker thread (run-import.ts)');
const post = (m: PlannerToHost) => port.postMessage(m);
lowerThisThreadsPriority();
let planner: ImportPlanner | null = null;
port.on('message', (m: HostToPlanner) => {
  // Messages come in order: anything left of the import before (its last credits) came first.
  if (m.type === 'start') planner = new ImportPlanner(post);
  planner?.handle(m);
});

/**
 * The import is background work: on Linux this thread alone (not the process) gets nice 10, so
 * when it and the main thread (which serves the windows) both want a core, the main thread gets
 * it. Elsewhere, or where the system refuses, the thread keeps the process's priority.
 */
function lowerThisThreadsPriority(): void {
  try {
    // "<pid>/task/<tid>": setpriority on a thread id changes that thread only (Linux).
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // not Linux, or not allowed: nothing to change
  }
}
