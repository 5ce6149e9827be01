// Pure (no Node, no DOM). The partner's part of a tree's rows (grow.ts GrowPartner): rows
// [partSplit(n), n) of a boosting run, sampled, partitioned and histogrammed on their own. On
// one thread LocalPart does it in place; with a helper thread the helper does it
// (row-helper.ts), with these same functions, so both make the same sums.
import { buildHistogram, partition, type GrowPartner } from './grow';

/**
 * Where the boosting thread's rows end and its partner's begin. The partner's part is the smaller
 * one: with a helper, the helper also checks each tree on the hold-out.
 */
export function partSplit(n: number): number {
  return Math.ceil(n * 0.5);
}

/** What a part's work reads: the run's rows (merged, see compress.ts) and its own buffers. */
export interface PartRows {
  /** Column-major bins (GrowInput.bins) and the rows' count. */
  readonly bins: Uint8Array;
  readonly nRows: number;
  /** See GrowInput.histAt and GrowInput.stats. */
  readonly histAt: Int32Array;
  readonly stats: Float64Array;
  readonly nBundles: number;
  /** Where a bundle histogram's totals sit (HistogramLayout.bundleHistSize). */
  readonly totalsAt: number;
}

/** The part's histogram of all its rows of the tree, built from zero into `hist`. */
export function partRoot(data: PartRows, selected: Int32Array, rows: Uint32Array, count: number, hist: Float64Array): void {
  hist.fill(0);
  buildHistogram({ histAt: data.histAt, stats: data.stats, rows }, data.nBundles, selected, 0, count, hist, data.totalsAt);
}

/**
 * One split of the part's rows [start, end): partitioned in place by `sides`, then the histogram
 * of the side `smallLeft` names built from zero into `hist`. Returns the boundary.
 */
export function partSplitStep(
  data: PartRows,
  selected: Int32Array,
  rows: Uint32Array,
  scratch: Uint32Array,
  feature: number,
  sides: Uint8Array,
  start: number,
  end: number,
  smallLeft: boolean,
  hist: Float64Array,
): number {
  const mid = partition(data.bins, feature * data.nRows, rows, start, end, sides, scratch);
  hist.fill(0);
  const [from, to] = smallLeft ? [start, mid] : [mid, end];
  buildHistogram({ histAt: data.histAt, stats: data.stats, rows }, data.nBundles, selected, from, to, hist, data.totalsAt);
  return mid;
}

/** Adds a part's histogram (cells and totals) to `into`. */
export function addPart(into: Float64Array, part: Float64Array, size: number): void {
  for (let i = 0; i < size; i++) into[i] = into[i]! + part[i]!;
}

/** The partner's part on this thread: each step runs when the tree asks for its result. */
export class LocalPart implements GrowPartner {
  private readonly hist: Float64Array;
  private readonly scratch: Uint32Array;
  private selected: Int32Array = new Int32Array(0);
  private rows: Uint32Array = new Uint32Array(0);
  private pending: { feature: number; sides: Uint8Array; start: number; end: number; smallLeft: boolean } | null = null;

  constructor(private readonly data: PartRows) {
    this.hist = new Float64Array(data.totalsAt + 3);
    this.scratch = new Uint32Array(data.nRows);
  }

  /** The next tree's rows of this part and its bundles. */
  tree(rows: Uint32Array, selected: Int32Array): void {
    this.rows = rows;
    this.selected = selected;
  }

  root(into: Float64Array): number {
    partRoot(this.data, this.selected, this.rows, this.rows.length, this.hist);
    addPart(into, this.hist, this.hist.length);
    return this.rows.length;
  }

  begin(feature: number, sides: Uint8Array, start: number, end: number, smallLeft: boolean): void {
    this.pending = { feature, sides, start, end, smallLeft };
  }

  finish(into: Float64Array): number {
    const { feature, sides, start, end, smallLeft } = this.pending!;
    this.pending = null;
    const mid = partSplitStep(this.data, this.selected, this.rows, this.scratch, feature, sides, start, end, smallLeft, this.hist);
    addPart(into, this.hist, this.hist.length);
    return mid;
  }
}
