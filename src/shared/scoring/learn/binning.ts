// Pure (no Node, no DOM). Histogram binning: every feature becomes a byte per row so that
// split search scans at most 256 bins instead of sorting values at every node.
import { sortFloats } from './float-order';
import type { FeatureColumn } from './types';

/** Bin 0 is reserved for missing values (numeric) or missing/unknown/rare categories. */
export interface NumericBins {
  readonly kind: 'numeric';
  /** Upper bound of bin b+1 (values <= edges[b]); the last edge is +Infinity. */
  readonly edges: Float64Array;
  readonly nBins: number;
}

export interface CategoricalBins {
  readonly kind: 'categorical';
  /** Bin of each category code; rare codes share bin 0 with missing/unknown. */
  readonly binOfCode: Int32Array;
  readonly nBins: number;
}

export type FeatureBins = NumericBins | CategoricalBins;

/** Fit bins on the rows listed (all rows when omitted). maxBins counts bin 0 too, so ≤ 256. */
export function fitBins(column: FeatureColumn, maxBins: number, rows?: Uint32Array): FeatureBins {
  const limit = Math.max(2, Math.min(256, maxBins));
  return column.kind === 'numeric'
    ? fitNumericBins(column.values, limit - 1, rows)
    : fitCategoricalBins(column.codes, column.levels.length, limit - 1, rows);
}

function fitNumericBins(values: Float64Array, maxValueBins: number, rows?: Uint32Array): NumericBins {
  const n = rows ? rows.length : values.length;
  const present = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const v = values[rows ? rows[k]! : k]!;
    if (!Number.isNaN(v)) present[m++] = v;
  }
  const { distinct, counts } = distinctCounts(present.subarray(0, m));
  const edges: number[] = [];
  if (distinct.length <= maxValueBins) {
    for (let i = 0; i + 1 < distinct.length; i++) edges.push(midpoint(distinct[i]!, distinct[i + 1]!));
  } else {
    const target = m / maxValueBins;
    let acc = 0;
    for (let i = 0; i + 1 < distinct.length && edges.length < maxValueBins - 1; i++) {
      acc += counts[i]!;
      // Close the bin once it holds its share, or when the next value alone would overflow it.
      if (acc >= target || (acc > 0 && acc + counts[i + 1]! > 2 * target)) {
        edges.push(midpoint(distinct[i]!, distinct[i + 1]!));
        acc = 0;
      }
    }
  }
  edges.push(Infinity);
  return { kind: 'numeric', edges: Float64Array.from(edges), nBins: edges.length + 1 };
}

/**
 * Distinct values ascending with their counts (heavy point masses like 50000 get a bin of their
 * own). Low-cardinality columns are counted in a Map and only their distinct values sorted;
 * sorting every row is kept for columns with many values. -0 and 0 count as one value either way.
 */
function distinctCounts(present: Float64Array): { distinct: number[]; counts: number[] } {
  const m = present.length;
  const tally = new Map<number, number>();
  let i = 0;
  for (; i < m && tally.size <= 1024; i++) {
    const v = present[i]!;
    tally.set(v, (tally.get(v) ?? 0) + 1);
  }
  if (i === m && tally.size <= 1024) {
    const distinct = Array.from(tally.keys()).sort((a, b) => a - b);
    return { distinct, counts: distinct.map((v) => tally.get(v)!) };
  }
  const sorted = sortFloats(present);
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < m; k++) {
    const v = sorted[k]!;
    if (distinct.length > 0 && distinct[distinct.length - 1] === v) counts[counts.length - 1]! += 1;
    else {
      distinct.push(v);
      counts.push(1);
    }
  }
  return { distinct, counts };
}

function midpoint(a: number, b: number): number {
  const mid = a + (b - a) / 2;
  // Guard against rounding pushing the cut onto b, which would move b into a's bin.
  return mid < b ? mid : a;
}

function fitCategoricalBins(codes: Int32Array, nLevels: number, maxCatBins: number, rows?: Uint32Array): CategoricalBins {
  const freq = new Float64Array(nLevels);
  const n = rows ? rows.length : codes.length;
  for (let k = 0; k < n; k++) {
    const c = codes[rows ? rows[k]! : k]!;
    if (c >= 0 && c < nLevels) freq[c]! += 1;
  }
  const order = Array.from({ length: nLevels }, (_, i) => i).filter((c) => freq[c]! > 0);
  order.sort((a, b) => freq[b]! - freq[a]! || a - b);
  const binOfCode = new Int32Array(nLevels);
  const kept = Math.min(order.length, maxCatBins);
  for (let r = 0; r < kept; r++) binOfCode[order[r]!] = r + 1;
  return { kind: 'categorical', binOfCode, nBins: kept + 1 };
}

/** Bin index of one raw value. */
export function binOf(bins: FeatureBins, value: number): number {
  if (bins.kind === 'categorical') {
    return Number.isInteger(value) && value >= 0 && value < bins.binOfCode.length ? bins.binOfCode[value]! : 0;
  }
  if (Number.isNaN(value)) return 0;
  const edges = bins.edges;
  let lo = 0;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid]! >= value) hi = mid;
    else lo = mid + 1;
  }
  return lo + 1;
}

/** Column-major byte matrix: feature f of row i is at f * nRows + i. */
export function binMatrix(features: readonly FeatureColumn[], bins: readonly FeatureBins[], rows?: Uint32Array): Uint8Array {
  const nRows = rows ? rows.length : features[0] ? columnLength(features[0]) : 0;
  const out = new Uint8Array(nRows * features.length);
  features.forEach((col, f) => {
    const fb = bins[f]!;
    const column = out.subarray(f * nRows, (f + 1) * nRows);
    // binOf row by row, in a loop per kind of column (one kind of array and bins read in each).
    if (col.kind === 'numeric' && fb.kind === 'numeric') binValues(col.values, fb.edges, rows, column);
    else if (col.kind === 'categorical' && fb.kind === 'categorical') binCodes(col.codes, fb.binOfCode, rows, column);
    else {
      const src = col.kind === 'numeric' ? col.values : col.codes;
      for (let k = 0; k < nRows; k++) column[k] = binOf(fb, src[rows ? rows[k]! : k]!);
    }
  });
  return out;
}

function binValues(values: Float64Array, edges: Float64Array, rows: Uint32Array | undefined, out: Uint8Array): void {
  const last = edges.length - 1;
  for (let k = 0; k < out.length; k++) {
    const value = values[rows ? rows[k]! : k]!;
    if (Number.isNaN(value)) {
      out[k] = 0;
      continue;
    }
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid]! >= value) hi = mid;
      else lo = mid + 1;
    }
    out[k] = lo + 1;
  }
}

function binCodes(codes: Int32Array, binOfCode: Int32Array, rows: Uint32Array | undefined, out: Uint8Array): void {
  const levels = binOfCode.length;
  for (let k = 0; k < out.length; k++) {
    const code = codes[rows ? rows[k]! : k]!;
    out[k] = code >= 0 && code < levels ? binOfCode[code]! : 0;
  }
}

export function columnLength(col: FeatureColumn): number {
  return col.kind === 'numeric' ? col.values.length : col.codes.length;
}
