// Pure (no Node, no DOM). Gradient-boosted trees for binary classification (logistic loss).
import { binMatrix, columnLength, fitBins, type FeatureBins } from './binning';
import { LearnError } from './errors';
import { compressRows } from './compress';
import { growTree, growWorkspace, histogramIndex, leafRouter, routeLeaves, type LeafRouter } from './grow';
import { createRng } from './prng';
import { compileTrees, leafOf, toRawTree } from './tree';
import type { FeatureRow, GbmModel, GbmParams, TrainingTable, TreeJson } from './types';
import { stratifiedSplit, subsetTable } from './table';

/** Defaults tuned on the IBM win/loss set with 5-fold CV (see docs/model-eval.md). */
export const DEFAULT_GBM_PARAMS: Readonly<GbmParams> = Object.freeze({
  numRounds: 400,
  learningRate: 0.15,
  maxDepth: 8,
  maxLeaves: 31,
  minChildWeight: 1,
  minSamplesLeaf: 20,
  lambda: 3,
  minSplitGain: 0,
  subsample: 0.8,
  colsample: 0.9,
  maxBins: 255,
  catSmooth: 10,
  earlyStoppingRounds: 15,
  validationFraction: 0.15,
  seed: 42,
});

export interface TrainGbmOptions {
  params?: Partial<GbmParams>;
  /** Rows scored for early stopping. When absent, `validationFraction` of the table is held out (0 = none). */
  validation?: TrainingTable;
  /** Called with the fraction of boosting rounds done (0..1). */
  onProgress?: (fraction: number) => void;
}

export function resolveParams(partial: Partial<GbmParams> | undefined): GbmParams {
  const p = { ...DEFAULT_GBM_PARAMS, ...partial };
  const bad = (name: string, why: string): never => {
    throw new LearnError('DS_LEARN_OPTIONS', `Option ${name} ${why} (got ${String((p as Record<string, unknown>)[name])}).`);
  };
  if (!(p.numRounds >= 1)) bad('numRounds', 'must be at least 1');
  if (!(p.learningRate > 0)) bad('learningRate', 'must be positive');
  if (!(p.maxDepth >= 1)) bad('maxDepth', 'must be at least 1');
  if (!(p.maxLeaves >= 2)) bad('maxLeaves', 'must be at least 2');
  if (!(p.lambda >= 0)) bad('lambda', 'must be >= 0');
  if (!(p.subsample > 0 && p.subsample <= 1)) bad('subsample', 'must be in (0, 1]');
  if (!(p.colsample > 0 && p.colsample <= 1)) bad('colsample', 'must be in (0, 1]');
  if (!(p.maxBins >= 2 && p.maxBins <= 256)) bad('maxBins', 'must be in 2..256');
  if (!(p.validationFraction >= 0 && p.validationFraction < 1)) bad('validationFraction', 'must be in [0, 1)');
  return p;
}

export function trainBinaryGbm(table: TrainingTable, options: TrainGbmOptions = {}): GbmModel {
  return trainBinaryGbmWithMargins(table, options).model;
}

/**
 * trainBinaryGbm plus the kept model's logits for every row of `options.validation` (null
 * without one). Boosting already tracks them for early stopping, so the caller need not route
 * the hold-out through every tree again; they equal predictRawTable(model, validation) exactly
 * (same leaves: raw thresholds are the bin edges; same sums in the same order).
 */
export function trainBinaryGbmWithMargins(
  table: TrainingTable,
  options: TrainGbmOptions = {},
): { model: GbmModel; validationLogits: Float64Array | null } {
  const params = resolveParams(options.params);
  validateTable(table);
  let train = table;
  let valid = options.validation;
  if (!valid && params.validationFraction > 0 && params.earlyStoppingRounds > 0) {
    const split = stratifiedSplit(table.labels, params.validationFraction, params.seed ^ 0x5bd1e995);
    if (split.test.length > 0 && split.train.length > 0) {
      train = subsetTable(table, split.train);
      valid = subsetTable(table, split.test);
    }
  }
  const nf = train.features.length;
  const featureBins: FeatureBins[] = train.features.map((c) => fitBins(c, params.maxBins));
  const tr = compressRows(binMatrix(train.features, featureBins), train.labels.length, nf, train.labels, train.weights);
  const va = valid ? compressRows(binMatrix(valid.features, featureBins), valid.labels.length, nf, valid.labels, valid.weights) : null;
  const n = tr.nGroups;
  const nv = va ? va.nGroups : 0;
  const rowBins = rowMajor(tr.bins, n, nf);
  const histAt = histogramIndex(tr.bins, featureBins, n);
  const vRowBins = va ? rowMajor(va.bins, nv, nf) : null;

  let sw = 0;
  let sy = 0;
  for (let g = 0; g < n; g++) {
    sw += tr.weight[g]!;
    sy += tr.positive[g]!;
  }
  const rate = Math.min(Math.max(sy / sw, 1e-6), 1 - 1e-6);
  const baseScore = Math.log(rate / (1 - rate));

  // Everything below works on merged rows (groups); see compress.ts for why that is exact.
  const margin = new Float64Array(n).fill(baseScore);
  const vMargin = new Float64Array(nv).fill(baseScore);
  const bestVMargin = new Float64Array(nv).fill(baseScore);
  const stats = new Float64Array(3 * n);
  for (let g = 0; g < n; g++) stats[3 * g + 2] = tr.count[g]!;
  const rng = createRng(params.seed);
  const trees: TreeJson[] = [];
  const featureGainPerTree: Float64Array[] = [];
  const validationLoss: number[] = [];
  let bestLoss = Infinity;
  let bestRound = -1;
  const rowBuf = new Uint32Array(n);
  const outOfBag = new Uint32Array(n);
  const leafBuf = new Int32Array(n);
  const vLeafBuf = new Int32Array(nv);
  const allFeatures = Array.from({ length: nf }, (_, f) => f);
  const work = growWorkspace(featureBins, n);
  let router: LeafRouter | undefined;

  for (let round = 0; round < params.numRounds; round++) {
    const rows = sampleRows(n, params.subsample, rng, rowBuf, outOfBag);
    const oob = outOfBag.subarray(0, n - rows.length);
    // Gradients only where a tree reads them: the rows in this round's sample.
    for (let k = 0; k < rows.length; k++) {
      const g = rows[k]!;
      const p = 1 / (1 + Math.exp(-margin[g]!));
      const w = tr.weight[g]!;
      stats[3 * g] = w * p - tr.positive[g]!;
      stats[3 * g + 1] = Math.max(w * p * (1 - p), 1e-16);
    }
    const features = params.colsample < 1 ? sampleFeatures(allFeatures, params.colsample, rng) : allFeatures;
    const bt = growTree({ bins: tr.bins, histAt, nRows: n, featureBins, stats, rows, features }, params, work);
    const leafValue = bt.value.map((v) => v * params.learningRate);
    for (const { node, start, end } of bt.leafRanges) {
      const v = leafValue[node]!;
      for (let k = start; k < end; k++) margin[rows[k]!] = margin[rows[k]!]! + v;
    }
    router = leafRouter(bt, 1, router);
    if (oob.length > 0) {
      routeLeaves(router, rowBins, nf, oob, oob.length, leafBuf);
      for (let k = 0; k < oob.length; k++) margin[oob[k]!] = margin[oob[k]!]! + leafValue[leafBuf[k]!]!;
    }
    const raw = toRawTree(bt, featureBins, params.learningRate);
    trees.push(raw);
    const gains = new Float64Array(nf);
    raw.feature.forEach((f, i) => {
      if (f >= 0) gains[f] = gains[f]! + raw.gain[i]!;
    });
    featureGainPerTree.push(gains);

    if (va) {
      let loss = 0;
      let wsum = 0;
      routeLeaves(router, vRowBins!, nf, null, nv, vLeafBuf);
      for (let g = 0; g < nv; g++) {
        const m = vMargin[g]! + leafValue[vLeafBuf[g]!]!;
        vMargin[g] = m;
        // Stable log(1 + e^-m) and log(1 + e^m), weighted by the group's positive and negative weight.
        const lpos = m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
        const pos = va.positive[g]!;
        loss += pos * lpos + (va.weight[g]! - pos) * (lpos + m);
        wsum += va.weight[g]!;
      }
      loss /= wsum;
      validationLoss.push(loss);
      if (loss < bestLoss - 1e-12) {
        bestLoss = loss;
        bestRound = round;
        bestVMargin.set(vMargin);
      } else if (params.earlyStoppingRounds > 0 && round - bestRound >= params.earlyStoppingRounds) {
        break;
      }
    }
    options.onProgress?.((round + 1) / params.numRounds);
  }
  const keep = valid && bestRound >= 0 ? bestRound + 1 : trees.length;
  const featureGain = new Array<number>(nf).fill(0);
  for (let t = 0; t < keep; t++)
    featureGainPerTree[t]!.forEach((g, f) => {
      featureGain[f]! += g;
    });
  options.onProgress?.(1);
  const model: GbmModel = {
    format: 'deep-sales-gbm/1',
    features: train.features.map((c) =>
      c.kind === 'numeric' ? { name: c.name, kind: c.kind } : { name: c.name, kind: c.kind, levels: c.levels.slice() },
    ),
    baseScore,
    trees: trees.slice(0, keep),
    params,
    featureGain,
    validationLoss,
  };
  let validationLogits: Float64Array | null = null;
  if (va && options.validation) {
    const kept = bestRound >= 0 ? bestVMargin : vMargin;
    validationLogits = Float64Array.from(va.groupOf, (g) => kept[g]!);
  }
  return { model, validationLogits };
}

/** Row-major copy of a column-major byte matrix (tree walks read one row's bins from one cache line). */
function rowMajor(bins: Uint8Array, nRows: number, nFeatures: number): Uint8Array {
  const out = new Uint8Array(nRows * nFeatures);
  for (let f = 0; f < nFeatures; f++) for (let r = 0; r < nRows; r++) out[r * nFeatures + f] = bins[f * nRows + r]!;
  return out;
}

/**
 * Bernoulli row sample for one round: the sampled rows into `out` (returned), the others into
 * `left` (n minus the sample's length of them), both in row order. Uses an inline integer hash of (row,
 * round salt) rather than one PRNG call per row: this runs for every row every round, and the
 * call was ~15% of training time. Still a pure function of the seed.
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

function validateTable(table: TrainingTable): void {
  const n = table.labels.length;
  if (n === 0) throw new LearnError('DS_LEARN_EMPTY', 'The training table has no rows; add labelled rows before training.');
  if (table.features.length === 0) throw new LearnError('DS_LEARN_SHAPE', 'The training table has no feature columns.');
  for (const c of table.features) {
    if (columnLength(c) !== n) {
      throw new LearnError('DS_LEARN_SHAPE', `Feature "${c.name}" has ${columnLength(c)} values but there are ${n} labels.`);
    }
  }
  let pos = 0;
  for (let i = 0; i < n; i++) pos += table.labels[i] === 1 ? 1 : 0;
  if (pos === 0 || pos === n) {
    throw new LearnError('DS_LEARN_ONE_CLASS', `All ${n} training rows have the same label; both outcomes are needed to learn.`);
  }
}

/** Raw model output (logit) for one row. */
export function predictRaw(model: GbmModel, row: FeatureRow): number {
  const compiled = compileTrees(model);
  let s = model.baseScore;
  for (const t of compiled) s += t.value[leafOf(t, row)]!;
  return s;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Raw logits for every row of a column-major table (same column order as the model). */
export function predictRawTable(model: GbmModel, table: Pick<TrainingTable, 'features'>): Float64Array {
  const n = table.features[0] ? columnLength(table.features[0]) : 0;
  const out = new Float64Array(n);
  const row = new Float64Array(table.features.length);
  for (let i = 0; i < n; i++) {
    table.features.forEach((c, f) => {
      row[f] = c.kind === 'numeric' ? c.values[i]! : c.codes[i]!;
    });
    out[i] = predictRaw(model, row);
  }
  return out;
}
