// Pure (shared): the learner's TreeSHAP for many rows of one model, memoised per tree.
//
// Why: a full rescore explains every open deal (8k in an L workspace) with a model of up to
// 400 trees, and exact TreeSHAP walks every node of every tree per row: ~1 ms a deal, most of a
// full rescore. But TreeSHAP reads the row only through which way it goes at each split
// (learn/treeshap.ts calls goesLeft and nothing else), and our trees are small (≤ 8 leaves, so
// ≤ 7 splits, ≤ 128 routes). So one tree's share of the explanation is a function of the row's
// route bits: computed once per route with the learner's own `explain` on that tree alone, then
// looked up. The sum over trees is the same up to float rounding order (~1e-16 relative), since
// the learner adds tree by tree into one vector and we add per-tree vectors.
import { compileTrees, goesLeft, type CompiledTree } from '../learn/tree';
import { expectedLogit, explain, type Explanation } from '../learn/treeshap';
import type { FeatureRow, GbmModel } from '../learn/types';

/** Route bits must fit a small integer key; bigger trees (older models) are explained directly. */
const MAX_SPLITS = 24;

interface Share {
  features: Int32Array;
  values: Float64Array;
}

interface TreeMemo {
  tree: CompiledTree;
  /** The tree alone as a model (base 0), for the learner's explain. */
  alone: GbmModel;
  splits: Int32Array;
  routes: Map<number, Share> | null;
}

export class ShapMemo {
  private readonly trees: TreeMemo[];
  private readonly base: number;
  private readonly width: number;

  constructor(private readonly gbm: GbmModel) {
    this.base = expectedLogit(gbm);
    this.width = gbm.features.length;
    this.trees = compileTrees(gbm).map((tree, k) => {
      const splits: number[] = [];
      for (let n = 0; n < tree.feature.length; n++) if (tree.feature[n]! >= 0) splits.push(n);
      return {
        tree, alone: { ...gbm, baseScore: 0, trees: [gbm.trees[k]!] }, splits: Int32Array.from(splits),
        routes: splits.length <= MAX_SPLITS ? new Map() : null,
      };
    });
  }

  explain(row: FeatureRow): Explanation {
    const phi = new Float64Array(this.width);
    for (const t of this.trees) {
      const share = t.routes ? this.shareOf(t, row) : null;
      if (share) {
        for (let j = 0; j < share.features.length; j++) phi[share.features[j]!]! += share.values[j]!;
      } else {
        const c = explain(t.alone, row).contributions;
        for (let f = 0; f < c.length; f++) phi[f]! += c[f]!;
      }
    }
    return { base: this.base, contributions: phi };
  }

  private shareOf(t: TreeMemo, row: FeatureRow): Share {
    let key = 0;
    for (let k = 0; k < t.splits.length; k++) if (goesLeft(t.tree, t.splits[k]!, row)) key |= 1 << k;
    let share = t.routes!.get(key);
    if (!share) {
      const c = explain(t.alone, row).contributions;
      const features: number[] = [];
      const values: number[] = [];
      for (let f = 0; f < c.length; f++) if (c[f] !== 0) { features.push(f); values.push(c[f]!); }
      share = { features: Int32Array.from(features), values: Float64Array.from(values) };
      t.routes!.set(key, share);
    }
    return share;
  }
}

const memos = new WeakMap<GbmModel, ShapMemo>();

/** The memo for a model, built on first use and dropped with the model. */
export function shapMemoFor(gbm: GbmModel): ShapMemo {
  let m = memos.get(gbm);
  if (!m) memos.set(gbm, (m = new ShapMemo(gbm)));
  return m;
}
