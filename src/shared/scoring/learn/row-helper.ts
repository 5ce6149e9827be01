// Pure (no Node, no DOM: SharedArrayBuffer and Atomics are the language's). A boosting run shared
// with a helper thread. Each round the two split the per-row work before the tree: the margins
// moved by the last tree, the row sample and the gradients, each thread for its own half of the
// rows; then the root's histogram, each thread for some of its bundles over all the sampled rows.
// While the boosting thread grows the tree, the helper checks the last tree on the hold-out
// (hold-out.ts). Every row's result and every histogram cell's sum are computed as one thread
// computes them, in the same order, so the model is bit for bit the one-thread model.
import type { FeatureBins } from './binning';
import { buildHistogram, takeHist, type GrowWorkspace, type LeafRouter } from './grow';
import { histogramLayout, type HistogramLayout } from './histogram-layout';
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

/** Control words of the row work (after the hold-out's, hold-out.ts). Counters hold round + 1. */
const GO = ROW_WORDS; // the boosting thread: round r may start (last tree published, salt set)
const SALT = ROW_WORDS + 1;
const MAIN_ROWS = ROW_WORDS + 2; // the boosting thread's half of the sample and gradients done
const MAIN_COUNT = ROW_WORDS + 3;
const HELPER_ROWS = ROW_WORDS + 4; // the helper's half done
const HELPER_COUNT = ROW_WORDS + 5;
const HIST = ROW_WORDS + 6; // the helper's bundles of the root histogram done

/** What both threads read and write, as plain data a thread can be sent. */
export interface SharedRows {
  readonly n: number;
  readonly nFeatures: number;
  /** Rows [0, split) are the boosting thread's, [split, n) the helper's. */
  readonly split: number;
  readonly subsample: number;
  readonly featureBins: readonly FeatureBins[];
  /** Row-major bins; histogram positions (GrowInput.histAt); weights. Read only. */
  readonly rowBins: Uint8Array;
  readonly histAt: Int32Array;
  readonly weight: Float64Array;
  readonly positive: Float64Array;
  /** Shared: gradient, hessian, count per row (GrowInput.stats). */
  readonly stats: Float64Array;
  /** Shared: the round's sample, the boosting thread's rows first, then the helper's copied in. */
  readonly rows: Uint32Array;
  /** Shared: the helper's sampled rows. */
  readonly helperRows: Uint32Array;
  /** Shared: the root histogram's cells of the helper's bundles. */
  readonly hist: Float64Array;
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
  base: Pick<SharedRows, 'n' | 'nFeatures' | 'subsample' | 'featureBins' | 'rowBins' | 'histAt' | 'weight' | 'positive'>,
  count: Float64Array,
  bundleHistSize: number,
): SharedRows {
  const { n } = base;
  const split = n >>> 1;
  const stats = shared((b) => new Float64Array(b), 3 * n * 8);
  for (let g = 0; g < n; g++) stats[3 * g + 2] = count[g]!;
  return {
    ...base,
    split,
    stats,
    rows: shared((b) => new Uint32Array(b), n * 4),
    helperRows: shared((b) => new Uint32Array(b), (n - split) * 4),
    hist: shared((b) => new Float64Array(b), (bundleHistSize + 3) * 8),
    selected: shared((b) => new Int32Array(b), (base.featureBins.length + 1) * 4),
    leafOf: shared((b) => new Int32Array(b), n * 4),
  };
}

/** The selected bundles the boosting thread builds; the helper builds the rest. */
const ownBundles = (count: number): number => count >>> 1;

/** Copies the helper's bundles' cells from the shared histogram into `into`. */
function takeCells(layout: HistogramLayout, selected: Int32Array, from: Float64Array, into: Float64Array): void {
  for (let j = ownBundles(selected.length); j < selected.length; j++) {
    const b = selected[j]!;
    into.set(from.subarray(layout.cellOffsets[b]! * 3, layout.cellOffsets[b + 1]! * 3), layout.cellOffsets[b]! * 3);
  }
}

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

/** The boosting thread's side. */
export class RowPartner {
  private readonly control: Int32Array;
  private readonly left: LeftOut;

  constructor(
    private readonly job: HelperJob,
    private readonly layout: HistogramLayout,
    private readonly margin: Float64Array,
    private readonly expNeg: Float64Array,
  ) {
    this.control = new Int32Array(job.pipe.control);
    this.left = new LeftOut(job.rows.split);
  }

  /** After the round's tree: the leaf of every row in its sample, for both threads' margins. */
  grown(leafRanges: readonly { node: number; start: number; end: number }[], rows: Uint32Array): void {
    const { leafOf } = this.job.rows;
    for (const { node, start, end } of leafRanges) for (let k = start; k < end; k++) leafOf[rows[k]!] = node;
  }

  /**
   * Round `round`'s sample (in row order) and its root histogram, the per-row work shared with
   * the helper. `last` is the previous round's tree, already published to the helper.
   */
  round(
    round: number,
    salt: number,
    selected: Int32Array,
    last: LastTree | null,
    work: GrowWorkspace,
  ): { rows: Uint32Array; rootHist: Float64Array } {
    const { control, job, layout } = this;
    const sr = job.rows;
    const timeout = job.pipe.timeoutMs;
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
    control[MAIN_COUNT] = mine;
    signal(control, MAIN_ROWS, round + 1);
    waitChange(control, HELPER_ROWS, round, timeout);
    const theirs = control[HELPER_COUNT]!;
    sr.rows.set(sr.helperRows.subarray(0, theirs), mine);
    const rows = sr.rows.subarray(0, mine + theirs);
    const rootHist = takeHist(work);
    buildHistogram(
      { histAt: sr.histAt, stats: sr.stats, rows },
      layout.bundles.length,
      selected.subarray(0, ownBundles(selected.length)),
      0,
      rows.length,
      rootHist,
      layout.bundleHistSize,
    );
    waitChange(control, HIST, round, timeout);
    takeCells(layout, selected, sr.hist, rootHist);
    return { rows, rootHist };
  }
}

/**
 * The helper's loop: each round its half of the rows and its bundles of the root histogram, then
 * the last tree on the hold-out, until the boosting thread finishes; then the hold-out of the
 * trees it has not checked yet (up to the round its stopping rule stops at).
 */
export function followRounds(job: HelperJob): void {
  const { pipe, rows: sr, valid } = job;
  const control = new Int32Array(pipe.control);
  const layout = histogramLayout(sr.featureBins);
  const nb = layout.bundles.length;
  const state = new HoldOutState(valid, job.baseScore, sr.nFeatures, job.patience);
  const tree = publishedTreeBuffers(pipe.maxNodes);
  const margin = new Float64Array(sr.n).fill(job.baseScore);
  const expNeg = new Float64Array(sr.n).fill(Math.exp(-job.baseScore));
  const theirs = sr.n - sr.split;
  const left = new LeftOut(theirs);
  let checked = 0;
  let stopped = false;
  const check = (round: number): void => {
    const { loss, stop } = state.step(round, tree.router, tree.leafValue, tree.leafExp);
    reportRound(pipe, round, loss, stop);
    checked = round + 1;
    stopped = stop;
  };
  for (let round = 0; ; round++) {
    let go = Atomics.load(control, GO);
    while (go <= round) {
      if (finished(control) && Atomics.load(control, GO) <= round) {
        for (const last = publishedCount(pipe); !stopped && checked < last;) {
          readTree(pipe, checked, tree);
          check(checked);
        }
        return;
      }
      go = waitChange(control, GO, go, pipe.timeoutMs, true);
    }
    if (round > 0) {
      readTree(pipe, round - 1, tree);
      moveMargins(tree, sr.rowBins, sr.nFeatures, left.rows, left.count, sr.split, sr.n, sr.leafOf, margin, expNeg, left.leafBuf);
    }
    const count = sampleRange(sr.split, sr.n, sr.subsample, control[SALT]!, sr.helperRows, 0, left.rows, 0);
    left.count = theirs - count;
    gradients(sr.helperRows, 0, count, expNeg, sr);
    control[HELPER_COUNT] = count;
    signal(control, HELPER_ROWS, round + 1);
    waitChange(control, MAIN_ROWS, round, pipe.timeoutMs);
    const selected = sr.selected.subarray(1, 1 + sr.selected[0]!);
    const mine = selected.subarray(ownBundles(selected.length));
    sr.hist.fill(0);
    buildHistogram(
      { histAt: sr.histAt, stats: sr.stats, rows: sr.rows },
      nb,
      mine,
      0,
      control[MAIN_COUNT]!,
      sr.hist,
      layout.bundleHistSize,
    );
    buildHistogram({ histAt: sr.histAt, stats: sr.stats, rows: sr.helperRows }, nb, mine, 0, count, sr.hist, layout.bundleHistSize);
    signal(control, HIST, round + 1);
    // The last tree on the hold-out while the boosting thread grows this round's.
    if (round > 0 && !stopped) check(round - 1);
  }
}
