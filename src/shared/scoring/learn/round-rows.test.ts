// The per-row work of a round, done in two ranges (as the boosting thread and its helper do it),
// equals the work done over all rows at once, to the bit.
import { binMatrix, fitBins } from './binning';
import { growTree, leafRouter, type BinnedTree } from './grow';
import { histogramIndex, histogramLayout } from './histogram-layout';
import { createRng } from './prng';
import { drawSalt, gradients, moveMargins, sampleRange } from './round-rows';
import { syntheticTable } from './test-data';

describe('a round’s per-row work in two ranges', () => {
  const n = 3001;
  const split = 1400;

  it('samples the rows of both ranges as one sample, in row order, with the fraction asked', () => {
    const salt = drawSalt(createRng(5));
    const whole = new Uint32Array(n);
    const wholeLeft = new Uint32Array(n);
    const m = sampleRange(0, n, 0.8, salt, whole, 0, wholeLeft, 0);
    const parts = new Uint32Array(n);
    const left = new Uint32Array(n);
    const first = sampleRange(0, split, 0.8, salt, parts, 0, left, 0);
    const second = sampleRange(split, n, 0.8, salt, parts, first, left, split - first);
    expect(first + second).toBe(m);
    expect(Array.from(parts.subarray(0, m))).toEqual(Array.from(whole.subarray(0, m)));
    expect(Array.from(left.subarray(0, n - m))).toEqual(Array.from(wholeLeft.subarray(0, n - m)));
    expect(m / n).toBeGreaterThan(0.77);
    expect(m / n).toBeLessThan(0.83);
    expect(sampleRange(0, n, 1, salt, parts, 0, left, 0)).toBe(n);
  });

  it('moves every row’s margin by its leaf: sampled rows by the partition, the others walked', () => {
    const table = syntheticTable(n, 9, 0.1);
    const featureBins = table.features.map((c) => fitBins(c, 64));
    const bins = binMatrix(table.features, featureBins);
    const nf = featureBins.length;
    const rowBins = new Uint8Array(n * nf);
    for (let f = 0; f < nf; f++) for (let r = 0; r < n; r++) rowBins[r * nf + f] = bins[f * n + r]!;
    const weight = new Float64Array(n).fill(1);
    const positive = Float64Array.from(table.labels);
    const stats = new Float64Array(3 * n);
    for (let g = 0; g < n; g++) stats[3 * g + 2] = 1;
    const expNeg = Float64Array.from({ length: n }, (_, g) => Math.exp(-((g % 7) - 3) / 4));
    const rows = new Uint32Array(n);
    const out = new Uint32Array(n);
    const m = sampleRange(0, n, 0.7, drawSalt(createRng(3)), rows, 0, out, 0);
    gradients(rows, 0, m, expNeg, { weight, positive, stats });
    const sample = rows.subarray(0, m);
    const bt = growTree(
      {
        bins,
        histAt: histogramIndex(bins, histogramLayout(featureBins), n),
        nRows: n,
        featureBins,
        stats,
        rows: sample,
        features: [...Array(nf).keys()],
      },
      {
        maxDepth: 5,
        maxLeaves: 12,
        lambda: 1,
        minChildWeight: 1,
        minSamplesLeaf: 5,
        minSplitGain: 0,
        catSmooth: 10,
      },
    );
    const leafValue = bt.value.map((v) => v * 0.3);
    const leafExp = leafValue.map((v) => Math.exp(-v));
    // One thread: by the leaves' ranges, and the rows out of the sample walked.
    const expected = Float64Array.from({ length: n }, () => 0.25);
    for (const { node, start, end } of bt.leafRanges) for (let k = start; k < end; k++) expected[sample[k]!] = 0.25 + leafValue[node]!;
    const leafOf = new Int32Array(n).fill(-1);
    for (const { node, start, end } of bt.leafRanges) for (let k = start; k < end; k++) leafOf[sample[k]!] = node;
    const tree = { router: leafRouter(bt, 1), leafValue, leafExp };
    const margin = new Float64Array(n).fill(0.25);
    const moved = Float64Array.from(expNeg);
    const leafBuf = new Int32Array(n);
    // Two ranges, each walking its own rows out of the sample.
    const outA = out.subarray(0, n - m).filter((g) => g < split);
    const outB = out.subarray(0, n - m).filter((g) => g >= split);
    moveMargins(tree, rowBins, nf, outA, outA.length, 0, split, leafOf, margin, moved, leafBuf);
    moveMargins(tree, rowBins, nf, outB, outB.length, split, n, leafOf, margin, moved, leafBuf);
    // A row out of the sample moves by the leaf the tree's splits send it to.
    for (const g of out.subarray(0, n - m)) expected[g] = 0.25 + leafValue[leafByHand(bt, bins, n, g)]!;
    for (let g = 0; g < n; g++) expect(leafOf[g]).toBe(leafByHand(bt, bins, n, g));
    expect(Array.from(margin)).toEqual(Array.from(expected));
    expect(Array.from(moved)).toEqual(Array.from(expNeg, (e, g) => e * leafExp[leafOf[g]!]!));
  });
});

/** The leaf a row reaches, by the tree's thresholds, categories and missing-value sides. */
function leafByHand(bt: BinnedTree, bins: Uint8Array, n: number, row: number): number {
  let node = 0;
  while (bt.feature[node]! >= 0) {
    const bin = bins[bt.feature[node]! * n + row]!;
    const mask = bt.catMask[node];
    const left = mask ? mask[bin] === 1 : bin === 0 ? bt.missingLeft[node] === 1 : bin <= bt.binThreshold[node]!;
    node = left ? bt.left[node]! : bt.right[node]!;
  }
  return node;
}
