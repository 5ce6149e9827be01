import fc from 'fast-check';
import { predictRaw, trainBinaryGbm } from './gbm';
import { createRng } from './prng';
import { rowOf } from './table';
import { syntheticTable } from './test-data';
import { compileTrees, goesLeft, type CompiledTree } from './tree';
import { explain } from './treeshap';
import type { FeatureRow, GbmModel, TreeJson } from './types';

/** Random tree over nFeatures numeric features, repeating features on a path on purpose. */
function randomTree(rng: () => number, nFeatures: number, maxDepth: number): TreeJson {
  const t: TreeJson = { feature: [], threshold: [], missingLeft: [], catLeft: [], left: [], right: [], value: [], cover: [], gain: [] };
  const add = (depth: number, cover: number): number => {
    const id = t.feature.length;
    t.feature.push(-1);
    t.threshold.push(0);
    t.missingLeft.push(0);
    t.catLeft.push(null);
    t.left.push(-1);
    t.right.push(-1);
    t.value.push(0);
    t.cover.push(cover);
    t.gain.push(0);
    if (depth < maxDepth && rng() < 0.8) {
      t.feature[id] = Math.floor(rng() * nFeatures);
      t.threshold[id] = rng() * 2 - 1;
      t.missingLeft[id] = rng() < 0.5 ? 1 : 0;
      const share = 0.05 + 0.9 * rng();
      t.left[id] = add(depth + 1, cover * share);
      t.right[id] = add(depth + 1, cover * (1 - share));
    } else {
      t.value[id] = rng() * 4 - 2;
    }
    return id;
  };
  add(0, 100 + rng() * 1000);
  return t;
}

function randomModel(seed: number, nFeatures: number, nTrees: number, maxDepth: number): GbmModel {
  const rng = createRng(seed);
  return {
    format: 'deep-sales-gbm/1',
    features: Array.from({ length: nFeatures }, (_, i) => ({ name: `f${i}`, kind: 'numeric' as const })),
    baseScore: rng() - 0.5,
    trees: Array.from({ length: nTrees }, () => randomTree(rng, nFeatures, maxDepth)),
    params: {} as GbmModel['params'],
    featureGain: new Array<number>(nFeatures).fill(0),
    validationLoss: [],
  };
}

function randomRow(rng: () => number, n: number): number[] {
  return Array.from({ length: n }, () => (rng() < 0.1 ? NaN : rng() * 2.4 - 1.2));
}

/** E[f(x) | x_S] with the same path-dependent (cover-weighted) expectation TreeSHAP uses. */
function conditional(tree: CompiledTree, node: number, row: FeatureRow, known: Set<number>): number {
  const t = tree.json;
  if (t.feature[node]! < 0) return t.value[node]!;
  if (known.has(t.feature[node]!)) return conditional(tree, goesLeft(tree, node, row) ? t.left[node]! : t.right[node]!, row, known);
  const l = t.left[node]!;
  const r = t.right[node]!;
  return (t.cover[l]! * conditional(tree, l, row, known) + t.cover[r]! * conditional(tree, r, row, known)) / (t.cover[l]! + t.cover[r]!);
}

/** Shapley values by enumerating all feature subsets (exponential; small models only). */
function bruteForceShap(model: GbmModel, row: FeatureRow): number[] {
  const m = model.features.length;
  const trees = compileTrees(model);
  const value = (mask: number): number => {
    const known = new Set<number>();
    for (let f = 0; f < m; f++) if (mask & (1 << f)) known.add(f);
    return trees.reduce((s, t) => s + conditional(t, 0, row, known), 0);
  };
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  return Array.from({ length: m }, (_, i) => {
    let phi = 0;
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << i)) continue;
      let size = 0;
      for (let f = 0; f < m; f++) if (mask & (1 << f)) size++;
      phi += ((fact(size) * fact(m - size - 1)) / fact(m)) * (value(mask | (1 << i)) - value(mask));
    }
    return phi;
  });
}

const closeRel = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('TreeSHAP', () => {
  it('base + Σ contributions equals the raw logit on random trees and rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 12 }), (seed, depth) => {
        const model = randomModel(seed, 6, 8, depth);
        const rng = createRng(seed + 1);
        for (let k = 0; k < 5; k++) {
          const row = randomRow(rng, 6);
          const e = explain(model, row);
          const sum = e.contributions.reduce((s, v) => s + v, e.base);
          if (!closeRel(sum, predictRaw(model, row))) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('matches brute-force Shapley values exactly on small models', () => {
    for (let seed = 1; seed <= 15; seed++) {
      const model = randomModel(seed, 4, 3, 5);
      const row = randomRow(createRng(seed * 31), 4);
      const got = explain(model, row).contributions;
      bruteForceShap(model, row).forEach((v, i) => expect(got[i]!).toBeCloseTo(v, 10));
    }
  });

  it('sums to the logit for trained models with categorical splits and missing values', () => {
    const table = syntheticTable(3000, 5, 0.2);
    const model = trainBinaryGbm(table, { params: { numRounds: 40, maxLeaves: 63, maxDepth: 10, colsample: 0.7, seed: 3 } });
    const row = new Float64Array(4);
    for (let i = 0; i < 120; i++) {
      rowOf(table, i, row);
      if (i % 7 === 0) row[2] = -1; // unknown category
      const e = explain(model, row);
      expect(
        closeRel(
          e.contributions.reduce((s, v) => s + v, e.base),
          predictRaw(model, row),
        ),
      ).toBe(true);
    }
  });
});
