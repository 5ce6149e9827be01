// Runs in Node (main process, its worker threads): background threads yield the CPU to the main
// thread. On 2 cores the scoring worker's training and its collections, the search build and
// the main thread all want a core at once; the kernel then shares the cores evenly and the main
// thread (which serves the windows and stores the scores) waited 56–146 ms in the run queue
// while it was runnable (scoring bench part C, the main thread's scheduler counters sampled every
// 2 ms). With a higher nice value the kernel gives the background thread a tenth of the main
// thread's share when both are runnable, and all of an idle core otherwise, so the work takes as
// long on a free machine.
//
// Linux only: there a thread has its own nice value, set through its thread id. macOS and
// Windows have no per-thread nice that Node reaches, so there the call says it did nothing.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice value of the app's background threads (0 is the main thread's, 19 the lowest). */
export const BACKGROUND_NICE = 10;

export interface ThreadPriorityDeps {
  readonly platform: NodeJS.Platform;
  /** `/proc/thread-self` names the calling thread: `<pid>/task/<tid>`. */
  readonly readlink: (path: string) => string;
  readonly setPriority: (id: number, priority: number) => void;
}

const NODE_DEPS: ThreadPriorityDeps = { platform: process.platform, readlink: (p) => readlinkSync(p), setPriority };

/**
 * Gives the calling thread the background nice value; the thread id it set, or null where the
 * platform has no per-thread priority or refused (then the thread runs as before: only
 * responsiveness is at stake, so it is not an error).
 */
export function lowerThreadPriority(deps: ThreadPriorityDeps = NODE_DEPS): number | null {
  if (deps.platform !== 'linux') return null;
  try {
    const tid = Number(/\/task\/(\d+)$/.exec(deps.readlink('/proc/thread-self'))?.[1]);
    if (!Number.isInteger(tid) || tid <= 0) return null;
    deps.setPriority(tid, BACKGROUND_NICE);
    return tid;
  } catch {
    return null;
  }
}
