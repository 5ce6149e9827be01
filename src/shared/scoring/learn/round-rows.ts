// Pure (no Node, no DOM). The per-row work of one boosting round over a range of training rows:
// the row sample, the gradients, the margins moved by a tree. Each row's result depends on that
// row alone, so a range can be done on any thread (row-helper.ts) and the model stays the one a
// single thread makes.
import { routeLeaves, type LeafRouter } from './grow';

/** The round's salt for sampleRange (one draw of the boosting run's generator). */
export function drawSalt(rng: () => number): number {
  return Math.floor(rng() * 4294967296) | 0;
}

/**
 * Bernoulli row sample of rows [from, to) for one round: the sampled rows into `out` from `outAt`,
 * the others into `left` from `leftAt`, both in row order; returns how many were sampled. An
 * inline integer hash of (row, round salt) rather than one generator call per row: this runs for
 * every row every round, and the call was ~15% of training time. Still a pure function of the
 * seed, and of the row alone, so ranges sampled apart make the sample of the whole.
 */
export function sampleRange(
  from: number,
  to: number,
  fraction: number,
  salt: number,
  out: Uint32Array,
  outAt: number,
  left: Uint32Array,
  leftAt: number,
): number {
  if (fraction >= 1) {
    for (let i = from; i < to; i++) out[outAt + i - from] = i;
    return to - from;
  }
  // The hash compared as a signed word against a shifted limit: an unsigned word above 2^31
  // would be a double in the comparison.
  const limit = (Math.floor(fraction * 4294967296) - 2147483648) | 0;
  let m = outAt;
  let o = leftAt;
  for (let i = from; i < to; i++) {
    let x = Math.imul(i, 0x9e3779b1) ^ salt;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    x ^= x >>> 16;
    // Written to both lists, only one cursor moves: no branch on a coin toss.
    const take = (x ^ -2147483648) < limit ? 1 : 0;
    out[m] = i;
    left[o] = i;
    m += take;
    o += 1 - take;
  }
  return m - outAt;
}

/** Training rows as the per-row work reads them (merged rows, see compress.ts). */
export interface RoundRows {
  readonly weight: Float64Array;
  readonly positive: Float64Array;
  /** Per row: gradient, hessian, original rows it stands for (see GrowInput.stats). */
  readonly stats: Float64Array;
}

/** Gradient and hessian of the logistic loss for rows[start, end), from e^-margin per row. */
export function gradients(rows: Uint32Array, start: number, end: number, expNeg: Float64Array, data: RoundRows): void {
  const { weight, positive, stats } = data;
  for (let k = start; k < end; k++) {
    const g = rows[k]!;
    const p = 1 / (1 + expNeg[g]!);
    const w = weight[g]!;
    stats[3 * g] = w * p - positive[g]!;
    stats[3 * g + 1] = Math.max(w * p * (1 - p), 1e-16);
  }
}

/**
 * Moves the margins (and e^-margin) of rows [from, to) by the tree. `leafOf` holds the leaf of
 * every row in the tree's sample (its partition put it there); the rows left out of the sample
 * (`out`, `outCount`) are walked to theirs through their row-major bins first.
 */
export function moveMargins(
  tree: { readonly router: LeafRouter; readonly leafValue: ArrayLike<number>; readonly leafExp: ArrayLike<number> },
  rowBins: Uint8Array,
  nFeatures: number,
  out: Uint32Array,
  outCount: number,
  from: number,
  to: number,
  leafOf: Int32Array,
  margin: Float64Array,
  expNeg: Float64Array,
  leafBuf: Int32Array,
): void {
  const { leafValue, leafExp } = tree;
  routeLeaves(tree.router, rowBins, nFeatures, out, outCount, leafBuf);
  for (let k = 0; k < outCount; k++) leafOf[out[k]!] = leafBuf[k]!;
  for (let g = from; g < to; g++) {
    const leaf = leafOf[g]!;
    margin[g] = margin[g]! + leafValue[leaf]!;
    expNeg[g] = expNeg[g]! * leafExp[leaf]!;
  }
}
