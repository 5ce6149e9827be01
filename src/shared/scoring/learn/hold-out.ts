// Pure (no Node, no DOM: SharedArrayBuffer and Atomics are the language's). The hold-out's side
// of boosting: each round's tree routes the hold-out rows, their logits move, the mean loss says
// whether to stop early. It needs nothing of the next tree, so a helper thread can do it while the
// boosting thread grows that tree: the boosting thread publishes each round's tree into a ring
// of shared slots and reads the losses back a round or more later. Both apply the same stopping
// rule to the same losses, so they stop at the same round, and the trees, the losses and the kept
// logits are exactly those of one thread doing both (what gbm.ts does without a helper). The
// helper's loop, which also shares each round's row work, is row-helper.ts's; the pipe and its
// waits are here.
import { LearnError } from './errors';
import { routeLeaves, type LeafRouter } from './grow';

/** The hold-out rows (merged, see compress.ts) as plain data a thread can be sent. */
export interface HoldOutRows {
  readonly n: number;
  /** Row-major bins (a tree walk reads one row's bins). */
  readonly rowBins: Uint8Array;
  readonly weight: Float64Array;
  readonly positive: Float64Array;
  /** The logits under the kept trees, written as the best round moves. Shared memory with a helper. */
  readonly keptMargin: Float64Array;
}

/**
 * The lowest hold-out loss so far and its round; a round improves on it by more than 1e-12.
 * The one rule for "best round", kept by the hold-out's side and by the boosting thread reading
 * the losses back, so the two cannot disagree.
 */
export class BestRound {
  loss = Infinity;
  round = -1;

  /** Takes round `round`'s loss; true if it is the new best. */
  see(round: number, loss: number): boolean {
    if (!(loss < this.loss - 1e-12)) return false;
    this.loss = loss;
    this.round = round;
    return true;
  }
}

/** The rows' logits and the stopping rule, one step per round (the same on either thread). */
export class HoldOutState {
  private readonly margin: Float64Array;
  /** e^-margin per row: a leaf's step multiplies it by one e^-v instead of an exp per row. */
  private readonly expNeg: Float64Array;
  private readonly leafBuf: Int32Array;
  private readonly best = new BestRound();

  constructor(
    private readonly rows: HoldOutRows,
    baseScore: number,
    private readonly nFeatures: number,
    private readonly patience: number,
  ) {
    this.margin = new Float64Array(rows.n).fill(baseScore);
    this.expNeg = new Float64Array(rows.n).fill(Math.exp(-baseScore));
    this.leafBuf = new Int32Array(rows.n);
  }

  /** The tree being applied (begin → advance → end) and how far it has come. */
  private tree: HoldOutTree | null = null;
  private at = 0;
  private loss = 0;
  private wsum = 0;

  /** Applies round `round`'s tree; returns its mean loss and whether boosting stops after it. */
  step(round: number, router: LeafRouter, leafValue: ArrayLike<number>, leafExp: ArrayLike<number>): { loss: number; stop: boolean } {
    this.begin({ router, leafValue, leafExp });
    this.advance(this.rows.n);
    return this.end(round);
  }

  /**
   * Starts applying a tree, to be moved along by `advance` (a helper thread does it a few rows
   * at a time between answering the boosting thread) and finished by `end`: the same sums in the
   * same order as one `step`.
   */
  begin(tree: HoldOutTree): void {
    this.tree = tree;
    this.at = 0;
    this.loss = 0;
    this.wsum = 0;
  }

  /** True while a tree is begun and not ended. */
  get applying(): boolean {
    return this.tree !== null;
  }

  /** Applies the begun tree to up to `count` more rows; true once every row has it. */
  advance(count: number): boolean {
    const { rows, margin, expNeg, leafBuf, nFeatures } = this;
    const { router, leafValue, leafExp } = this.tree!;
    const from = this.at;
    const to = Math.min(rows.n, from + count);
    routeLeaves(router, rows.rowBins.subarray(from * nFeatures), nFeatures, null, to - from, leafBuf);
    let { loss, wsum } = this;
    for (let g = from; g < to; g++) {
      const leaf = leafBuf[g - from]!;
      const m = margin[g]! + leafValue[leaf]!;
      margin[g] = m;
      const e = expNeg[g]! * leafExp[leaf]!;
      expNeg[g] = e;
      // log(1 + e^-m) and log(1 + e^m) = that + m, weighted by the group's positive and negative
      // weight; -m where e^-m is too large for log1p to be exact.
      const lpos = e < 1e300 ? Math.log1p(e) : -m;
      const pos = rows.positive[g]!;
      loss += pos * lpos + (rows.weight[g]! - pos) * (lpos + m);
      wsum += rows.weight[g]!;
    }
    this.loss = loss;
    this.wsum = wsum;
    this.at = to;
    return to === rows.n;
  }

  /** Finishes the begun tree (its remaining rows first) as round `round`: its mean loss and whether boosting stops after it. */
  end(round: number): { loss: number; stop: boolean } {
    const { rows, margin } = this;
    if (this.at < rows.n) this.advance(rows.n - this.at);
    this.tree = null;
    const mean = this.loss / this.wsum;
    const improved = this.best.see(round, mean);
    // Until some round improves (never, with NaN losses), the latest logits are the kept ones.
    if (improved || this.best.round < 0) rows.keptMargin.set(margin);
    return { loss: mean, stop: !improved && this.patience > 0 && round - this.best.round >= this.patience };
  }
}

/** A tree as the hold-out applies it. */
export interface HoldOutTree {
  readonly router: LeafRouter;
  readonly leafValue: ArrayLike<number>;
  readonly leafExp: ArrayLike<number>;
}

/** Rounds a helper may trail the boosting thread by before it waits. */
const RING = 4;
/** Control words. */
const PUBLISHED = 0;
const DONE = 1;
const FINISHED = 2;
const ABORTED = 3;
/** 1 once the helper's stopping rule has said stop; then STOP_AT is the number of its last result. */
const STOPPED = 4;
const STOP_AT = 5;
/** Control words from here on are the row work's (row-helper.ts: 11 of them). */
export const ROW_WORDS = 6;
const CONTROL_WORDS = 20;

/** The shared memory between the boosting thread and its hold-out helper. */
export interface HoldOutPipe {
  readonly control: SharedArrayBuffer;
  /** Per ring slot: node count, then featureAt, left, right (Int32 × maxNodes each). */
  readonly shape: SharedArrayBuffer;
  /** Per ring slot: the split tables (256 bytes a node). */
  readonly tables: SharedArrayBuffer;
  /** Per ring slot: leaf values then their e^-v (Float64 × maxNodes each). */
  readonly values: SharedArrayBuffer;
  /** Per round: the mean loss, then 1 if boosting stops after it. */
  readonly results: SharedArrayBuffer;
  readonly maxNodes: number;
  readonly timeoutMs: number;
}

export function holdOutPipe(maxLeaves: number, rounds: number, timeoutMs = 30_000): HoldOutPipe {
  const maxNodes = 2 * maxLeaves - 1;
  return {
    control: new SharedArrayBuffer(CONTROL_WORDS * 4),
    shape: new SharedArrayBuffer(RING * (1 + 3 * maxNodes) * 4),
    tables: new SharedArrayBuffer(RING * maxNodes * 256),
    values: new SharedArrayBuffer(RING * 2 * maxNodes * 8),
    results: new SharedArrayBuffer(rounds * 2 * 8),
    maxNodes,
    timeoutMs,
  };
}

function views(pipe: HoldOutPipe) {
  return {
    control: new Int32Array(pipe.control),
    shape: new Int32Array(pipe.shape),
    tables: new Uint8Array(pipe.tables),
    values: new Float64Array(pipe.values),
    results: new Float64Array(pipe.results),
  };
}

const stopped = (): never => {
  throw new LearnError('DS_LEARN_THREAD', 'The training thread checking the hold-out stopped; training again on one thread.');
};

/** How long a wait spins before it sleeps (ms): most waits of a round are shorter. */
const SPIN_MS = 0.5;

/** Wakes whichever side waits on any word. */
function notifyAll(control: Int32Array): void {
  for (let word = 0; word < CONTROL_WORDS; word++) Atomics.notify(control, word);
}

/** Sets a flag word and wakes every waiter (FINISHED, ABORTED). */
function raise(control: Int32Array, flag: number): void {
  Atomics.store(control, flag, 1);
  notifyAll(control);
}

/** True once the boosting thread has said it publishes nothing more. */
export function finished(control: Int32Array): boolean {
  return Atomics.load(control, FINISHED) === 1;
}

/**
 * Waits until control[word] differs from `seen` (or, with `orFinished`, the boosting thread has
 * finished; throws when the pipe is aborted or times out). Spins a little first: the other side
 * usually answers within microseconds, and a sleeping thread takes ~25 µs to wake (measured
 * here), a few times per round.
 */
export function waitChange(control: Int32Array, word: number, seen: number, timeoutMs: number, orFinished = false): number {
  const spinUntil = performance.now() + SPIN_MS;
  do {
    for (let spin = 0; spin < 256; spin++) {
      const now = Atomics.load(control, word);
      if (now !== seen) return now;
    }
  } while (performance.now() < spinUntil);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = Atomics.load(control, word);
    if (now !== seen || (orFinished && finished(control))) return now;
    if (Atomics.load(control, ABORTED) === 1) stopped();
    if (Date.now() > deadline) {
      raise(control, ABORTED);
      stopped();
    }
    Atomics.wait(control, word, seen, 50);
  }
}

/** Sets a counter word and wakes its waiter. */
export function signal(control: Int32Array, word: number, value: number): void {
  Atomics.store(control, word, value);
  Atomics.notify(control, word);
}

/** The boosting thread's end of the pipe. */
export class HoldOutPublisher {
  private readonly v: ReturnType<typeof views>;
  private published = 0;
  private read = 0;

  constructor(private readonly pipe: HoldOutPipe) {
    this.v = views(pipe);
  }

  /** Hands round `published`'s tree to the helper (waiting while the ring is full). */
  publish(router: LeafRouter, nodes: number, leafValue: ArrayLike<number>, leafExp: ArrayLike<number>): void {
    const { control, shape, tables, values } = this.v;
    const { maxNodes, timeoutMs } = this.pipe;
    let done = Atomics.load(control, DONE);
    while (this.published - done >= RING) {
      // The helper stopped at an earlier round while this thread ran ahead: this tree is dropped.
      if (Atomics.load(control, STOPPED) === 1) return;
      done = waitChange(control, DONE, done, timeoutMs);
    }
    const slot = this.published % RING;
    const at = slot * (1 + 3 * maxNodes);
    shape[at] = nodes;
    shape.set(router.featureAt.subarray(0, nodes), at + 1);
    shape.set(router.left.subarray(0, nodes), at + 1 + maxNodes);
    shape.set(router.right.subarray(0, nodes), at + 1 + 2 * maxNodes);
    tables.set(router.table.subarray(0, nodes * 256), slot * maxNodes * 256);
    for (let i = 0; i < nodes; i++) {
      values[slot * 2 * maxNodes + i] = leafValue[i]!;
      values[slot * 2 * maxNodes + maxNodes + i] = leafExp[i]!;
    }
    this.published++;
    Atomics.store(control, PUBLISHED, this.published);
    Atomics.notify(control, PUBLISHED);
  }

  /** The results that have arrived, in round order (all of them, waiting, when `all`). */
  take(all: boolean): { loss: number; stop: boolean }[] {
    const { control, results } = this.v;
    const out: { loss: number; stop: boolean }[] = [];
    if (Atomics.load(control, ABORTED) === 1) stopped();
    let done = Atomics.load(control, DONE);
    if (all) {
      raise(control, FINISHED);
      // Every published round's result, or up to the round the helper stopped at.
      const last = (): number => (Atomics.load(control, STOPPED) === 1 ? Atomics.load(control, STOP_AT) : this.published);
      while (done < last()) done = waitChange(control, DONE, done, this.pipe.timeoutMs);
    }
    for (; this.read < done; this.read++) out.push({ loss: results[2 * this.read]!, stop: results[2 * this.read + 1] === 1 });
    return out;
  }

  /** Tells the helper nothing more comes (after a stop: the results it still owes are not read). */
  finish(): void {
    raise(this.v.control, FINISHED);
  }

  /** Ends the helper's run when this thread fails. */
  close(): void {
    const { control } = this.v;
    Atomics.store(control, FINISHED, 1);
    raise(control, ABORTED);
  }
}

/**
 * The helper's result for `round`. A stop is announced before the result counts as done, so a
 * boosting thread that sees the count move also sees that nothing more will come.
 */
export function reportRound(pipe: HoldOutPipe, round: number, loss: number, stop: boolean): void {
  const { control, results } = views(pipe);
  results[2 * round] = loss;
  results[2 * round + 1] = stop ? 1 : 0;
  if (stop) {
    Atomics.store(control, STOP_AT, round + 1);
    Atomics.store(control, STOPPED, 1);
  }
  Atomics.store(control, DONE, round + 1);
  Atomics.notify(control, DONE);
}

/** A published tree as the helper reads it back. */
export interface PublishedTree {
  readonly router: LeafRouter;
  readonly leafValue: Float64Array;
  readonly leafExp: Float64Array;
}

export function publishedTreeBuffers(maxNodes: number): PublishedTree {
  return {
    router: {
      featureAt: new Int32Array(maxNodes),
      left: new Int32Array(maxNodes),
      right: new Int32Array(maxNodes),
      table: new Uint8Array(maxNodes * 256),
    },
    leafValue: new Float64Array(maxNodes),
    leafExp: new Float64Array(maxNodes),
  };
}

/** Copies round `round`'s published tree out of its ring slot into `into`. */
export function readTree(pipe: HoldOutPipe, round: number, into: PublishedTree): void {
  const { shape, tables, values } = views(pipe);
  const { maxNodes } = pipe;
  const { router, leafValue, leafExp } = into;
  const slot = round % RING;
  const at = slot * (1 + 3 * maxNodes);
  const nodes = shape[at]!;
  router.featureAt.set(shape.subarray(at + 1, at + 1 + nodes));
  router.left.set(shape.subarray(at + 1 + maxNodes, at + 1 + maxNodes + nodes));
  router.right.set(shape.subarray(at + 1 + 2 * maxNodes, at + 1 + 2 * maxNodes + nodes));
  router.table.set(tables.subarray(slot * maxNodes * 256, (slot * maxNodes + nodes) * 256));
  leafValue.set(values.subarray(slot * 2 * maxNodes, slot * 2 * maxNodes + nodes));
  leafExp.set(values.subarray(slot * 2 * maxNodes + maxNodes, slot * 2 * maxNodes + maxNodes + nodes));
}

/** How many trees the boosting thread has published. */
export function publishedCount(pipe: HoldOutPipe): number {
  return Atomics.load(new Int32Array(pipe.control), PUBLISHED);
}
