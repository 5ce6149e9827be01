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
  return bins.kind === 'categorical' ? codeBin(bins.binOfCode, value) : valueBin(bins.edges, value);
}

/** A category code's bin: 0 for a missing, unknown or rare one. */
function codeBin(binOfCode: Int32Array, code: number): number {
  return Number.isInteger(code) && code >= 0 && code < binOfCode.length ? binOfCode[code]! : 0;
}

/** A numeric value's bin: 0 when missing, else 1 + the index of the first edge at or above it. */
function valueBin(edges: Float64Array, value: number): number {
  if (Number.isNaN(value)) return 0;
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
    // binOf row by row, in a loop per kind of column: each loop reads one kind of array and of
    // bins, where one loop for both read every value through a generic access.
    if (col.kind === 'numeric' && fb.kind === 'numeric') {
      const { values } = col;
      const { edges } = fb;
      for (let k = 0; k < nRows; k++) column[k] = valueBin(edges, values[rows ? rows[k]! : k]!);
    } else if (col.kind === 'categorical' && fb.kind === 'categorical') {
      const { codes } = col;
      const { binOfCode } = fb;
      for (let k = 0; k < nRows; k++) column[k] = codeBin(binOfCode, codes[rows ? rows[k]! : k]!);
    } else {
      const src = col.kind === 'numeric' ? col.values : col.codes;
      for (let k = 0; k < nRows; k++) column[k] = binOf(fb, src[rows ? rows[k]! : k]!);
    }
  });
  return out;
}

export function columnLength(col: FeatureColumn): number {
  return col.kind === 'numeric' ? col.values.length : col.codes.length;
}
