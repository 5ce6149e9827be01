// Main process (or plain Node): long work on the thread that also serves the windows, cut into
// slices. Work runs until its slice has used its budget, then gives the event loop a turn, so no
// slice holds the thread for long whatever the size of the files. Checking the clock costs
// ~50 ns, so loops ask after every row; a turn every 100 rows instead was measured holding the
// thread 100–200 ms on a loaded machine (test/bench/import.bench.ts).
import { setImmediate as turn } from 'node:timers/promises';

/** Milliseconds of work between turns: well under the 50 ms a window may wait for the thread. */
export const SLICE_MS = 8;

export class TimeSlicer {
  private started = performance.now();

  constructor(readonly budgetMs = SLICE_MS) {}

  /** True once this slice has used its budget: the caller should `await turn()`. */
  get due(): boolean {
    return performance.now() - this.started >= this.budgetMs;
  }

  /** Ms since the slice began, for callers that size their next piece of work by it. */
  get elapsed(): number {
    return performance.now() - this.started;
  }

  async turn(): Promise<void> {
    await turn();
    this.started = performance.now();
  }

  /** A turn if the slice is used up (awaiting it otherwise costs one microtask). */
  async pause(): Promise<void> {
    if (this.due) await this.turn();
  }
}
