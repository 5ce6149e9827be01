// Pure (no Node, no DOM). The boosting rounds of one training run. Setup (bins, merged rows) and
// the model's assembly are gbm.ts's; the hold-out's side of each round is hold-out.ts's, on this
// thread or, with a helper, on another one while this one grows the next tree.
import type { FeatureBins } from './binning';
import { growTree, growWorkspace, leafRouter, routeLeaves, type LeafRouter } from './grow';
import { histogramLayout } from './histogram-layout';
import { BestRound, followHoldOut, HoldOutPublisher, HoldOutState, type HoldOutPipe, type HoldOutRows } from './hold-out';
import { createRng } from './prng';
import { toRawTree } from './tree';
import type { GbmParams, TreeJson } from './types';

/** Everything boosting needs, as plain data a thread can be sent (merged rows, see compress.ts). */
export interface BoostJob {
  readonly params: GbmParams;
  readonly featureBins: readonly FeatureBins[];
  readonly baseScore: number;
  readonly train: {
    readonly n: number;
    /** Column-major bins (partition reads one feature's column). */
    readonly bins: Uint8Array;
    /** Row-major bins (a tree walk reads one row's bins). */
    readonly rowBins: Uint8Array;
    /** See GrowInput.histAt. */
    readonly histAt: Int32Array;
    readonly weight: Float64Array;
    readonly positive: Float64Array;
    readonly count: Float64Array;
  };
  readonly valid: HoldOutRows | null;
  /** Shared with the hold-out helper; null without one. */
  readonly pipe: HoldOutPipe | null;
}

/** What a hold-out helper thread is sent (the job without the training rows it never reads). */
export type HoldOutJob = Pick<BoostJob, 'params' | 'baseScore'> & { nFeatures: number; valid: HoldOutRows; pipe: HoldOutPipe };

export interface BoostResult {
  readonly trees: TreeJson[];
  readonly featureGainPerTree: Float64Array[];
  readonly validationLoss: number[];
  /** Round with the lowest hold-out loss, -1 without a hold-out. */
  readonly bestRound: number;
}

/** Entry of a hold-out helper thread. */
export function runHoldOut(job: HoldOutJob): void {
  followHoldOut(job.pipe, job.valid, job.baseScore, job.nFeatures, job.params.earlyStoppingRounds);
}

export function holdOutJob(job: BoostJob): HoldOutJob {
  return { params: job.params, baseScore: job.baseScore, nFeatures: job.featureBins.length, valid: job.valid!, pipe: job.pipe! };
}

export function boost(job: BoostJob, onProgress?: (fraction: number) => void): BoostResult {
  const { params, featureBins, baseScore, train: tr, valid: va, pipe } = job;
  const nf = featureBins.length;
  const n = tr.n;
  const layout = histogramLayout(featureBins);

  // Margins and e^-margin per row: the gradient needs p = 1 / (1 + e^-m), and a leaf's step
  // multiplies e^-m by one e^-v for all its rows instead of one exp per row per round.
  const margin = new Float64Array(n).fill(baseScore);
  const expNeg = new Float64Array(n).fill(Math.exp(-baseScore));
  const stats = new Float64Array(3 * n);
  for (let g = 0; g < n; g++) stats[3 * g + 2] = tr.count[g]!;
  const rng = createRng(params.seed);
  const trees: TreeJson[] = [];
  const featureGainPerTree: Float64Array[] = [];
  const validationLoss: number[] = [];
  const rowBuf = new Uint32Array(n);
  const outOfBag = new Uint32Array(n);
  const leafBuf = new Int32Array(n);
  const allFeatures = Array.from({ length: nf }, (_, f) => f);
  const work = growWorkspace(layout, n);
  const here = va && !pipe ? new HoldOutState(va, baseScore, nf, params.earlyStoppingRounds) : null;
  const publisher = va && pipe ? new HoldOutPublisher(pipe) : null;
  const best = new BestRound();
  let stopAt = -1;
  /** Takes the hold-out's results in round order; true once one says stop. */
  const heard = (results: { loss: number; stop: boolean }[]): boolean => {
    for (const r of results) {
      const round = validationLoss.length;
      validationLoss.push(r.loss);
      best.see(round, r.loss);
      if (r.stop) {
        stopAt = round;
        return true;
      }
    }
    return false;
  };
  let router: LeafRouter | undefined;

  try {
    for (let round = 0; round < params.numRounds; round++) {
      const rows = sampleRows(n, params.subsample, rng, rowBuf, outOfBag);
      const oob = outOfBag.subarray(0, n - rows.length);
      // Gradients only where a tree reads them: the rows in this round's sample.
      for (let k = 0; k < rows.length; k++) {
        const g = rows[k]!;
        const p = 1 / (1 + expNeg[g]!);
        const w = tr.weight[g]!;
        stats[3 * g] = w * p - tr.positive[g]!;
        stats[3 * g + 1] = Math.max(w * p * (1 - p), 1e-16);
      }
      const features = params.colsample < 1 ? sampleFeatures(allFeatures, params.colsample, rng) : allFeatures;
      const bt = growTree({ bins: tr.bins, histAt: tr.histAt, nRows: n, featureBins, stats, rows, features }, params, work);
      const leafValue = bt.value.map((v) => v * params.learningRate);
      const leafExp = leafValue.map((v) => Math.exp(-v));
      for (const { node, start, end } of bt.leafRanges) {
        const v = leafValue[node]!;
        const e = leafExp[node]!;
        for (let k = start; k < end; k++) {
          const g = rows[k]!;
          margin[g] = margin[g]! + v;
          expNeg[g] = expNeg[g]! * e;
        }
      }
      router = leafRouter(bt, 1, router);
      if (oob.length > 0) {
        routeLeaves(router, tr.rowBins, nf, oob, oob.length, leafBuf);
        for (let k = 0; k < oob.length; k++) {
          const g = oob[k]!;
          margin[g] = margin[g]! + leafValue[leafBuf[k]!]!;
          expNeg[g] = expNeg[g]! * leafExp[leafBuf[k]!]!;
        }
      }
      const raw = toRawTree(bt, featureBins, params.learningRate);
      trees.push(raw);
      const gains = new Float64Array(nf);
      raw.feature.forEach((f, i) => {
        if (f >= 0) gains[f] = gains[f]! + raw.gain[i]!;
      });
      featureGainPerTree.push(gains);
      onProgress?.((round + 1) / params.numRounds);
      if (here && heard([here.step(round, router, leafValue, leafExp)])) break;
      // With a helper, the hold-out trails by a round or more: trees grown past the round it
      // stops at are dropped below, so the model is the one a single thread makes.
      if (publisher) {
        publisher.publish(router, bt.feature.length, leafValue, leafExp);
        if (heard(publisher.take(false))) break;
      }
    }
    if (publisher && stopAt < 0) heard(publisher.take(true));
  } catch (err) {
    publisher?.close();
    throw err;
  }
  const grown = stopAt >= 0 ? stopAt + 1 : trees.length;
  return {
    trees: trees.slice(0, grown),
    featureGainPerTree: featureGainPerTree.slice(0, grown),
    validationLoss,
    bestRound: best.round,
  };
}

/**
 * Bernoulli row sample for one round: the sampled rows into `out` (returned), the others into
 * `left` (n minus the sample's length of them), both in row order. Uses an inline integer hash
 * of (row, round salt) rather than one PRNG call per row: this runs for every row every round,
 * and the call was ~15% of training time. Still a pure function of the seed.
 */
function sampleRows(n: number, fraction: number, rng: () => number, out: Uint32Array, left: Uint32Array): Uint32Array {
  if (fraction >= 1) {
    for (let i = 0; i < n; i++) out[i] = i;
    return out.subarray(0, n);
  }
  const salt = Math.floor(rng() * 4294967296) | 0;
  const limit = Math.floor(fraction * 4294967296);
  let m = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    let x = Math.imul(i, 0x9e3779b1) ^ salt;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    x ^= x >>> 16;
    // Written to both lists, only one cursor moves: no branch on a coin toss.
    const take = x >>> 0 < limit ? 1 : 0;
    out[m] = i;
    left[o] = i;
    m += take;
    o += 1 - take;
  }
  return out.subarray(0, m);
}

function sampleFeatures(all: readonly number[], fraction: number, rng: () => number): number[] {
  const k = Math.max(1, Math.round(all.length * fraction));
  const pool = all.slice();
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, k).sort((a, b) => a - b);
}
