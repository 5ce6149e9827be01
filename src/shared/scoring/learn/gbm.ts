// Pure (no Node, no DOM). Gradient-boosted trees for binary classification (logistic loss).
import { binMatrix, columnLength, fitBins, type FeatureBins } from './binning';
import { LearnError } from './errors';
import { compressRows } from './compress';
import { boost, helperJob, type BoostJob, type BoostResult, type HelperJob } from './boost';
import { histogramIndex, histogramLayout } from './histogram-layout';
import { holdOutPipe } from './hold-out';
import { sharedRows } from './row-helper';
import { compileTrees, leafOf } from './tree';
import type { FeatureRow, GbmModel, GbmParams, TrainingTable } from './types';
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
  /** A helper thread to share the rows' work and the hold-out with (large tables only; see row-helper.ts). */
  threads?: TrainingThreads;
}

/**
 * A helper thread a training run may share its rows' work and hold-out with (under Node:
 * src/main/scoring/train-threads.ts). `start` must hand the job to the thread and return at once;
 * the thread calls runTrainingHelper(job) (boost.ts). The model is the same with or without it.
 */
export interface TrainingThreads {
  /** 1 when a helper is ready now, else 0. */
  readonly helpers: number;
  start(job: HelperJob): void;
  /** How long either side waits for the other before the run goes on alone (default 30 s). */
  readonly timeoutMs?: number;
}

/**
 * Below this many (merged) rows a training runs alone: a helper thread's share of the rows and
 * the waits between the two cost more than they save (IBM set, first rows, medians of six:
 * 11k rows 146 ms with the helper vs 81 alone; 25k 122 vs 152; 40k 187 vs 244), and the thread
 * itself takes ~40 MiB while up (web preview, TypeScript loader).
 */
export const MIN_THREADED_ROWS = 8192;

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
): { model: GbmModel; validationLogits: Float64Array | null; helped: boolean } {
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
  let sw = 0;
  let sy = 0;
  for (let g = 0; g < n; g++) {
    sw += tr.weight[g]!;
    sy += tr.positive[g]!;
  }
  const rate = Math.min(Math.max(sy / sw, 1e-6), 1 - 1e-6);
  const baseScore = Math.log(rate / (1 - rate));
  // A helper checks the hold-out while this thread grows the next tree: worth a thread's start
  // of work only on large tables.
  const threads = va && options.threads && options.threads.helpers > 0 && n >= MIN_THREADED_ROWS ? options.threads : null;
  const train0 = {
    n,
    bins: tr.bins,
    rowBins: rowMajor(tr.bins, n, nf),
    histAt: histogramIndex(tr.bins, histogramLayout(featureBins), n),
    weight: tr.weight,
    positive: tr.positive,
    count: tr.count,
  };
  const vRowBins = va ? rowMajor(va.bins, va.nGroups, nf) : null;
  const jobOf = (helped: boolean): BoostJob => ({
    params,
    featureBins,
    baseScore,
    train: train0,
    valid: va
      ? {
          n: va.nGroups,
          rowBins: vRowBins!,
          weight: va.weight,
          positive: va.positive,
          keptMargin: new Float64Array(helped ? new SharedArrayBuffer(va.nGroups * 8) : new ArrayBuffer(va.nGroups * 8)),
        }
      : null,
    pipe: helped ? holdOutPipe(params.maxLeaves, params.numRounds, threads?.timeoutMs) : null,
    shared: helped
      ? sharedRows(
          {
            n,
            nFeatures: nf,
            subsample: params.subsample,
            featureBins,
            bins: train0.bins,
            rowBins: train0.rowBins,
            histAt: train0.histAt,
            weight: tr.weight,
            positive: tr.positive,
          },
          tr.count,
          histogramLayout(featureBins).bundleHistSize,
        )
      : null,
  });
  const run = (helped: boolean): { job: BoostJob; result: BoostResult } => {
    const job = jobOf(helped);
    if (helped) threads!.start(helperJob(job));
    return { job, result: boost(job, options.onProgress) };
  };
  let done: { job: BoostJob; result: BoostResult };
  let helped = threads !== null;
  try {
    done = run(threads !== null);
  } catch (err) {
    // A helper that died or never came: the same training on this thread alone (the same model).
    if (!(threads && err instanceof LearnError && err.code === 'DS_LEARN_THREAD')) throw err;
    helped = false;
    done = run(false);
  }
  const { trees, featureGainPerTree, validationLoss, bestRound } = done.result;
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
    const kept = done.job.valid!.keptMargin;
    validationLogits = Float64Array.from(va.groupOf, (g) => kept[g]!);
  }
  return { model, validationLogits, helped };
}

/** Row-major copy of a column-major byte matrix (tree walks read one row's bins from one cache line). */
function rowMajor(bins: Uint8Array, nRows: number, nFeatures: number): Uint8Array {
  const out = new Uint8Array(nRows * nFeatures);
  for (let f = 0; f < nFeatures; f++) for (let r = 0; r < nRows; r++) out[r * nFeatures + f] = bins[f * nRows + r]!;
  return out;
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
