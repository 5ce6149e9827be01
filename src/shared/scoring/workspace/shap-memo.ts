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
import { compileTrees, leafOf, type CompiledTree } from '../learn/tree';
import { expectedLogit, explain, type Explanation } from '../learn/treeshap';
import type { FeatureRow, GbmModel } from '../learn/types';

/**
 * Route bits index a dense table per tree (2^splits entries): our trees have ≤ 7 splits. A tree
 * with more (a model trained with other settings) is explained directly, without the memo.
 */
const MAX_SPLITS = 10;

/**
 * Everything flat in typed arrays, because this runs for 400 trees × every open deal: the splits
 * of all trees end to end, route tables end to end, and each memoised share as a run of
 * (feature, value) pairs in one pool.
 */
export class ShapMemo {
  private readonly base: number;
  private readonly width: number;
  private readonly trees: CompiledTree[];
  /** Per tree: the tree alone as a model (base 0), for the learner's explain on a memo miss. */
  private readonly alone: GbmModel[];
  private readonly splitStart: Int32Array;
  private readonly splitNode: Int32Array;
  private readonly splitFeature: Int32Array;
  private readonly splitThreshold: Float64Array;
  private readonly splitMissingLeft: Uint8Array;
  private readonly splitCats: (Uint8Array | null)[];
  private readonly tableStart: Int32Array;
  /** Share id + 1 per (tree, route); 0 = not computed yet, -1 = tree too big for the memo. */
  private readonly table: Int32Array;
  /** Per share: the leaf the route ends in, so the raw logit comes from the same lookups. */
  private readonly shareLeaf: number[] = [];
  private readonly shareStart: number[] = [0];
  private readonly shareFeature: number[] = [];
  private readonly shareValue: number[] = [];

  private readonly baseScore: number;

  constructor(gbm: GbmModel) {
    this.base = expectedLogit(gbm);
    this.baseScore = gbm.baseScore;
    this.width = gbm.features.length;
    this.trees = compileTrees(gbm);
    this.alone = gbm.trees.map((t) => ({ ...gbm, baseScore: 0, trees: [t] }));
    const nodes: number[] = [];
    const splitStart = [0];
    const tableStart = [0];
    for (const tree of this.trees) {
      for (let n = 0; n < tree.feature.length; n++) if (tree.feature[n]! >= 0) nodes.push(n);
      const splits = nodes.length - splitStart.at(-1)!;
      splitStart.push(nodes.length);
      tableStart.push(tableStart.at(-1)! + (splits <= MAX_SPLITS ? 1 << splits : 1));
    }
    this.splitStart = Int32Array.from(splitStart);
    this.splitNode = Int32Array.from(nodes);
    this.tableStart = Int32Array.from(tableStart);
    this.table = new Int32Array(tableStart.at(-1)!);
    const n = nodes.length;
    this.splitFeature = new Int32Array(n);
    this.splitThreshold = new Float64Array(n);
    this.splitMissingLeft = new Uint8Array(n);
    this.splitCats = new Array<Uint8Array | null>(n).fill(null);
    for (let t = 0; t < this.trees.length; t++) {
      const tree = this.trees[t]!;
      if (this.splitStart[t + 1]! - this.splitStart[t]! > MAX_SPLITS) this.table[this.tableStart[t]!] = -1;
      for (let k = this.splitStart[t]!; k < this.splitStart[t + 1]!; k++) {
        const node = this.splitNode[k]!;
        this.splitFeature[k] = tree.feature[node]!;
        this.splitThreshold[k] = tree.threshold[node]!;
        this.splitMissingLeft[k] = tree.missingLeft[node]!;
        this.splitCats[k] = tree.catMask[node] ?? null;
      }
    }
  }

  /**
   * TreeSHAP (as the learner's explain) plus the raw logit (as the learner's predictRaw, summed in
   * the same order, so bit for bit the same): one walk over the trees serves both.
   */
  explain(row: FeatureRow): Explanation & { raw: number } {
    const phi = new Float64Array(this.width);
    let raw = this.baseScore;
    // Locals, not `this.` loads, in the hot loop; the pools only ever grow in place (push).
    const { splitStart, splitFeature, splitThreshold, splitMissingLeft, splitCats, table, tableStart, shareStart, shareFeature, shareValue, shareLeaf } = this;
    const trees = this.trees.length;
    for (let t = 0; t < trees; t++) {
      const first = splitStart[t]!;
      const end = splitStart[t + 1]!;
      const at = tableStart[t]!;
      if (table[at] === -1) {
        const c = explain(this.alone[t]!, row).contributions;
        for (let f = 0; f < c.length; f++) phi[f]! += c[f]!;
        raw += this.trees[t]!.value[leafOf(this.trees[t]!, row)]!;
        continue;
      }
      // The same routing as the learner's goesLeft (learn/tree.ts); shap-memo.test.ts pins it.
      let key = 0;
      for (let k = first; k < end; k++) {
        const x = row[splitFeature[k]!]!;
        const cats = splitCats[k];
        let left: boolean;
        if (cats !== null) left = Number.isInteger(x) && x >= 0 && x < cats!.length ? cats![x] === 1 : splitMissingLeft[k] === 1;
        else if (x !== x) left = splitMissingLeft[k] === 1;
        else left = x <= splitThreshold[k]!;
        if (left) key |= 1 << (k - first);
      }
      let id = table[at + key]! - 1;
      if (id < 0) id = this.remember(t, key, row);
      raw += shareLeaf[id]!;
      const stop = shareStart[id + 1]!;
      for (let j = shareStart[id]!; j < stop; j++) phi[shareFeature[j]!]! += shareValue[j]!;
    }
    return { base: this.base, contributions: phi, raw };
  }

  /** One tree's share for this route, by the learner's own TreeSHAP on the tree alone. */
  private remember(t: number, key: number, row: FeatureRow): number {
    const c = explain(this.alone[t]!, row).contributions;
    for (let f = 0; f < c.length; f++) {
      if (c[f] !== 0) { this.shareFeature.push(f); this.shareValue.push(c[f]!); }
    }
    const id = this.shareStart.length - 1;
    this.shareStart.push(this.shareFeature.length);
    this.shareLeaf.push(this.trees[t]!.value[leafOf(this.trees[t]!, row)]!);
    this.table[this.tableStart[t]! + key] = id + 1;
    return id;
  }
}

const memos = new WeakMap<GbmModel, ShapMemo>();

/** The memo for a model, built on first use and dropped with the model. */
export function shapMemoFor(gbm: GbmModel): ShapMemo {
  let m = memos.get(gbm);
  if (!m) memos.set(gbm, (m = new ShapMemo(gbm)));
  return m;
}
