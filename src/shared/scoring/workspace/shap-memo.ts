// Pure (shared): the learner's TreeSHAP for many rows of one model, memoised per tree.
//
// Why: a full rescore explains every open deal (8k in an L workspace) with a model of up to
// 400 trees, and exact TreeSHAP walks every node of every tree per row: ~1 ms a deal, most of a
// full rescore. But TreeSHAP reads the row only through which way it goes at each split
// (learn/treeshap.ts calls goesLeft and nothing else), and our trees are small (≤ 8 leaves, so
// ≤ 7 splits, ≤ 128 routes). So one tree's share of the explanation is a function of the row's
// route bits: computed once per route with the learner's own TreeSHAP on that tree alone, then
// looked up. The sum over trees is the same up to float rounding order (~1e-16 relative), since
// the learner adds tree by tree into one vector and we add per-tree vectors.
//
// Rows come one at a time (`explain`, for a deal scored on request) or as a block (`explainBlock`,
// for rescores). Both add the same per-tree shares in the same tree order, so they agree bit for
// bit. The block form walks tree by tree over all rows of the block: one tree's splits, route
// table and shares stay in the CPU cache while every row goes through it. Row by row, with a
// deal's facts and payload built in between, every tree's memo had to come back from memory for
// every deal: 3–4x slower on an L workspace (20k routes remembered, a few MB of tables).
import {
  compileTrees,
  leafOf,
  type CompiledTree,
  expectedLogit,
  explainTreeInto,
  pathBuffers,
  type Explanation,
  type PathBuffers,
  type FeatureRow,
  type GbmModel,
} from '../learn';

/**
 * Route bits index a dense table per tree (2^splits entries): our trees have ≤ 7 splits. A tree
 * with more (a model trained with other settings) is explained directly, without the memo.
 */
const MAX_SPLITS = 10;

/** Marks a numeric split in `splitCatAt` (categorical splits hold their mask's offset). */
const NUMERIC = -1;

/**
 * Everything flat in typed arrays, because this runs for 400 trees × every open deal: the splits
 * of all trees end to end (a categorical split's left-going codes as a run in one byte pool),
 * route tables end to end, and each memoised share as a run of (feature, value) pairs in one pool.
 */
export class ShapMemo {
  readonly base: number;
  private readonly baseScore: number;
  private readonly width: number;
  private readonly trees: CompiledTree[];
  private readonly splitStart: Int32Array;
  private readonly splitFeature: Int32Array;
  private readonly splitThreshold: Float64Array;
  private readonly splitMissingLeft: Uint8Array;
  /** Offset of a categorical split's mask in `catPool`, or NUMERIC. */
  private readonly splitCatAt: Int32Array;
  private readonly splitCatLength: Int32Array;
  private readonly catPool: Uint8Array;
  /** Per tree: 1 when it has too many splits for a route table (explained directly). */
  private readonly direct: Uint8Array;
  private readonly tableStart: Int32Array;
  /** Share id + 1 per (tree, route); 0 = not computed yet. */
  private readonly table: Int32Array;
  // Share pools, grown by doubling. Per share: the leaf value its route ends in (so the raw
  // logit comes from the same lookups) and its run [shareStart[id], shareStart[id + 1]) of pairs.
  private shareLeaf = new Float64Array(256);
  private shareStart = new Int32Array(257);
  private shareFeature = new Int32Array(1024);
  private shareValue = new Float64Array(1024);
  private shares = 0;
  // Scratch for TreeSHAP on one tree (a memo miss) and for one row of a block.
  private readonly scratchPhi: Float64Array;
  private readonly scratchRow: Float64Array;
  private readonly buf: PathBuffers;
  private keys = new Int32Array(0);

  constructor(gbm: GbmModel) {
    this.base = expectedLogit(gbm);
    this.baseScore = gbm.baseScore;
    this.width = gbm.features.length;
    this.trees = compileTrees(gbm);
    this.scratchPhi = new Float64Array(this.width);
    this.scratchRow = new Float64Array(this.width);
    this.buf = pathBuffers(this.trees.reduce((m, t) => Math.max(m, t.maxDepth), 0));
    const nodes: number[] = [];
    const splitStart = [0];
    const tableStart = [0];
    this.direct = new Uint8Array(this.trees.length);
    this.trees.forEach((tree, t) => {
      for (let n = 0; n < tree.feature.length; n++) if (tree.feature[n]! >= 0) nodes.push(n);
      const splits = nodes.length - splitStart.at(-1)!;
      splitStart.push(nodes.length);
      if (splits > MAX_SPLITS) this.direct[t] = 1;
      tableStart.push(tableStart.at(-1)! + (splits <= MAX_SPLITS ? 1 << splits : 0));
    });
    this.splitStart = Int32Array.from(splitStart);
    this.tableStart = Int32Array.from(tableStart);
    this.table = new Int32Array(tableStart.at(-1)!);
    const n = nodes.length;
    this.splitFeature = new Int32Array(n);
    this.splitThreshold = new Float64Array(n);
    this.splitMissingLeft = new Uint8Array(n);
    this.splitCatAt = new Int32Array(n).fill(NUMERIC);
    this.splitCatLength = new Int32Array(n);
    const masks: Uint8Array[] = [];
    let pool = 0;
    for (let t = 0, k = 0; t < this.trees.length; t++) {
      const tree = this.trees[t]!;
      for (; k < this.splitStart[t + 1]!; k++) {
        const node = nodes[k]!;
        this.splitFeature[k] = tree.feature[node]!;
        this.splitThreshold[k] = tree.threshold[node]!;
        this.splitMissingLeft[k] = tree.missingLeft[node]!;
        const mask = tree.catMask[node];
        if (mask) {
          this.splitCatAt[k] = pool;
          this.splitCatLength[k] = mask.length;
          masks.push(mask);
          pool += mask.length;
        }
      }
    }
    this.catPool = new Uint8Array(pool);
    let at = 0;
    for (const m of masks) {
      this.catPool.set(m, at);
      at += m.length;
    }
  }

  /**
   * TreeSHAP (as the learner's explain) plus the raw logit (as the learner's predictRaw, summed in
   * the same order, so bit for bit the same) for one row.
   */
  explain(row: FeatureRow): Explanation & { raw: number } {
    const x = Float64Array.from({ length: this.width }, (_, f) => row[f]!);
    const phi = new Float64Array(this.width);
    const raw = new Float64Array(1);
    this.explainBlock(x, 1, phi, raw);
    return { base: this.base, contributions: phi, raw: raw[0]! };
  }

  /**
   * The same for a block of n rows, column-major: feature f of row r is x[f * n + r]. Writes
   * row r's contribution of feature f to phi[f * n + r] and its raw logit to raw[r].
   */
  explainBlock(x: Float64Array, n: number, phi: Float64Array, raw: Float64Array): void {
    phi.fill(0, 0, this.width * n);
    raw.fill(this.baseScore, 0, n);
    if (this.keys.length < n) this.keys = new Int32Array(n);
    const keys = this.keys;
    const { splitStart, splitFeature, splitThreshold, splitMissingLeft, splitCatAt, splitCatLength, catPool, direct, table, tableStart } =
      this;
    const trees = this.trees.length;
    for (let t = 0; t < trees; t++) {
      if (direct[t] === 1) {
        this.explainDirect(t, x, n, phi, raw);
        continue;
      }
      // Route bits of every row: the same routing as the learner's goesLeft (learn/tree.ts);
      // shap-memo.test.ts pins it.
      keys.fill(0, 0, n);
      const end = splitStart[t + 1]!;
      for (let k = splitStart[t]!, bit = 1; k < end; k++, bit <<= 1) {
        const col = splitFeature[k]! * n;
        const missingLeft = splitMissingLeft[k] === 1;
        const cat = splitCatAt[k]!;
        if (cat === NUMERIC) {
          const threshold = splitThreshold[k]!;
          for (let r = 0; r < n; r++) {
            const v = x[col + r]!;
            if (v <= threshold || (missingLeft && v !== v)) keys[r]! |= bit;
          }
        } else {
          const levels = splitCatLength[k]!;
          for (let r = 0; r < n; r++) {
            const v = x[col + r]!;
            const left = v >= 0 && v < levels && v === Math.floor(v) ? catPool[cat + v]! === 1 : missingLeft;
            if (left) keys[r]! |= bit;
          }
        }
      }
      const at = tableStart[t]!;
      for (let r = 0; r < n; r++) {
        let id = table[at + keys[r]!]! - 1;
        if (id < 0) id = this.remember(t, keys[r]!, this.rowOf(x, n, r));
        raw[r]! += this.shareLeaf[id]!;
        const stop = this.shareStart[id + 1]!;
        const { shareFeature, shareValue } = this;
        for (let j = this.shareStart[id]!; j < stop; j++) phi[shareFeature[j]! * n + r]! += shareValue[j]!;
      }
    }
  }

  private rowOf(x: Float64Array, n: number, r: number): Float64Array {
    const row = this.scratchRow;
    for (let f = 0; f < this.width; f++) row[f] = x[f * n + r]!;
    return row;
  }

  /** A tree too big for a route table: the learner's TreeSHAP on it, row by row. */
  private explainDirect(t: number, x: Float64Array, n: number, phi: Float64Array, raw: Float64Array): void {
    const tree = this.trees[t]!;
    for (let r = 0; r < n; r++) {
      const row = this.rowOf(x, n, r);
      const c = this.scratchPhi.fill(0);
      explainTreeInto(tree, row, c, this.buf);
      for (let f = 0; f < this.width; f++) phi[f * n + r]! += c[f]!;
      raw[r]! += tree.value[leafOf(tree, row)]!;
    }
  }

  /** One tree's share for this route, by the learner's own TreeSHAP on the tree alone. */
  private remember(t: number, key: number, row: Float64Array): number {
    const tree = this.trees[t]!;
    const c = this.scratchPhi.fill(0);
    explainTreeInto(tree, row, c, this.buf);
    const id = this.shares++;
    if (id + 1 >= this.shareLeaf.length) {
      this.shareLeaf = grown(this.shareLeaf, 2 * this.shareLeaf.length);
      this.shareStart = grown(this.shareStart, this.shareLeaf.length + 1);
    }
    let at = this.shareStart[id]!;
    for (let f = 0; f < c.length; f++) {
      if (c[f] === 0) continue;
      if (at >= this.shareFeature.length) {
        this.shareFeature = grown(this.shareFeature, 2 * this.shareFeature.length);
        this.shareValue = grown(this.shareValue, 2 * this.shareValue.length);
      }
      this.shareFeature[at] = f;
      this.shareValue[at] = c[f]!;
      at++;
    }
    this.shareStart[id + 1] = at;
    this.shareLeaf[id] = tree.value[leafOf(tree, row)]!;
    this.table[this.tableStart[t]! + key] = id + 1;
    return id;
  }
}

function grown<T extends Int32Array | Float64Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

const memos = new WeakMap<GbmModel, ShapMemo>();

/** The memo for a model, built on first use and dropped with the model. */
export function shapMemoFor(gbm: GbmModel): ShapMemo {
  let m = memos.get(gbm);
  if (!m) memos.set(gbm, (m = new ShapMemo(gbm)));
  return m;
}
