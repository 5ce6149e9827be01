// Pure (no Node, no DOM). Where a training row's gradient goes in a leaf's histogram: features
// with few bins bundled into one histogram (grow.ts builds them, split.ts reads per-feature ones).
import type { FeatureBins } from './binning';

/**
 * Features with few bins share a histogram: a bundle's cell is the joint bin of its members
 * (bin of the first + nBins of the first × bin of the second …), so a row adds to one cell per
 * bundle instead of one bin per feature. Each feature's own histogram is the sum of the bundle's
 * cells over the other members' bins, made only when a leaf's best split is searched (a few
 * hundred cells, against tens of thousands of row adds). On the IBM set ten features make five
 * bundles: half the adds per row.
 */
export interface HistogramLayout {
  /** Per feature, where its bins start in a per-feature histogram (in bins; ×3 for the array). */
  readonly offsets: Int32Array;
  /** Per-feature histogram length (3 doubles per bin). */
  readonly histSize: number;
  /** Members of each bundle, ascending. */
  readonly bundles: readonly Int32Array[];
  /** Where each bundle's cells start in a bundle histogram (in cells); one more entry at the end. */
  readonly cellOffsets: Int32Array;
  /** Bundle histogram length (3 doubles per cell). */
  readonly bundleHistSize: number;
  /**
   * Per bundle, per cell, per member: the member's bin in the per-feature histogram, ×3
   * (cellTargets[b][cell * members + m]), so expanding a cell is a list of adds.
   */
  readonly cellTargets: readonly Int32Array[];
  /** Bundle of every feature. */
  readonly bundleOf: Int32Array;
}

/**
 * Largest joint bin count of one bundle. Larger bundles mean fewer adds per row but more cells to
 * clear, subtract, expand and (with helper threads) exchange per leaf: 1,024 was slower than 256
 * on the IBM set with two threads (the per-leaf work is what the threads cannot share), 128 no faster.
 */
export const BUNDLE_CELLS = 256;

export function histogramLayout(featureBins: readonly FeatureBins[], maxCells = BUNDLE_CELLS): HistogramLayout {
  const nf = featureBins.length;
  const offsets = new Int32Array(nf + 1);
  for (let f = 0; f < nf; f++) offsets[f + 1] = offsets[f]! + featureBins[f]!.nBins;
  // Greedy, fewest bins first: a bundle takes features while its joint bin count stays in bounds.
  const order = Array.from({ length: nf }, (_, f) => f).sort((a, b) => featureBins[a]!.nBins - featureBins[b]!.nBins || a - b);
  const groups: number[][] = [];
  let cells = Infinity;
  for (const f of order) {
    const nb = featureBins[f]!.nBins;
    if (cells * nb > maxCells) {
      groups.push([f]);
      cells = nb;
    } else {
      groups[groups.length - 1]!.push(f);
      cells *= nb;
    }
  }
  const bundles = groups.map((g) => Int32Array.from(g.sort((a, b) => a - b)));
  const bundleOf = new Int32Array(nf);
  const cellOffsets = new Int32Array(bundles.length + 1);
  const cellTargets = bundles.map((members, b) => {
    let size = 1;
    for (const f of members) {
      bundleOf[f] = b;
      size *= featureBins[f]!.nBins;
    }
    cellOffsets[b + 1] = cellOffsets[b]! + size;
    const targets = new Int32Array(size * members.length);
    for (let cell = 0; cell < size; cell++) {
      let rest = cell;
      members.forEach((f, m) => {
        const nb = featureBins[f]!.nBins;
        targets[cell * members.length + m] = (offsets[f]! + (rest % nb)) * 3;
        rest = Math.floor(rest / nb);
      });
    }
    return targets;
  });
  return {
    offsets,
    histSize: offsets[nf]! * 3,
    bundles,
    cellOffsets,
    bundleHistSize: cellOffsets[bundles.length]! * 3,
    cellTargets,
    bundleOf,
  };
}

/** GrowInput.histAt for a column-major binned matrix. */
export function histogramIndex(bins: Uint8Array, layout: HistogramLayout, nRows: number): Int32Array {
  const nb = layout.bundles.length;
  const out = new Int32Array(nRows * nb);
  layout.bundles.forEach((members, b) => {
    for (let r = 0; r < nRows; r++) out[r * nb + b] = layout.cellOffsets[b]!;
    let stride = 1;
    for (const f of members) {
      const col = f * nRows;
      for (let r = 0; r < nRows; r++) out[r * nb + b] = out[r * nb + b]! + bins[col + r]! * stride;
      stride *= layout.offsets[f + 1]! - layout.offsets[f]!;
    }
    for (let r = 0; r < nRows; r++) out[r * nb + b] = out[r * nb + b]! * 3;
  });
  return out;
}

/** The per-feature histogram of the selected bundles' members, from a bundle histogram (cells with no rows skipped). */
export function expandHistogram(layout: HistogramLayout, selected: Int32Array, hist: Float64Array, out: Float64Array): Float64Array {
  out.fill(0);
  for (let j = 0; j < selected.length; j++) {
    const b = selected[j]!;
    const targets = layout.cellTargets[b]!;
    const k = layout.bundles[b]!.length;
    const first = layout.cellOffsets[b]!;
    const cells = layout.cellOffsets[b + 1]! - first;
    for (let cell = 0; cell < cells; cell++) {
      const at = (first + cell) * 3;
      const c = hist[at + 2]!;
      if (c === 0) continue;
      const g = hist[at]!;
      const h = hist[at + 1]!;
      for (let m = cell * k, end = m + k; m < end; m++) {
        const t = targets[m]!;
        out[t] = out[t]! + g;
        out[t + 1] = out[t + 1]! + h;
        out[t + 2] = out[t + 2]! + c;
      }
    }
  }
  return out;
}
