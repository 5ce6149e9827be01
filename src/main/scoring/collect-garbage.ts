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
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
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

/** When compactGarbage stops: little left to give back, or a step that gave back little. */
const COMPACT_SLACK_BYTES = 24 * 2 ** 20;
const COMPACT_MIN_GAIN_BYTES = 2 * 2 ** 20;
const COMPACT_MAX_STEPS = 24;
/** The process's own --max-semi-space-size (MB; 0: V8's default), restored after each step. */
const SEMI_SPACE_FLAG_MB = semiSpaceFlag([...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)]);

/** The last --max-semi-space-size given in these arguments, else 0. */
export function semiSpaceFlag(args: readonly string[]): number {
  let mb = 0;
  for (const arg of args) {
    const m = /^--max[-_]semi[-_]space[-_]size=(\d+)$/.exec(arg);
    if (m) mb = Number(m[1]);
  }
  return mb;
}

/**
 * Full collections that also give back the heap's half-empty pages, one per turn until the heap
 * holds little more than it uses. A plain full collection frees objects but leaves the pages
 * they sat on committed: after a first open's read of L the worker's heap kept ~310 MB for
 * ~170 MB live, and training then grew from there (the open's memory peak, issue 19).
 *
 * V8 moves objects off sparse pages when it is asked to save memory (`--optimize-for-size`),
 * a bounded amount per collection; one collection with every page compacted at once
 * (`--compact-on-every-full-gc`) held the moved objects twice for a moment (+150 MB). So the flag
 * is set only around each step's collection and the steps run one per turn, the worker's
 * messages answered before and between them. The flag is process-wide: a main-thread collection in that
 * moment would compact as well, which costs it time, not memory; and a thread started in that
 * moment gets a 2 MB young generation.
 *
 * Resolves with the steps run (0 where no collection could be requested) once done or `stop`
 * says so.
 */
export async function compactGarbage(stop: () => boolean = () => false): Promise<number> {
  let steps = 0;
  while (steps < COMPACT_MAX_STEPS) {
    // Each step on a turn of its own, the first too: what waits for the thread goes first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (stop()) break;
    const before = getHeapStatistics();
    if (steps > 0 && before.total_heap_size - before.used_heap_size < COMPACT_SLACK_BYTES) break;
    setFlagsFromString('--optimize-for-size');
    let ran: boolean;
    try {
      ran = collectGarbage();
    } finally {
      setFlagsFromString('--no-optimize-for-size');
      // The flag also sets --max-semi-space-size to 1 (MB), and turning it off leaves that:
      // every thread started afterwards (search's build, the training helper) then ran with a
      // 2 MB young generation. Back to the process's own value (0: V8's default, under which a
      // thread's resourceLimits apply).
      setFlagsFromString(`--max-semi-space-size=${SEMI_SPACE_FLAG_MB}`);
    }
    if (!ran) break;
    steps++;
    if (before.total_heap_size - getHeapStatistics().total_heap_size < COMPACT_MIN_GAIN_BYTES && steps > 1) break;
  }
  return steps;
}
