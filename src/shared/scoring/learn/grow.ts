// Pure (no Node, no DOM). Grows one regression tree on binned data, leaf-wise (best-gain leaf
// first), with histogram subtraction: only the smaller child's histogram is built by scanning
// rows, the larger one is parent minus smaller.
import type { FeatureBins } from './binning';
import { findBestSplit, type SplitCandidate, type SplitParams } from './split';

export interface GrowParams extends SplitParams {
  maxDepth: number;
  maxLeaves: number;
}

export interface GrowInput {
  /** Column-major binned matrix of the training rows. */
  bins: Uint8Array;
  nRows: number;
  featureBins: readonly FeatureBins[];
  /** Gradients and hessians per training row. */
  grad: Float64Array;
  hess: Float64Array;
  /** Original rows each (merged) row stands for. */
  count: Float64Array;
  /** Rows used for this tree (row subsample); reordered in place. */
  rows: Uint32Array;
  /** Features allowed for this tree (column subsample). */
  features: readonly number[];
}

/** A tree over bins; converted to raw thresholds/codes by the caller. */
export interface BinnedTree {
  feature: number[];
  binThreshold: number[];
  missingLeft: number[];
  /** For categorical splits: per bin, 1 if the bin goes left. */
  catMask: (Uint8Array | null)[];
  left: number[];
  right: number[];
  value: number[];
  cover: number[];
  gain: number[];
  /** Leaf node id and its [start, end) range in `rows` after partitioning. */
  leafRanges: { node: number; start: number; end: number }[];
}

interface Leaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  hist: Float64Array;
  g: number;
  h: number;
  /** Original rows in the leaf (Σ count). */
  n: number;
  best: SplitCandidate | null;
}

export function growTree(input: GrowInput, params: GrowParams): BinnedTree {
  const { featureBins, rows } = input;
  const offsets = new Int32Array(featureBins.length + 1);
  for (let f = 0; f < featureBins.length; f++) offsets[f + 1] = offsets[f]! + featureBins[f]!.nBins;
  const histSize = offsets[featureBins.length]! * 3;
  const scratch = new Uint32Array(rows.length);
  const tree: BinnedTree = {
    feature: [], binThreshold: [], missingLeft: [], catMask: [], left: [], right: [],
    value: [], cover: [], gain: [], leafRanges: [],
  };
  const newNode = (g: number, h: number): number => {
    tree.feature.push(-1);
    tree.binThreshold.push(0);
    tree.missingLeft.push(0);
    tree.catMask.push(null);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(-g / (h + params.lambda));
    tree.cover.push(h);
    tree.gain.push(0);
    return tree.feature.length - 1;
  };

  const rootHist = new Float64Array(histSize);
  buildHistogram(input, offsets, 0, rows.length, rootHist);
  let g0 = 0;
  let h0 = 0;
  for (let k = 0; k < rows.length; k++) {
    g0 += input.grad[rows[k]!]!;
    h0 += input.hess[rows[k]!]!;
  }
  const evaluate = (leaf: Leaf): void => {
    leaf.best =
      leaf.depth < params.maxDepth && leaf.n >= 2 * params.minSamplesLeaf && leaf.end - leaf.start >= 2
        ? findBestSplit(leaf.hist, offsets, featureBins, input.features, leaf.g, leaf.h, leaf.n, params)
        : null;
  };
  const root: Leaf = { node: newNode(g0, h0), start: 0, end: rows.length, depth: 0, hist: rootHist, g: g0, h: h0, n: 0, best: null };
  for (let k = 0; k < rows.length; k++) root.n += input.count[rows[k]!]!;
  evaluate(root);
  const leaves: Leaf[] = [root];

  while (leaves.length < params.maxLeaves) {
    let pick = -1;
    for (let i = 0; i < leaves.length; i++) {
      const b = leaves[i]!.best;
      if (b && (pick < 0 || b.gain > leaves[pick]!.best!.gain)) pick = i;
    }
    if (pick < 0) break;
    const leaf = leaves[pick]!;
    const split = leaf.best!;
    const mid = partition(input, leaf.start, leaf.end, split, scratch);
    const leftNode = newNode(split.gl, split.hl);
    const rightNode = newNode(leaf.g - split.gl, leaf.h - split.hl);
    const n = leaf.node;
    tree.feature[n] = split.feature;
    tree.binThreshold[n] = split.binThreshold;
    tree.missingLeft[n] = split.missingLeft ? 1 : 0;
    tree.catMask[n] = split.catMask;
    tree.left[n] = leftNode;
    tree.right[n] = rightNode;
    tree.value[n] = 0;
    tree.gain[n] = split.gain;

    const leftLeaf: Leaf = { node: leftNode, start: leaf.start, end: mid, depth: leaf.depth + 1, hist: leaf.hist, g: split.gl, h: split.hl, n: split.nl, best: null };
    const rightLeaf: Leaf = { node: rightNode, start: mid, end: leaf.end, depth: leaf.depth + 1, hist: leaf.hist, g: leaf.g - split.gl, h: leaf.h - split.hl, n: leaf.n - split.nl, best: null };
    const [small, large] = mid - leaf.start <= leaf.end - mid ? [leftLeaf, rightLeaf] : [rightLeaf, leftLeaf];
    const smallHist = new Float64Array(histSize);
    buildHistogram(input, offsets, small.start, small.end, smallHist);
    const parentHist = leaf.hist;
    for (let i = 0; i < histSize; i++) parentHist[i] = parentHist[i]! - smallHist[i]!;
    small.hist = smallHist;
    large.hist = parentHist;
    evaluate(leftLeaf);
    evaluate(rightLeaf);
    leaves.splice(pick, 1, leftLeaf, rightLeaf);
  }
  for (const leaf of leaves) tree.leafRanges.push({ node: leaf.node, start: leaf.start, end: leaf.end });
  return tree;
}

/** Histogram layout: for feature f, bin b: [(offsets[f] + b) * 3 + 0..2] = sum g, sum h, count. */
function buildHistogram(input: GrowInput, offsets: Int32Array, start: number, end: number, hist: Float64Array): void {
  const { bins, nRows, grad, hess, count, rows, features } = input;
  const m = end - start;
  // Gather the leaf's (g, h, count) once in row order ("ordered gradients", as in LightGBM), so the
  // per-feature loops below read them sequentially instead of three random reads per row and feature.
  const ordered = new Float64Array(m * 3);
  for (let k = 0; k < m; k++) {
    const r = rows[start + k]!;
    ordered[k * 3] = grad[r]!;
    ordered[k * 3 + 1] = hess[r]!;
    ordered[k * 3 + 2] = count[r]!;
  }
  for (const f of features) {
    const col = f * nRows;
    const base = offsets[f]! * 3;
    for (let k = 0; k < m; k++) {
      const at = base + bins[col + rows[start + k]!]! * 3;
      hist[at] = hist[at]! + ordered[k * 3]!;
      hist[at + 1] = hist[at + 1]! + ordered[k * 3 + 1]!;
      hist[at + 2] = hist[at + 2]! + ordered[k * 3 + 2]!;
    }
  }
}

/** Stable in-place partition of rows[start, end): left rows first. Returns the boundary. */
function partition(input: GrowInput, start: number, end: number, split: SplitCandidate, scratch: Uint32Array): number {
  const { bins, nRows, rows } = input;
  const col = split.feature * nRows;
  let l = start;
  let r = 0;
  // Two specialised loops: this runs for every row at every split, so no per-row branching on split kind.
  const mask = split.catMask;
  if (mask) {
    for (let k = start; k < end; k++) {
      const row = rows[k]!;
      if (mask[bins[col + row]!] === 1) rows[l++] = row;
      else scratch[r++] = row;
    }
  } else {
    const threshold = split.binThreshold;
    const missingLeft = split.missingLeft;
    for (let k = start; k < end; k++) {
      const row = rows[k]!;
      const b = bins[col + row]!;
      if (b === 0 ? missingLeft : b <= threshold) rows[l++] = row;
      else scratch[r++] = row;
    }
  }
  rows.set(scratch.subarray(0, r), l);
  return l;
}

/**
 * Leaf of every row of a column-major binned matrix, written into `out`. Walks a typed-array
 * copy of the tree: this runs for all validation rows every boosting round.
 */
export function binnedLeaves(tree: BinnedTree, bins: Uint8Array, nRows: number, rows: Uint32Array | null, out: Int32Array): void {
  const n = tree.feature.length;
  const feature = Int32Array.from(tree.feature);
  const threshold = Int32Array.from(tree.binThreshold);
  const missingLeft = Uint8Array.from(tree.missingLeft);
  const left = Int32Array.from(tree.left);
  const right = Int32Array.from(tree.right);
  // Categorical masks flattened: node i's 256 entries at i * 256 (1 = left); -1 marks numeric nodes.
  const isCat = new Uint8Array(n);
  const masks = new Uint8Array(n * 256);
  tree.catMask.forEach((m, i) => {
    if (m) {
      isCat[i] = 1;
      masks.set(m, i * 256);
    }
  });
  const count = rows ? rows.length : nRows;
  for (let k = 0; k < count; k++) {
    const r = rows ? rows[k]! : k;
    let node = 0;
    while (feature[node]! >= 0) {
      const b = bins[feature[node]! * nRows + r]!;
      const goLeft = isCat[node] === 1 ? masks[node * 256 + b] === 1 : b === 0 ? missingLeft[node] === 1 : b <= threshold[node]!;
      node = goLeft ? left[node]! : right[node]!;
    }
    out[k] = node;
  }
}
