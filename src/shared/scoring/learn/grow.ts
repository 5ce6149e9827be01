// Pure (no Node, no DOM). Grows one regression tree on binned data, leaf-wise (best-gain leaf
// first), with histogram subtraction: only the smaller child's histogram is built by scanning
// rows, the larger one is parent minus smaller. A tree's rows come in two parts: this thread's
// and a partner's (GrowPartner: a helper thread, or LocalPart here), each partitioned on its own
// and each building its own histogram, summed cell by cell; the same sums in the same order
// either way, so the tree does not depend on where the partner ran.
import type { FeatureBins } from './binning';
import { expandHistogram, histogramLayout, type HistogramLayout } from './histogram-layout';
import { findBestSplit, type SplitCandidate, type SplitParams } from './split';

export interface GrowParams extends SplitParams {
  maxDepth: number;
  maxLeaves: number;
}

export interface GrowInput {
  /** Column-major binned matrix of the training rows (feature f of row r at f * nRows + r). */
  bins: Uint8Array;
  /**
   * For histograms, row-major: where row r's cell of bundle b sits in a bundle histogram,
   * histAt[r * nBundles + b] = (cellOffset[b] + cell) * 3 (see histogramIndex). One row's entries
   * sit together, and one pass over the rows fills every bundle's histogram.
   */
  histAt: Int32Array;
  nRows: number;
  featureBins: readonly FeatureBins[];
  /**
   * Per training row r: gradient at [3r], hessian at [3r + 1], original rows it stands for
   * (merged rows, see compress.ts) at [3r + 2]; gradients read only for the rows in `rows`. One
   * array, so a histogram add reads one cache line per row instead of three.
   */
  stats: Float64Array;
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
  /**
   * Leaf node id, its [start, end) range in `rows` after partitioning and, with a partner, its
   * [partStart, partEnd) range in the partner's rows.
   */
  leafRanges: LeafRange[];
}

export interface LeafRange {
  node: number;
  start: number;
  end: number;
  partStart: number;
  partEnd: number;
}

/**
 * The other part of a tree's rows, grown alongside this thread's. Its histograms are built from
 * zero and added to this thread's cell by cell (totals included).
 */
export interface GrowPartner {
  /** Adds the histogram of all its rows of the tree to `into`; returns how many rows it has. */
  root(into: Float64Array): number;
  /**
   * Starts partitioning its rows [start, end) of a leaf by `sides` (bin of `feature` → 1 when
   * the row goes left) and building the histogram of the side `smallLeft` names.
   */
  begin(feature: number, sides: Uint8Array, start: number, end: number, smallLeft: boolean): void;
  /** Waits for what begin started; adds its histogram to `into`; returns its boundary. */
  finish(into: Float64Array): number;
}

interface Leaf {
  node: number;
  start: number;
  end: number;
  /** Its rows in the partner's part. */
  partStart: number;
  partEnd: number;
  depth: number;
  hist: Float64Array;
  g: number;
  h: number;
  /** Original rows in the leaf (Σ count). */
  n: number;
  best: SplitCandidate | null;
}

/**
 * Buffers reused by every tree of one boosting run: a fresh histogram per split and a row
 * buffer per partition made a quarter of training's time garbage collection and zero-filling.
 */
export interface GrowWorkspace {
  readonly layout: HistogramLayout;
  readonly scratch: Uint32Array;
  /** The split being applied, as bin → side (see splitTable). */
  readonly sides: Uint8Array;
  /** Free bundle histograms; a tree holds at most maxLeaves at once. */
  readonly pool: Float64Array[];
  /** The per-feature histogram of the leaf whose split is being searched. */
  readonly featureHist: Float64Array;
}

export function growWorkspace(layout: HistogramLayout, nRows: number): GrowWorkspace {
  return {
    layout,
    scratch: new Uint32Array(nRows),
    sides: new Uint8Array(256),
    pool: [],
    featureHist: new Float64Array(layout.histSize),
  };
}

/** A bundle histogram ends with the leaf's totals: Σ g, Σ h, Σ count (see buildHistogram). */
const TOTALS = 3;

export function takeHist(work: GrowWorkspace): Float64Array {
  const h = work.pool.pop();
  if (!h) return new Float64Array(work.layout.bundleHistSize + TOTALS);
  h.fill(0);
  return h;
}

/** Grows one tree over `input.rows` and, when given, the partner's rows. */
export function growTree(
  input: GrowInput,
  params: GrowParams,
  work: GrowWorkspace = growWorkspace(histogramLayout(input.featureBins), input.nRows),
  partner?: GrowPartner,
): BinnedTree {
  const { featureBins, rows } = input;
  const { layout, scratch } = work;
  const { offsets, bundleHistSize } = layout;
  const nb = layout.bundles.length;
  const histogramOf = (start: number, end: number): Float64Array => {
    const hist = takeHist(work);
    buildHistogram(input, nb, selected, start, end, hist, bundleHistSize);
    return hist;
  };
  const tree: BinnedTree = {
    feature: [],
    binThreshold: [],
    missingLeft: [],
    catMask: [],
    left: [],
    right: [],
    value: [],
    cover: [],
    gain: [],
    leafRanges: [],
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
  const selected = selectedBundles(layout, input.features);
  const rootHist = histogramOf(0, rows.length);
  const partRows = partner ? partner.root(rootHist) : 0;
  const evaluate = (leaf: Leaf): void => {
    leaf.best =
      leaf.depth < params.maxDepth && leaf.n >= 2 * params.minSamplesLeaf && leaf.end - leaf.start + leaf.partEnd - leaf.partStart >= 2
        ? findBestSplit(
            expandHistogram(layout, selected, leaf.hist, work.featureHist),
            offsets,
            featureBins,
            input.features,
            leaf.g,
            leaf.h,
            leaf.n,
            params,
          )
        : null;
  };
  const [g0, h0, n0] = rootHist.subarray(bundleHistSize);
  const root: Leaf = {
    node: newNode(g0!, h0!),
    start: 0,
    end: rows.length,
    partStart: 0,
    partEnd: partRows,
    depth: 0,
    hist: rootHist,
    g: g0!,
    h: h0!,
    n: n0!,
    best: null,
  };
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
    const sides = splitTable(split.catMask, split.binThreshold, split.missingLeft, work.sides);
    // The child with fewer original rows is built from its rows; the other is the parent minus
    // it. Chosen from the split's counts, which both parts know before they partition.
    const smallLeft = split.nl <= leaf.n - split.nl;
    partner?.begin(split.feature, sides, leaf.partStart, leaf.partEnd, smallLeft);
    const mid = partition(input.bins, split.feature * input.nRows, rows, leaf.start, leaf.end, sides, scratch);
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

    const leftLeaf: Leaf = {
      node: leftNode,
      start: leaf.start,
      end: mid,
      partStart: leaf.partStart,
      partEnd: leaf.partStart,
      depth: leaf.depth + 1,
      hist: leaf.hist,
      g: split.gl,
      h: split.hl,
      n: split.nl,
      best: null,
    };
    const rightLeaf: Leaf = {
      node: rightNode,
      start: mid,
      end: leaf.end,
      partStart: leaf.partStart,
      partEnd: leaf.partEnd,
      depth: leaf.depth + 1,
      hist: leaf.hist,
      g: leaf.g - split.gl,
      h: leaf.h - split.hl,
      n: leaf.n - split.nl,
      best: null,
    };
    const [small, large] = smallLeft ? [leftLeaf, rightLeaf] : [rightLeaf, leftLeaf];
    const smallHist = histogramOf(small.start, small.end);
    if (partner) {
      const partMid = partner.finish(smallHist);
      leftLeaf.partEnd = partMid;
      rightLeaf.partStart = partMid;
    }
    const parentHist = leaf.hist;
    for (let i = 0; i < bundleHistSize; i++) parentHist[i] = parentHist[i]! - smallHist[i]!;
    small.hist = smallHist;
    large.hist = parentHist;
    evaluate(leftLeaf);
    evaluate(rightLeaf);
    leaves.splice(pick, 1, leftLeaf, rightLeaf);
  }
  for (const leaf of leaves) {
    const { node, start, end, partStart, partEnd } = leaf;
    tree.leafRanges.push({ node, start, end, partStart, partEnd });
    work.pool.push(leaf.hist);
  }
  return tree;
}

/** Bundles holding at least one feature a tree may split on, in bundle order. */
export function selectedBundles(layout: HistogramLayout, features: readonly number[]): Int32Array {
  const inTree = new Uint8Array(layout.bundles.length);
  for (const f of features) inTree[layout.bundleOf[f]!] = 1;
  return Int32Array.from(Array.from(inTree).flatMap((on, b) => (on ? [b] : [])));
}

/**
 * Bundle histogram layout: for bundle b, cell c: [(cellOffsets[b] + c) * 3 + 0..2] = sum g, sum h,
 * count; after the cells (at `totalsAt`), the leaf's Σ g, Σ h and Σ count.
 * One pass over the leaf's rows, every selected bundle per row: each row's gradient is read
 * once, its cells are adjacent (row-major), and the adds of one row go to different bundles, so
 * they do not wait on each other. Adds to `hist` (so two calls over two lists make the histogram
 * of the two lists in order) but sets the totals to this call's rows.
 */
export function buildHistogram(
  input: Pick<GrowInput, 'histAt' | 'stats' | 'rows'>,
  nb: number,
  selected: Int32Array,
  start: number,
  end: number,
  hist: Float64Array,
  totalsAt: number,
): void {
  const { histAt, stats, rows } = input;
  const ns = selected.length;
  let gs = 0;
  let hs = 0;
  let cs = 0;
  for (let k = start; k < end; k++) {
    const r = rows[k]!;
    const g = stats[3 * r]!;
    const h = stats[3 * r + 1]!;
    const c = stats[3 * r + 2]!;
    gs += g;
    hs += h;
    cs += c;
    const rb = r * nb;
    for (let j = 0; j < ns; j++) {
      const at = histAt[rb + selected[j]!]!;
      hist[at] = hist[at]! + g;
      hist[at + 1] = hist[at + 1]! + h;
      hist[at + 2] = hist[at + 2]! + c;
    }
  }
  hist[totalsAt] = gs;
  hist[totalsAt + 1] = hs;
  hist[totalsAt + 2] = cs;
}

/**
 * Stable in-place partition of rows[start, end) by the bins of one column (from `col` in the
 * column-major `bins`): left rows first. Returns the boundary. The split is a 256-entry table
 * (bin → goes left), and each row is written to both sides with only the side's cursor advanced,
 * so the loop has no branch on the row's direction: that branch is a coin toss the processor
 * mispredicts half the time.
 */
export function partition(
  bins: Uint8Array,
  col: number,
  rows: Uint32Array,
  start: number,
  end: number,
  goesLeft: Uint8Array,
  scratch: Uint32Array,
): number {
  let l = start;
  let r = 0;
  for (let k = start; k < end; k++) {
    const row = rows[k]!;
    const left = goesLeft[bins[col + row]!]!;
    rows[l] = row;
    scratch[r] = row;
    l += left;
    r += 1 - left;
  }
  rows.set(scratch.subarray(0, r), l);
  return l;
}

/** 1 for every bin that goes left at a split, 0 for the others. */
function splitTable(
  catMask: Uint8Array | null,
  binThreshold: number,
  missingLeft: boolean | number,
  out: Uint8Array = new Uint8Array(256),
  at = 0,
): Uint8Array {
  if (catMask) {
    out.set(catMask, at);
    // Bins past the feature's count never occur; cleared so a reused table holds no stale sides.
    out.fill(0, at + catMask.length, at + 256);
    return out;
  }
  out[at] = missingLeft ? 1 : 0;
  for (let b = 1; b < 256; b++) out[at + b] = b <= binThreshold ? 1 : 0;
  return out;
}

/**
 * A binned tree in typed arrays whose splits are bin → side tables, for routing rows: built once
 * per boosting round into buffers reused across rounds, then walked for the round's out-of-bag
 * rows and for every validation row (a fresh table per walk was the learner's main garbage).
 */
export interface LeafRouter {
  featureAt: Int32Array;
  left: Int32Array;
  right: Int32Array;
  table: Uint8Array;
}

export function leafRouter(tree: BinnedTree, featureStride: number, reuse?: LeafRouter): LeafRouter {
  const n = tree.feature.length;
  const r =
    reuse && reuse.featureAt.length >= n
      ? reuse
      : { featureAt: new Int32Array(n), left: new Int32Array(n), right: new Int32Array(n), table: new Uint8Array(n * 256) };
  for (let i = 0; i < n; i++) {
    const f = tree.feature[i]!;
    r.featureAt[i] = f < 0 ? -1 : f * featureStride;
    r.left[i] = tree.left[i]!;
    r.right[i] = tree.right[i]!;
    if (f >= 0) splitTable(tree.catMask[i]!, tree.binThreshold[i]!, tree.missingLeft[i]!, r.table, i * 256);
  }
  return r;
}

/**
 * Leaf of every row of a binned matrix, written into `out`: row r's bin of feature f is at
 * r * rowStride + f * featureStride (column-major: 1, nRows; row-major: nFeatures, 1), the
 * same featureStride the router was built with.
 */
export function routeLeaves(
  router: LeafRouter,
  bins: Uint8Array,
  rowStride: number,
  rows: Uint32Array | null,
  count: number,
  out: Int32Array,
): void {
  const { featureAt, left, right, table } = router;
  const root = featureAt[0]!;
  for (let k = 0; k < count; k++) {
    const base = (rows ? rows[k]! : k) * rowStride;
    let node = 0;
    let at = root;
    while (at >= 0) {
      node = table[node * 256 + bins[base + at]!] === 1 ? left[node]! : right[node]!;
      at = featureAt[node]!;
    }
    out[k] = node;
  }
}

/** Leaf of every row of a binned matrix (see routeLeaves); builds its own router. */
export function binnedLeaves(
  tree: BinnedTree,
  bins: Uint8Array,
  rowStride: number,
  featureStride: number,
  rows: Uint32Array | null,
  count: number,
  out: Int32Array,
): void {
  routeLeaves(leafRouter(tree, featureStride), bins, rowStride, rows, count, out);
}
