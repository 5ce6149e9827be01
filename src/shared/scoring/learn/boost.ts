// Pure (no Node, no DOM). The boosting rounds of one training run. Setup (bins, merged rows) and
// the model's assembly are gbm.ts's; with a helper thread, each round's row work is shared with
// it and it checks the hold-out while this thread grows the next tree (row-helper.ts, hold-out.ts).
import type { FeatureBins } from './binning';
import { growTree, growWorkspace, leafRouter, routeLeaves, selectedBundles, type LeafRouter } from './grow';
import { histogramLayout } from './histogram-layout';
import { BestRound, HoldOutPublisher, HoldOutState, type HoldOutPipe, type HoldOutRows } from './hold-out';
import { createRng } from './prng';
import { drawSalt, gradients, sampleRange } from './round-rows';
import { followRounds, RowPartner, type HelperJob, type LastTree, type SharedRows } from './row-helper';
import { LocalPart, partSplit } from './tree-part';
import { toRawTree } from './tree';
import type { GbmParams, TreeJson } from './types';

/** Everything boosting needs, as plain data a thread can be sent (merged rows, see compress.ts). */
export interface BoostJob {
  readonly params: GbmParams;
  readonly featureBins: readonly FeatureBins[];
  readonly baseScore: number;
  readonly train: {
    readonly n: number;
    /** Column-major bins (partition reads one feature's column). Shared with a helper thread. */
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
  /** Shared with the helper thread; null without one. */
  readonly pipe: HoldOutPipe | null;
  /** The rows' shared buffers (row-helper.ts), with a helper thread. */
  readonly shared: SharedRows | null;
}

export interface BoostResult {
  readonly trees: TreeJson[];
  readonly featureGainPerTree: Float64Array[];
  readonly validationLoss: number[];
  /** Round with the lowest hold-out loss, -1 without a hold-out. */
  readonly bestRound: number;
}

/** Entry of a helper thread. */
export type { HelperJob };

export function runTrainingHelper(job: HelperJob): void {
  followRounds(job);
}

/** What the helper thread is sent: the hold-out, the pipe and the rows both threads work on. */
export function helperJob(job: BoostJob): HelperJob {
  return { baseScore: job.baseScore, patience: job.params.earlyStoppingRounds, pipe: job.pipe!, valid: job.valid!, rows: job.shared! };
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
  const shared = job.shared;
  const stats = shared ? shared.stats : new Float64Array(3 * n);
  if (!shared) for (let g = 0; g < n; g++) stats[3 * g + 2] = tr.count[g]!;
  const rng = createRng(params.seed);
  const trees: TreeJson[] = [];
  const featureGainPerTree: Float64Array[] = [];
  const validationLoss: number[] = [];
  // The rows come in two parts (tree-part.ts); without a helper this thread does both.
  const split = partSplit(n);
  const rowBuf = shared ? shared.rows : new Uint32Array(split);
  const partBuf = new Uint32Array(shared ? 0 : n - split);
  const outOfBag = new Uint32Array(shared ? 0 : n);
  const leafBuf = new Int32Array(shared ? 0 : n);
  const allFeatures = Array.from({ length: nf }, (_, f) => f);
  const work = growWorkspace(layout, n);
  const here = va && !pipe ? new HoldOutState(va, baseScore, nf, params.earlyStoppingRounds) : null;
  const publisher = va && pipe ? new HoldOutPublisher(pipe) : null;
  // With a helper, the rows' work before each tree is shared (row-helper.ts).
  const partner = shared && pipe ? new RowPartner(helperJob(job), layout.bundleHistSize, margin, expNeg) : null;
  const local = partner
    ? null
    : new LocalPart({
        bins: tr.bins,
        nRows: n,
        histAt: tr.histAt,
        stats,
        nBundles: layout.bundles.length,
        totalsAt: layout.bundleHistSize,
      });
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
  let last: LastTree | null = null;

  try {
    for (let round = 0; round < params.numRounds; round++) {
      const salt = params.subsample < 1 ? drawSalt(rng) : 0;
      const features = params.colsample < 1 ? sampleFeatures(allFeatures, params.colsample, rng) : allFeatures;
      let rows: Uint32Array;
      let partRows: Uint32Array | null = null;
      let oob: Uint32Array | null = null;
      if (partner) {
        rows = partner.start(round, salt, selectedBundles(layout, features), last);
      } else {
        const m = sampleRange(0, split, params.subsample, salt, rowBuf, 0, outOfBag, 0);
        const pm = sampleRange(split, n, params.subsample, salt, partBuf, 0, outOfBag, split - m);
        rows = rowBuf.subarray(0, m);
        partRows = partBuf.subarray(0, pm);
        oob = outOfBag.subarray(0, n - m - pm);
        // Gradients only where a tree reads them: the rows in this round's sample.
        gradients(rows, 0, m, expNeg, { weight: tr.weight, positive: tr.positive, stats });
        gradients(partRows, 0, pm, expNeg, { weight: tr.weight, positive: tr.positive, stats });
        local!.tree(partRows, selectedBundles(layout, features));
      }
      const bt = growTree(
        { bins: tr.bins, histAt: tr.histAt, nRows: n, featureBins, stats, rows, features },
        params,
        work,
        partner ?? local!,
      );
      const leafValue = bt.value.map((v) => v * params.learningRate);
      const leafExp = leafValue.map((v) => Math.exp(-v));
      router = leafRouter(bt, 1, router);
      if (oob && partRows) {
        // On one thread the margins move now: the sample's rows (both parts) by their leaves'
        // ranges, the others walked through the tree. With a helper each thread moves its part's
        // at the next round's start (RowPartner), walking all of them.
        for (const { node, start, end, partStart, partEnd } of bt.leafRanges) {
          const v = leafValue[node]!;
          const e = leafExp[node]!;
          for (const [from, to, list] of [[start, end, rows] as const, [partStart, partEnd, partRows] as const]) {
            for (let k = from; k < to; k++) {
              const g = list[k]!;
              margin[g] = margin[g]! + v;
              expNeg[g] = expNeg[g]! * e;
            }
          }
        }
        if (oob.length > 0) {
          routeLeaves(router, tr.rowBins, nf, oob, oob.length, leafBuf);
          for (let k = 0; k < oob.length; k++) {
            const g = oob[k]!;
            margin[g] = margin[g]! + leafValue[leafBuf[k]!]!;
            expNeg[g] = expNeg[g]! * leafExp[leafBuf[k]!]!;
          }
        }
      }
      partner?.grown(bt.leafRanges, rows);
      last = { router, leafValue, leafExp };
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
    if (publisher) {
      if (stopAt < 0) heard(publisher.take(true));
      else publisher.finish();
    }
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

function sampleFeatures(all: readonly number[], fraction: number, rng: () => number): number[] {
  const k = Math.max(1, Math.round(all.length * fraction));
  const pool = all.slice();
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, k).sort((a, b) => a - b);
}
