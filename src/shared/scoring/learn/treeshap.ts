// Pure (no Node, no DOM). Exact TreeSHAP (Lundberg et al. 2018, "Consistent Individualized
// Feature Attribution for Tree Ensembles", Algorithm 2) on the logit scale. Polynomial time:
// O(leaves · depth²) per tree instead of enumerating feature subsets.
import { compileTrees, goesLeft, type CompiledTree } from './tree';
import type { FeatureRow, GbmModel } from './types';

export interface Explanation {
  /** Expected logit over the training distribution (cover-weighted), i.e. the value with no features known. */
  base: number;
  /** Per-feature contribution on the logit scale; base + Σ contributions = predictRaw(model, row). */
  contributions: Float64Array;
}

/** Path buffers shared across one tree walk; element e of the path lives at index e in each array. */
export interface PathBuffers {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;
}

const baseCache = new WeakMap<GbmModel, number>();

/** The model's expected logit; cached because it does not depend on the row. */
export function expectedLogit(model: GbmModel): number {
  let base = baseCache.get(model);
  if (base === undefined) {
    base = compileTrees(model).reduce((s, t) => s + expectedValue(t, 0), model.baseScore);
    baseCache.set(model, base);
  }
  return base;
}

export function explain(model: GbmModel, row: FeatureRow): Explanation {
  const phi = new Float64Array(model.features.length);
  const base = expectedLogit(model);
  const trees = compileTrees(model);
  // One set of path buffers sized for the deepest tree, reused across trees.
  const buf = pathBuffers(trees.reduce((m, t) => Math.max(m, t.maxDepth), 0));
  for (const tree of trees) recurse(tree, row, phi, 0, 0, buf, 0, 1, 1, -1);
  return { base, contributions: phi };
}

/** Path buffers for trees up to `maxDepth` deep, to pass to explainTreeInto again and again. */
export function pathBuffers(maxDepth: number): PathBuffers {
  const d = maxDepth + 2;
  const size = (d * (d + 1)) / 2;
  return { feature: new Int32Array(size), zero: new Float64Array(size), one: new Float64Array(size), weight: new Float64Array(size) };
}

/**
 * One tree's TreeSHAP added into `phi`, with caller-owned buffers (sized by pathBuffers for at
 * least this tree's depth): what `explain` does per tree, for callers that explain trees one at
 * a time many times over and should not allocate for each.
 */
export function explainTreeInto(tree: CompiledTree, row: FeatureRow, phi: Float64Array, buf: PathBuffers): void {
  recurse(tree, row, phi, 0, 0, buf, 0, 1, 1, -1);
}

/** Cover-weighted mean leaf value below `node`: the tree's output when no feature is known. */
export function expectedValue(tree: CompiledTree, node: number): number {
  const t = tree;
  if (t.feature[node]! < 0) return t.value[node]!;
  const l = t.left[node]!;
  const r = t.right[node]!;
  const cl = t.cover[l]!;
  const cr = t.cover[r]!;
  return (cl * expectedValue(tree, l) + cr * expectedValue(tree, r)) / (cl + cr);
}

/**
 * Copy the parent's path (at `parentStart`) into a fresh segment after it, then extend it.
 * A segment at unique depth d starts at parentStart + d: past every element the parent still
 * uses (after an unwind the parent's last slot is stale, so overlapping it is safe).
 */
function recurse(
  tree: CompiledTree,
  row: FeatureRow,
  phi: Float64Array,
  node: number,
  depth: number,
  buf: PathBuffers,
  parentStart: number,
  zeroFraction: number,
  oneFraction: number,
  featureIndex: number,
): void {
  const start = parentStart + depth; // segment for this call holds depth + 1 elements
  for (let i = 0; i < depth; i++) {
    buf.feature[start + i] = buf.feature[parentStart + i]!;
    buf.zero[start + i] = buf.zero[parentStart + i]!;
    buf.one[start + i] = buf.one[parentStart + i]!;
    buf.weight[start + i] = buf.weight[parentStart + i]!;
  }
  extendPath(buf, start, depth, zeroFraction, oneFraction, featureIndex);
  const t = tree;
  const split = t.feature[node]!;
  if (split < 0) {
    for (let i = 1; i <= depth; i++) {
      const w = unwoundPathSum(buf, start, depth, i);
      phi[buf.feature[start + i]!]! += w * (buf.one[start + i]! - buf.zero[start + i]!) * t.value[node]!;
    }
    return;
  }
  const left = goesLeft(tree, node, row);
  const hot = left ? t.left[node]! : t.right[node]!;
  const cold = left ? t.right[node]! : t.left[node]!;
  const cover = t.cover[hot]! + t.cover[cold]!;
  let incomingZero = 1;
  let incomingOne = 1;
  let uniqueDepth = depth;
  let k = 0;
  while (k <= uniqueDepth && buf.feature[start + k] !== split) k++;
  if (k <= uniqueDepth) {
    // The feature was split on higher up: undo that path element so it is counted once.
    incomingZero = buf.zero[start + k]!;
    incomingOne = buf.one[start + k]!;
    unwindPath(buf, start, uniqueDepth, k);
    uniqueDepth -= 1;
  }
  recurse(tree, row, phi, hot, uniqueDepth + 1, buf, start, (t.cover[hot]! / cover) * incomingZero, incomingOne, split);
  recurse(tree, row, phi, cold, uniqueDepth + 1, buf, start, (t.cover[cold]! / cover) * incomingZero, 0, split);
}

function extendPath(buf: PathBuffers, s: number, depth: number, zero: number, one: number, feature: number): void {
  buf.feature[s + depth] = feature;
  buf.zero[s + depth] = zero;
  buf.one[s + depth] = one;
  buf.weight[s + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    buf.weight[s + i + 1]! += (one * buf.weight[s + i]! * (i + 1)) / (depth + 1);
    buf.weight[s + i] = (zero * buf.weight[s + i]! * (depth - i)) / (depth + 1);
  }
}

function unwindPath(buf: PathBuffers, s: number, depth: number, pathIndex: number): void {
  const one = buf.one[s + pathIndex]!;
  const zero = buf.zero[s + pathIndex]!;
  let next = buf.weight[s + depth]!;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = buf.weight[s + i]!;
      buf.weight[s + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - (buf.weight[s + i]! * zero * (depth - i)) / (depth + 1);
    } else {
      buf.weight[s + i] = (buf.weight[s + i]! * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = pathIndex; i < depth; i++) {
    buf.feature[s + i] = buf.feature[s + i + 1]!;
    buf.zero[s + i] = buf.zero[s + i + 1]!;
    buf.one[s + i] = buf.one[s + i + 1]!;
  }
}

function unwoundPathSum(buf: PathBuffers, s: number, depth: number, pathIndex: number): number {
  const one = buf.one[s + pathIndex]!;
  const zero = buf.zero[s + pathIndex]!;
  let next = buf.weight[s + depth]!;
  let total = 0;
  if (one !== 0) {
    for (let i = depth - 1; i >= 0; i--) {
      const tmp = next / ((i + 1) * one);
      total += tmp;
      next = buf.weight[s + i]! - tmp * zero * (depth - i);
    }
  } else {
    for (let i = depth - 1; i >= 0; i--) total += buf.weight[s + i]! / (zero * (depth - i));
  }
  return total * (depth + 1);
}
