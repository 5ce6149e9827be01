// Pure (no Node, no DOM). Raw-value trees: conversion from binned trees, routing and prediction.
import type { FeatureBins } from './binning';
import type { BinnedTree } from './grow';
import type { FeatureRow, GbmModel, TreeJson } from './types';

/** Turn bin thresholds/masks into raw thresholds and category codes, scaling leaves by `shrink`. */
export function toRawTree(bt: BinnedTree, featureBins: readonly FeatureBins[], shrink: number): TreeJson {
  const n = bt.feature.length;
  const tree: TreeJson = {
    feature: bt.feature.slice(),
    threshold: new Array<number>(n).fill(0),
    missingLeft: bt.missingLeft.slice(),
    catLeft: new Array<number[] | null>(n).fill(null),
    left: bt.left.slice(),
    right: bt.right.slice(),
    value: bt.value.map((v, i) => (bt.feature[i]! < 0 ? v * shrink : 0)),
    cover: bt.cover.slice(),
    gain: bt.gain.slice(),
  };
  for (let i = 0; i < n; i++) {
    const f = bt.feature[i]!;
    if (f < 0) continue;
    const fb = featureBins[f]!;
    if (fb.kind === 'numeric') {
      // The top edge is +Infinity, which JSON cannot carry; MAX_VALUE routes every finite value the same way.
      tree.threshold[i] = Math.min(fb.edges[bt.binThreshold[i]! - 1]!, Number.MAX_VALUE);
    } else {
      const mask = bt.catMask[i]!;
      const codes: number[] = [];
      for (let c = 0; c < fb.binOfCode.length; c++) if (mask[fb.binOfCode[c]!] === 1) codes.push(c);
      tree.catLeft[i] = codes;
    }
  }
  return tree;
}

/**
 * A tree in typed arrays for fast routing (plain JS arrays from JSON are several times slower to
 * walk), with categorical sets expanded into lookup masks. Built once per model and cached.
 */
export interface CompiledTree {
  readonly json: TreeJson;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly missingLeft: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
  readonly cover: Float64Array;
  readonly catMask: (Uint8Array | null)[];
  readonly maxDepth: number;
}

const compiledCache = new WeakMap<GbmModel, CompiledTree[]>();

export function compileTrees(model: GbmModel): CompiledTree[] {
  const hit = compiledCache.get(model);
  if (hit) return hit;
  const compiled = model.trees.map((t) => compileTree(t, model));
  compiledCache.set(model, compiled);
  return compiled;
}

function compileTree(t: TreeJson, model: GbmModel): CompiledTree {
  const catMask = t.catLeft.map((codes, i) => {
    if (!codes) return null;
    const nLevels = model.features[t.feature[i]!]?.levels?.length ?? 0;
    const mask = new Uint8Array(Math.max(nLevels, codes.length === 0 ? 0 : Math.max(...codes) + 1));
    for (const c of codes) mask[c] = 1;
    return mask;
  });
  return {
    json: t,
    feature: Int32Array.from(t.feature),
    threshold: Float64Array.from(t.threshold),
    missingLeft: Uint8Array.from(t.missingLeft),
    left: Int32Array.from(t.left),
    right: Int32Array.from(t.right),
    value: Float64Array.from(t.value),
    cover: Float64Array.from(t.cover),
    catMask,
    maxDepth: depthOf(t, 0),
  };
}

function depthOf(t: TreeJson, node: number): number {
  if (t.feature[node]! < 0) return 0;
  return 1 + Math.max(depthOf(t, t.left[node]!), depthOf(t, t.right[node]!));
}

/** Which child a row takes at an internal node. */
export function goesLeft(tree: CompiledTree, node: number, row: FeatureRow): boolean {
  const x = row[tree.feature[node]!]!;
  const mask = tree.catMask[node];
  if (mask) {
    // Missing, unseen and out-of-range codes follow the rare/missing bin's direction.
    if (Number.isInteger(x) && x >= 0 && x < mask.length) return mask[x] === 1;
    return tree.missingLeft[node] === 1;
  }
  if (x !== x) return tree.missingLeft[node] === 1; // NaN
  return x <= tree.threshold[node]!;
}

export function leafOf(tree: CompiledTree, row: FeatureRow): number {
  const { feature, left, right } = tree;
  let node = 0;
  while (feature[node]! >= 0) node = goesLeft(tree, node, row) ? left[node]! : right[node]!;
  return node;
}
