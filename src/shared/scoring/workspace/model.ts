// Pure (shared): the win model of a workspace — the learner's calibrated boosted trees trained on
// closed deals (and imported history), blended with the cold-start prior.
//
// Blend: logit = w · model logit + (1 − w) · prior logit with w = n / (n + k), n = closed deals
// the model learned from. k is chosen on the validation deals from K_GRID (the blend with the
// lowest log loss at this n); ~50 is typical. Past w ≥ MODEL_ONLY_WEIGHT the prior is dropped and
// the source is 'model'. The explanation blends the same way, term by term, so it still sums
// exactly to the blended logit.
//
// Validation: 25% of the closed deals (stratified) are held out; the model shipped is the one
// trained on the other 75%, so the reported AUC is the AUC of the model users get.
import {
  trainCalibratedClassifier,
  loadCalibratedModel,
  mayShareTraining,
  type CalibratedModel,
  type CalibratedModelJson,
  applyCalibrator,
  binaryMetrics,
  reliabilityBins,
  type ReliabilityBin,
  stratifiedSplit,
  type FeatureColumn,
  type GbmParams,
  type TrainingTable,
  type TrainingThreads,
  bootstrapInterval,
  brierScore,
  rocAuc,
} from '../learn';
import { featureCount, featureInfos, type FeatureSpace } from './features';
import { explainPrior, logit, priorBaseRate, sigmoid, type PriorParams } from './prior';
import { shapMemoFor } from './shap-memo';
import type { ScoreSource } from '@shared/domain';
import { CodedError } from '@shared/errors';

export const MIN_CLOSED_FOR_MODEL = 30;
export const K_GRID = [10, 25, 50, 100, 200, 400];
export const DEFAULT_K = 50;
export const MODEL_ONLY_WEIGHT = 0.95;
const VALIDATION_FRACTION = 0.25;
const SMALL_DATA = 300;
const MIN_VALIDATION_FOR_K = 60;
/** Bootstrap resamples per interval: enough for a 95% percentile interval, cheap beside training. */
const INTERVAL_RESAMPLES = 400;

export interface ValidationReport {
  n: number;
  auc: number;
  logloss: number;
  priorAuc: number;
  priorLogloss: number;
  constantLogloss: number;
  blendedAuc: number;
  blendedLogloss: number;
  reliability: ReliabilityBin[];
  /**
   * 95% bootstrap intervals of the held-out AUC and Brier score, for the model alone and for the
   * blend users get (learn/bootstrap.ts). Absent in models saved before they were kept.
   */
  intervals?: {
    model: { auc: [number, number]; brier: number; brierCi: [number, number] };
    blended: { auc: [number, number]; brier: number; brierCi: [number, number] };
  };
}

export interface WorkspaceModelJson {
  format: 'deep-sales-workspace-model/1';
  space: FeatureSpace;
  classifier: CalibratedModelJson;
  /** Rows the classifier was fitted on (deals in the workspace plus imported history). */
  closedDeals: number;
  won: number;
  k: number;
  trainedAt: number;
  validation: ValidationReport;
  importance: { feature: string; share: number }[];
}

export interface WorkspaceModel {
  json: WorkspaceModelJson;
  classifier: CalibratedModel;
}

export function loadWorkspaceModel(json: WorkspaceModelJson): WorkspaceModel {
  return { json, classifier: loadCalibratedModel(json.classifier) };
}

/** Small data needs small trees: leaves of at least ~3% of the rows, shallow depth. */
export function paramsFor(n: number): Partial<GbmParams> {
  return {
    numRounds: 400,
    learningRate: 0.05,
    maxDepth: 3,
    maxLeaves: 8,
    minSamplesLeaf: Math.min(40, Math.max(5, Math.round(n / 30))),
    subsample: 0.8,
    colsample: 0.8,
    earlyStoppingRounds: 40,
    // Pinned at the value these settings were checked with; the learner's default went 1 → 3
    // for the IBM set (issue 19), which was not evaluated on workspace data.
    lambda: 1,
    seed: 42,
  };
}

export function tableOf(rows: readonly Float64Array[], labels: Uint8Array, space: FeatureSpace): TrainingTable {
  const infos = featureInfos(space);
  const features: FeatureColumn[] = infos.map((info, j) =>
    info.kind === 'numeric'
      ? { name: info.name, kind: 'numeric', values: Float64Array.from(rows, (r) => r[j]!) }
      : { name: info.name, kind: 'categorical', codes: Int32Array.from(rows, (r) => r[j]!), levels: info.levels ?? [] },
  );
  return { features, labels };
}

const pick = <T>(a: readonly T[], idx: Uint32Array): T[] => Array.from(idx, (i) => a[i]!);

export class NotEnoughHistoryError extends CodedError<'DS_SCORING_NOT_ENOUGH_HISTORY'> {
  override name = 'NotEnoughHistoryError';

  constructor(message: string) {
    super('DS_SCORING_NOT_ENOUGH_HISTORY', message);
  }
}

/**
 * True when a workspace with `closed` closed deals trains on enough rows, after this model's
 * validation deals and the classifier's hold-out, to share the training with a helper thread
 * (mayShareTraining), so the helper is worth starting ahead of it.
 */
export function workspaceTrainingMayShare(closed: number): boolean {
  return mayShareTraining(closed - Math.ceil(closed * VALIDATION_FRACTION));
}

export function trainWorkspaceModel(
  rows: readonly Float64Array[],
  labels: Uint8Array,
  space: FeatureSpace,
  trainedAt: number,
  onProgress?: (fraction: number) => void,
  threads?: TrainingThreads,
): WorkspaceModel {
  const won = labels.reduce((a, b) => a + b, 0);
  if (rows.length < MIN_CLOSED_FOR_MODEL || won === 0 || won === rows.length) {
    throw new NotEnoughHistoryError(
      `The model needs at least ${MIN_CLOSED_FOR_MODEL} closed deals with both wins and losses (have ${rows.length}, ${won} won). ` +
        'Until then scores come from the built-in rules; import past deals from a CSV to start sooner.',
    );
  }
  const split = stratifiedSplit(labels, VALIDATION_FRACTION, 7);
  const trainRows = pick(rows, split.train);
  const trainLabels = Uint8Array.from(split.train, (i) => labels[i]!);
  // A calibrator fitted on a few dozen held-out rows (isotonic especially) produces confident
  // steps that cost far more log loss than they save; below SMALL_DATA rows the trees' own
  // logistic output is kept as is.
  const calibration = trainRows.length < SMALL_DATA ? 'none' : 'auto';
  const classifier = trainCalibratedClassifier(
    tableOf(trainRows, trainLabels, space),
    { params: paramsFor(trainRows.length), calibration, ...(threads ? { threads } : {}) },
    (f) => onProgress?.(0.9 * f),
  );
  const nTrain = trainRows.length;
  const wonTrain = trainLabels.reduce((a, b) => a + b, 0);
  const prior: PriorParams = { closed: nTrain, won: wonTrain };
  const validLabels = Uint8Array.from(split.test, (i) => labels[i]!);
  const modelLogit = Float64Array.from(split.test, (i) => logitOf(classifier.predict(rows[i]!)));
  const priorLogit = Float64Array.from(split.test, (i) => explainPrior(rows[i]!, space, prior).logit);
  const blend = (k: number) =>
    Array.from(modelLogit, (m, j) => {
      const w = blendWeight(nTrain, k);
      return sigmoid(w * m + (1 - w) * priorLogit[j]!);
    });
  let k = DEFAULT_K;
  let best = Infinity;
  // Choosing k on a handful of validation deals would just pick noise: keep the default then.
  for (const cand of validLabels.length >= MIN_VALIDATION_FOR_K ? K_GRID : []) {
    const loss = binaryMetrics(validLabels, blend(cand)).logloss;
    if (loss < best - 1e-12) {
      best = loss;
      k = cand;
    }
  }
  const modelP = Array.from(modelLogit, sigmoid);
  const m = binaryMetrics(validLabels, modelP);
  const pm = binaryMetrics(validLabels, Array.from(priorLogit, sigmoid));
  const bm = binaryMetrics(validLabels, blend(k));
  const constant = binaryMetrics(
    validLabels,
    Array.from(validLabels, () => wonTrain / nTrain),
  );
  const intervalsOf = (p: number[]) => {
    const a = bootstrapInterval(validLabels, p, rocAuc, { needsBothClasses: true, resamples: INTERVAL_RESAMPLES });
    const b = bootstrapInterval(validLabels, p, brierScore, { resamples: INTERVAL_RESAMPLES });
    return { auc: [a.lo, a.hi] as [number, number], brier: b.estimate, brierCi: [b.lo, b.hi] as [number, number] };
  };
  const gain = classifier.toJSON().gbm.featureGain;
  const totalGain = gain.reduce((a, b) => a + b, 0) || 1;
  const json: WorkspaceModelJson = {
    format: 'deep-sales-workspace-model/1',
    space,
    classifier: classifier.toJSON(),
    closedDeals: nTrain,
    won: wonTrain,
    k,
    trainedAt,
    validation: {
      n: validLabels.length,
      auc: m.auc,
      logloss: m.logloss,
      priorAuc: pm.auc,
      priorLogloss: pm.logloss,
      constantLogloss: constant.logloss,
      blendedAuc: bm.auc,
      blendedLogloss: bm.logloss,
      reliability: reliabilityBins(validLabels, modelP),
      intervals: { model: intervalsOf(modelP), blended: intervalsOf(blend(k)) },
    },
    importance: featureInfos(space)
      .map((f, j) => ({ feature: f.name, share: gain[j]! / totalGain }))
      .sort((a, b) => b.share - a.share),
  };
  onProgress?.(1);
  return { json, classifier };
}

export function blendWeight(n: number, k: number): number {
  if (n <= 0) return 0;
  const w = n / (n + k);
  return w >= MODEL_ONLY_WEIGHT ? 1 : w;
}

const EPS = 1e-6;
export function logitOf(p: number): number {
  return logit(Math.min(1 - EPS, Math.max(EPS, p)));
}

export interface RowScore {
  probability: number;
  logit: number;
  source: ScoreSource;
  closedDeals: number;
  weight: number;
  base: number;
  calibration: number;
  contributions: Float64Array;
}

/**
 * Score one feature row: prior alone, or the blend. The model's part is TreeSHAP on the raw tree
 * logit plus the calibrator's shift (calibrated logit − raw logit), so every term is accounted for.
 * TreeSHAP goes through a per-tree memo (shap-memo.ts): same values, a fraction of the time.
 */
export function scoreRow(row: Float64Array, space: FeatureSpace, prior: PriorParams, model: WorkspaceModel | null): RowScore {
  return scoreRows([row], space, prior, model)[0]!;
}

/**
 * scoreRow for many rows at once, with the same result per row (bit for bit): the model's trees
 * are walked once for the whole block (ShapMemo.explainBlock), which is what makes a full rescore
 * of thousands of deals fast. Blocks of a few hundred rows are plenty.
 */
export function scoreRows(
  rows: readonly Float64Array[],
  space: FeatureSpace,
  prior: PriorParams,
  model: WorkspaceModel | null,
): RowScore[] {
  const priors = rows.map((row) => explainPrior(row, space, prior));
  if (!model) {
    return priors.map((p) => ({
      probability: sigmoid(p.logit),
      logit: p.logit,
      source: 'prior',
      closedDeals: 0,
      weight: 0,
      base: p.base,
      calibration: 0,
      contributions: p.contributions,
    }));
  }
  const w = blendWeight(model.json.closedDeals, model.json.k);
  const json = model.classifier.toJSON();
  const memo = shapMemoFor(json.gbm);
  const n = rows.length;
  const width = featureCount(space);
  const columns = json.gbm.features.length; // the same as width: the model was trained in this space
  const x = new Float64Array(columns * n);
  for (let r = 0; r < n; r++) for (let f = 0; f < columns; f++) x[f * n + r] = rows[r]![f]!;
  const phi = new Float64Array(columns * n);
  const raws = new Float64Array(n);
  // The memo's raw logit is predictRaw's, and the calibrator applied to it is predict's.
  memo.explainBlock(x, n, phi, raws);
  return priors.map((p, r) => {
    const raw = raws[r]!;
    const calibrated = logitOf(applyCalibrator(json.calibrator, raw));
    const contributions = new Float64Array(width);
    for (let j = 0; j < width; j++) contributions[j] = w * phi[j * n + r]! + (1 - w) * p.contributions[j]!;
    const base = w * memo.base + (1 - w) * p.base;
    const calibration = w * (calibrated - raw);
    const z = w * calibrated + (1 - w) * p.logit;
    return {
      probability: sigmoid(z),
      logit: z,
      source: w === 1 ? 'model' : 'blended',
      closedDeals: model.json.closedDeals,
      weight: w,
      base,
      calibration,
      contributions,
    };
  });
}

export { priorBaseRate };
