import { binMatrix, fitBins } from './binning';
import { growTree, selectedBundles, type BinnedTree, type GrowInput } from './grow';
import { histogramIndex, histogramLayout } from './histogram-layout';
import { LocalPart, partSplit } from './tree-part';
import { createRng } from './prng';
import { findBestSplit } from './split';
import { syntheticTable } from './test-data';

// growTree builds one pass over a leaf's rows for all features, and only the smaller child's
// histogram: the larger child's is the parent's minus it. These tests recompute every node's
// histogram directly from the rows that reach it (feature by feature, no subtraction) and check
// that the tree made the split the direct histogram calls for.

const params = { maxDepth: 6, maxLeaves: 24, lambda: 3, minChildWeight: 1, minSamplesLeaf: 10, minSplitGain: 0, catSmooth: 10 };

function makeInput(n: number, seed: number, features: number[]): { input: GrowInput; allRows: Uint32Array } {
  const table = syntheticTable(n, seed, 0.1);
  const featureBins = table.features.map((c) => fitBins(c, 64));
  const bins = binMatrix(table.features, featureBins);
  const rng = createRng(seed + 100);
  const stats = new Float64Array(3 * n);
  for (let r = 0; r < n; r++) {
    const p = rng();
    const w = 1 + Math.floor(rng() * 3); // merged rows stand for several originals
    stats[3 * r] = w * p - (table.labels[r] === 1 ? w * 0.8 : 0);
    stats[3 * r + 1] = w * p * (1 - p);
    stats[3 * r + 2] = w;
  }
  const sampled: number[] = [];
  for (let r = 0; r < n; r++) if (rng() < 0.8) sampled.push(r);
  const allRows = Uint32Array.from(sampled);
  const input: GrowInput = {
    bins,
    histAt: histogramIndex(bins, histogramLayout(featureBins), n),
    nRows: n,
    featureBins,
    stats,
    rows: allRows.slice(),
    features,
  };
  return { input, allRows };
}

function goesLeft(tree: BinnedTree, node: number, bin: number): boolean {
  const mask = tree.catMask[node];
  if (mask) return mask[bin] === 1;
  return bin === 0 ? tree.missingLeft[node] === 1 : bin <= tree.binThreshold[node]!;
}

/** Rows reaching each node, by walking the finished tree (ascending row order). */
function rowsPerNode(tree: BinnedTree, input: GrowInput, rows: Uint32Array): number[][] {
  const out: number[][] = tree.feature.map(() => []);
  for (const r of rows) {
    let node = 0;
    out[0]!.push(r);
    while (tree.feature[node]! >= 0) {
      const bin = input.bins[tree.feature[node]! * input.nRows + r]!;
      node = goesLeft(tree, node, bin) ? tree.left[node]! : tree.right[node]!;
      out[node]!.push(r);
    }
  }
  return out;
}

/** Histogram of `rows` built feature by feature, the plain way (same layout as growTree's). */
function directHistogram(input: GrowInput, rows: number[]): { hist: Float64Array; offsets: Int32Array; g: number; h: number; n: number } {
  const nf = input.featureBins.length;
  const offsets = new Int32Array(nf + 1);
  for (let f = 0; f < nf; f++) offsets[f + 1] = offsets[f]! + input.featureBins[f]!.nBins;
  const hist = new Float64Array(offsets[nf]! * 3);
  for (const f of input.features) {
    for (const r of rows) {
      const at = (offsets[f]! + input.bins[f * input.nRows + r]!) * 3;
      hist[at] = hist[at]! + input.stats[3 * r]!;
      hist[at + 1] = hist[at + 1]! + input.stats[3 * r + 1]!;
      hist[at + 2] = hist[at + 2]! + input.stats[3 * r + 2]!;
    }
  }
  let g = 0;
  let h = 0;
  let n = 0;
  for (const r of rows) {
    g += input.stats[3 * r]!;
    h += input.stats[3 * r + 1]!;
    n += input.stats[3 * r + 2]!;
  }
  return { hist, offsets, g, h, n };
}

describe('growTree (histogram subtraction, all features in one pass)', () => {
  it.each([
    { n: 3000, seed: 1, features: [0, 1, 2, 3] },
    { n: 5000, seed: 2, features: [0, 2, 3] },
    { n: 1500, seed: 3, features: [1, 2] },
  ])('makes the split a direct histogram of each node calls for ($n rows, seed $seed)', ({ n, seed, features }) => {
    const { input, allRows } = makeInput(n, seed, features);
    const tree = growTree(input, params);
    const perNode = rowsPerNode(tree, input, allRows);
    let internal = 0;
    for (let node = 0; node < tree.feature.length; node++) {
      const d = directHistogram(input, perNode[node]!);
      expect(tree.cover[node]).toBeCloseTo(d.h, 9);
      if (tree.feature[node]! < 0) {
        expect(tree.value[node]).toBeCloseTo(-d.g / (d.h + params.lambda), 9);
        continue;
      }
      internal++;
      const best = findBestSplit(d.hist, d.offsets, input.featureBins, features, d.g, d.h, d.n, params)!;
      expect(best).not.toBeNull();
      expect(tree.feature[node]).toBe(best.feature);
      expect(tree.gain[node]).toBeCloseTo(best.gain, 6);
      if (best.catMask) expect(Array.from(tree.catMask[node]!)).toEqual(Array.from(best.catMask));
      else {
        expect(tree.binThreshold[node]).toBe(best.binThreshold);
        expect(tree.missingLeft[node]).toBe(best.missingLeft ? 1 : 0);
      }
    }
    expect(internal).toBeGreaterThan(5);
  });

  it('partitions rows so each leaf range holds exactly the rows that reach that leaf', () => {
    const { input, allRows } = makeInput(4000, 4, [0, 1, 2, 3]);
    const tree = growTree(input, params);
    const perNode = rowsPerNode(tree, input, allRows);
    expect(tree.leafRanges.reduce((s, l) => s + l.end - l.start, 0)).toBe(allRows.length);
    for (const { node, start, end } of tree.leafRanges) {
      expect(Array.from(input.rows.subarray(start, end))).toEqual(perNode[node]);
    }
  });

  it('grows the same tree with the rows in two parts, each leaf holding exactly its rows of each part', () => {
    const { input, allRows } = makeInput(4000, 5, [0, 1, 2, 3]);
    const whole = growTree({ ...input, rows: allRows.slice() }, params);
    const split = partSplit(input.nRows);
    const own = allRows.filter((r) => r < split);
    const theirs = allRows.filter((r) => r >= split);
    const layout = histogramLayout(input.featureBins);
    const part = new LocalPart({
      bins: input.bins,
      nRows: input.nRows,
      histAt: input.histAt,
      stats: input.stats,
      nBundles: layout.bundles.length,
      totalsAt: layout.bundleHistSize,
    });
    part.tree(theirs, selectedBundles(layout, input.features));
    const tree = growTree({ ...input, rows: own }, params, undefined, part);
    // The sums differ from one pass's only in rounding: the same splits, values within 1e-9.
    expect(tree.feature).toEqual(whole.feature);
    expect(tree.left).toEqual(whole.left);
    tree.value.forEach((v, i) => expect(v).toBeCloseTo(whole.value[i]!, 9));
    const perNode = rowsPerNode(tree, input, allRows);
    for (const { node, start, end, partStart, partEnd } of tree.leafRanges) {
      expect([...own.subarray(start, end), ...theirs.subarray(partStart, partEnd)]).toEqual(perNode[node]);
    }
  });
});
