// Pure (no Node, no DOM: SharedArrayBuffer and Atomics are the language's). A boosting run shared
// with a helper thread. The rows come in two parts (tree-part.ts): the boosting thread's and the
// helper's. Each round each thread moves its part's margins by the last tree, samples it and
// computes its gradients and its root histogram; then, as the boosting thread grows the tree,
// the helper partitions its part at each split and builds its histogram of the smaller child,
// which the boosting thread adds to its own; after the tree, the helper checks the last tree on
// the hold-out (hold-out.ts). One thread does the same with LocalPart and the same functions, so
// the model is bit for bit the one-thread model.
import type { FeatureBins } from './binning';
import type { GrowPartner, LeafRange, LeafRouter } from './grow';
import { histogramLayout } from './histogram-layout';
import {
  finished,
  HoldOutState,
  publishedCount,
  publishedTreeBuffers,
  readTree,
  reportRound,
  ROW_WORDS,
  signal,
  waitChange,
  type HoldOutPipe,
  type HoldOutRows,
} from './hold-out';
import { gradients, moveMargins, sampleRange } from './round-rows';
import { addPart, partRoot, partSplit, partSplitStep, type PartRows } from './tree-part';

/** Control words of the row work (after the hold-out's, hold-out.ts). Counters hold round + 1. */
const GO = ROW_WORDS; // the boosting thread: round r may start (last tree published, salt set)
const SALT = ROW_WORDS + 1;
const HELPER_COUNT = ROW_WORDS + 2; // the helper's sampled rows this round
const HIST = ROW_WORDS + 3; // the helper's root histogram done
/** The boosting thread's asks, counted over the run: a split of the helper's rows, or the tree's end. */
const ASK = ROW_WORDS + 4;
const ASK_FEATURE = ROW_WORDS + 5; // -1: the tree is grown
const ASK_START = ROW_WORDS + 6;
const ASK_END = ROW_WORDS + 7;
const ASK_SMALL_LEFT = ROW_WORDS + 8;
/** The helper's answers, counted as the asks, and the boundary of the last split. */
const ANSWER = ROW_WORDS + 9;
const ANSWER_MID = ROW_WORDS + 10;

/** What both threads read and write, as plain data a thread can be sent. */
export interface SharedRows {
  readonly n: number;
  readonly nFeatures: number;
  /** Rows [0, split) are the boosting thread's, [split, n) the helper's (partSplit). */
  readonly split: number;
  readonly subsample: number;
  readonly featureBins: readonly FeatureBins[];
  /** Column-major and row-major bins; histogram positions (GrowInput.histAt); weights. Read only. */
  readonly bins: Uint8Array;
  readonly rowBins: Uint8Array;
  readonly histAt: Int32Array;
  readonly weight: Float64Array;
  readonly positive: Float64Array;
  /** Shared: gradient, hessian, count per row (GrowInput.stats). */
  readonly stats: Float64Array;
  /** The boosting thread's sampled rows. */
  readonly rows: Uint32Array;
  /** Shared: the helper's sampled rows, partitioned by the tree as it grows. */
  readonly helperRows: Uint32Array;
  /** Shared: the helper's last histogram (its root's, then each split's smaller child's). */
  readonly hist: Float64Array;
  /** Shared: the split asked of the helper, as bin → goes left. */
  readonly sides: Uint8Array;
  /** Shared: the round's selected bundles (count first). */
  readonly selected: Int32Array;
  /** Shared: the leaf of each row in the last tree's sample (written by the boosting thread). */
  readonly leafOf: Int32Array;
}

/** What a helper thread is sent for one training run. */
export interface HelperJob {
  readonly baseScore: number;
  readonly patience: number;
  readonly pipe: HoldOutPipe;
  readonly valid: HoldOutRows;
  readonly rows: SharedRows;
}

const shared = <T>(make: (buffer: SharedArrayBuffer) => T, bytes: number): T => make(new SharedArrayBuffer(bytes));

/** The shared buffers for a run over `n` (merged) rows; `count` fills the stats' third column. */
export function sharedRows(
  base: Pick<SharedRows, 'n' | 'nFeatures' | 'subsample' | 'featureBins' | 'bins' | 'rowBins' | 'histAt' | 'weight' | 'positive'>,
  count: Float64Array,
  bundleHistSize: number,
): SharedRows {
  const { n } = base;
  const split = partSplit(n);
  const stats = shared((b) => new Float64Array(b), 3 * n * 8);
  for (let g = 0; g < n; g++) stats[3 * g + 2] = count[g]!;
  return {
    ...base,
    split,
    stats,
    rows: new Uint32Array(split),
    helperRows: shared((b) => new Uint32Array(b), (n - split) * 4),
    hist: shared((b) => new Float64Array(b), (bundleHistSize + 3) * 8),
    sides: shared((b) => new Uint8Array(b), 256),
    selected: shared((b) => new Int32Array(b), (base.featureBins.length + 1) * 4),
    leafOf: shared((b) => new Int32Array(b), n * 4),
  };
}

/** Hold-out rows checked between two looks for the boosting thread's next ask (~10 µs). */
const CHECK_ROWS = 64;

/** A part's work over the shared rows. */
const partRows = (sr: SharedRows, nBundles: number, totalsAt: number): PartRows => ({
  bins: sr.bins,
  nRows: sr.n,
  histAt: sr.histAt,
  stats: sr.stats,
  nBundles,
  totalsAt,
});

/** The last tree, for moving the margins at the next round's start. */
export interface LastTree {
  readonly router: LeafRouter;
  readonly leafValue: ArrayLike<number>;
  readonly leafExp: ArrayLike<number>;
}

/** Each thread's rows left out of the last round's sample. */
class LeftOut {
  readonly rows: Uint32Array;
  count = 0;
  readonly leafBuf: Int32Array;

  constructor(size: number) {
    this.rows = new Uint32Array(size);
    this.leafBuf = new Int32Array(size);
  }
}

/** The boosting thread's side, and the tree's partner for the helper's part of the rows. */
export class RowPartner implements GrowPartner {
  private readonly control: Int32Array;
  private readonly left: LeftOut;
  private readonly totalsAt: number;
  private round = -1;
  private asks = 0;

  constructor(
    private readonly job: HelperJob,
    bundleHistSize: number,
    private readonly margin: Float64Array,
    private readonly expNeg: Float64Array,
  ) {
    this.control = new Int32Array(job.pipe.control);
    this.left = new LeftOut(job.rows.split);
    this.totalsAt = bundleHistSize;
  }

  /**
   * Starts round `round` (its salt and bundles to the helper) and returns this thread's part of
   * its sample. `last` is the previous round's tree, already published to the helper.
   */
  start(round: number, salt: number, selected: Int32Array, last: LastTree | null): Uint32Array {
    const { control, job } = this;
    const sr = job.rows;
    this.round = round;
    sr.selected[0] = selected.length;
    sr.selected.set(selected, 1);
    control[SALT] = salt;
    signal(control, GO, round + 1);
    const { left } = this;
    if (last)
      moveMargins(last, sr.rowBins, sr.nFeatures, left.rows, left.count, 0, sr.split, sr.leafOf, this.margin, this.expNeg, left.leafBuf);
    const mine = sampleRange(0, sr.split, sr.subsample, salt, sr.rows, 0, left.rows, 0);
    left.count = sr.split - mine;
    gradients(sr.rows, 0, mine, this.expNeg, sr);
    return sr.rows.subarray(0, mine);
  }

  root(into: Float64Array): number {
    const { control, job } = this;
    waitChange(control, HIST, this.round, job.pipe.timeoutMs);
    addPart(into, job.rows.hist, this.totalsAt + 3);
    return control[HELPER_COUNT]!;
  }

  begin(feature: number, sides: Uint8Array, start: number, end: number, smallLeft: boolean): void {
    this.job.rows.sides.set(sides);
    this.ask(feature, start, end, smallLeft ? 1 : 0);
  }

  finish(into: Float64Array): number {
    const { control, job } = this;
    // Answers count splits only (the tree's end is not answered), so wait for this ask's own.
    for (let seen = Atomics.load(control, ANSWER); seen !== this.asks;) seen = waitChange(control, ANSWER, seen, job.pipe.timeoutMs);
    addPart(into, job.rows.hist, this.totalsAt + 3);
    return control[ANSWER_MID]!;
  }

  /**
   * After the round's tree: the leaf of every row in its sample (both parts), for both threads'
   * margins; then the helper is told the tree is grown.
   */
  grown(leafRanges: readonly LeafRange[], rows: Uint32Array): void {
    const { leafOf, helperRows } = this.job.rows;
    for (const { node, start, end, partStart, partEnd } of leafRanges) {
      for (let k = start; k < end; k++) leafOf[rows[k]!] = node;
      for (let k = partStart; k < partEnd; k++) leafOf[helperRows[k]!] = node;
    }
    this.ask(-1, 0, 0, 0);
  }

  private ask(feature: number, start: number, end: number, smallLeft: number): void {
    const { control } = this;
    control[ASK_FEATURE] = feature;
    control[ASK_START] = start;
    control[ASK_END] = end;
    control[ASK_SMALL_LEFT] = smallLeft;
    signal(control, ASK, ++this.asks);
  }
}

/**
 * The helper's loop: each round its part of the rows and their root histogram, then each split
 * of its part the tree asks for, then the last tree on the hold-out, until the boosting thread
 * finishes; then the hold-out of the trees it has not checked yet (up to the round its stopping
 * rule stops at).
 */
export function followRounds(job: HelperJob): void {
  const { pipe, rows: sr, valid } = job;
  const control = new Int32Array(pipe.control);
  const layout = histogramLayout(sr.featureBins);
  const data = partRows(sr, layout.bundles.length, layout.bundleHistSize);
  const state = new HoldOutState(valid, job.baseScore, sr.nFeatures, job.patience);
  const tree = publishedTreeBuffers(pipe.maxNodes);
  const margin = new Float64Array(sr.n).fill(job.baseScore);
  const expNeg = new Float64Array(sr.n).fill(Math.exp(-job.baseScore));
  const theirs = sr.n - sr.split;
  const left = new LeftOut(theirs);
  const scratch = new Uint32Array(theirs);
  let checked = 0;
  let stopped = false;
  let asks = 0;
  const report = (round: number, { loss, stop }: { loss: number; stop: boolean }): void => {
    reportRound(pipe, round, loss, stop);
    checked = round + 1;
    stopped = stop;
  };
  /** Waits for `word` to move from `seen`, checking the begun tree on the hold-out meanwhile. */
  const waitWorking = (word: number, seen: number, orFinished: boolean): number => {
    for (;;) {
      const now = Atomics.load(control, word);
      if (now !== seen || (orFinished && finished(control))) return now;
      if (!state.applying) return waitChange(control, word, seen, pipe.timeoutMs, orFinished);
      if (state.advance(CHECK_ROWS)) report(checked, state.end(checked));
    }
  };
  for (let round = 0; ; round++) {
    let go = Atomics.load(control, GO);
    while (go <= round) {
      if (finished(control) && Atomics.load(control, GO) <= round) {
        if (state.applying) report(checked, state.end(checked));
        for (const last = publishedCount(pipe); !stopped && checked < last;) {
          readTree(pipe, checked, tree);
          report(checked, state.step(checked, tree.router, tree.leafValue, tree.leafExp));
        }
        return;
      }
      go = waitWorking(GO, go, true);
    }
    // The last tree's check reads `tree`, about to hold the next one.
    if (state.applying) report(checked, state.end(checked));
    if (round > 0) {
      readTree(pipe, round - 1, tree);
      moveMargins(tree, sr.rowBins, sr.nFeatures, left.rows, left.count, sr.split, sr.n, sr.leafOf, margin, expNeg, left.leafBuf);
    }
    const count = sampleRange(sr.split, sr.n, sr.subsample, control[SALT]!, sr.helperRows, 0, left.rows, 0);
    left.count = theirs - count;
    gradients(sr.helperRows, 0, count, expNeg, sr);
    const selected = sr.selected.slice(1, 1 + sr.selected[0]!);
    partRoot(data, selected, sr.helperRows, count, sr.hist);
    control[HELPER_COUNT] = count;
    signal(control, HIST, round + 1);
    // The last tree on the hold-out, a few rows at a time while the boosting thread has no ask.
    if (round > 0 && !stopped) state.begin(tree);
    // The tree's splits of this part, until it is grown.
    for (;;) {
      waitWorking(ASK, asks, false);
      asks++;
      const feature = control[ASK_FEATURE]!;
      if (feature < 0) break;
      const mid = partSplitStep(
        data,
        selected,
        sr.helperRows,
        scratch,
        feature,
        sr.sides,
        control[ASK_START]!,
        control[ASK_END]!,
        control[ASK_SMALL_LEFT] === 1,
        sr.hist,
      );
      control[ANSWER_MID] = mid;
      signal(control, ANSWER, asks);
    }
  }
}
