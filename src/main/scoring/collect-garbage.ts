// Scoring worker thread (Node): a full garbage collection after the worker's big bursts of work
// (reading the workspace, training), so its heap gives back what they left instead of staying at
// their high-water mark. V8 collects on its own schedule, which lets an idle worker keep its
// garbage: on L the worker's heap held 267 MB right after training for ~165 MB live (heap total
// plus off-heap 412 MB, over the 400 MB target; scoring bench part C). A collection of the
// worker's heap runs on the worker's thread only; the main thread never waits for it.
//
// `gc` is not exposed to a worker (execArgv takes no V8 flags there), so the flag is set at run
// time and the function taken from a fresh context, where V8 installs it once the flag is on. The
// flag is process-wide but only puts `gc` into contexts made after it, which this app does not
// make elsewhere.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/** Runs a full collection; false where the runtime refused to expose one (then nothing ran). */
export function collectGarbage(): boolean {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch (error) {
      // A runtime that refuses the flag only costs memory: say so once and carry on without it.
      console.error('[scoring] DS_SCORING_GC a full collection could not be requested:', error);
      collect = null;
    }
  }
  collect?.();
  return collect !== null;
}
