// Runs in Node (main process), inside a worker thread: background threads step aside for the
// main thread, which serves the windows.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of a background thread: weight 110 against the main thread's 1024 (Linux CFS). */
export const BACKGROUND_NICE = 10;

/**
 * Gives the calling thread alone (not the process) nice 10 on Linux, so when it and the main
 * thread both want one of the cores, the main thread gets it. On 2 cores a busy import or search
 * build otherwise held the main thread 20–30 ms at a time waiting for a core (README, import and
 * search rows). Elsewhere, or where the system refuses, the thread keeps the process's priority.
 */
export function lowerThisThreadsPriority(): void {
  let tid: number;
  try {
    // "<pid>/task/<tid>": setpriority on a thread id changes that thread only (Linux).
    tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return; // no /proc/thread-self: not Linux, nothing to change
  }
  if (!Number.isInteger(tid) || tid <= 0) return;
  try {
    setPriority(tid, BACKGROUND_NICE);
  } catch (error) {
    // Raising a nice value is always allowed on Linux; a sandbox may still refuse it.
    console.warn('[threads] DS_THREAD_PRIORITY the background thread keeps the process priority:', String(error));
  }
}
