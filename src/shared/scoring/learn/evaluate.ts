// Pure (no Node, no DOM; uses the global performance clock present in browsers, workers and Node).
// Hold-out and cross-validated evaluation of interchangeable learners on the same folds.
import { trainCalibratedClassifier } from './classifier';
import { predictRaw, sigmoid, trainBinaryGbm, type TrainingThreads } from './gbm';
import { predictLogistic, trainLogistic } from './logistic';
import { binaryMetrics, type BinaryMetrics } from './metrics';
import { foldRows, rowOf, stratifiedFolds, subsetTable } from './table';
import type { FeatureRow, GbmParams, TrainingTable } from './types';

/** A learner is anything that turns a table into a probability function. */
export interface Learner {
  readonly name: string;
  fit(table: TrainingTable): (row: FeatureRow) => number;
}

/** Ours: tuned defaults, early stopping and auto-chosen calibration (what the app uses). */
export function calibratedGbmLearner(params?: Partial<GbmParams>, threads?: TrainingThreads): Learner {
  return {
    name: 'deep-sales-gbm',
    fit: (t) => {
      const m = trainCalibratedClassifier(t, { ...(params ? { params } : {}), ...(threads ? { threads } : {}) });
      return (r) => m.predict(r);
    },
  };
}

/**
 * Reference: the same tree code with XGBoost's default hyper-parameters (eta 0.3, depth 6,
 * lambda 1, min_child_weight 1, 100 rounds, no subsampling, no early stopping, no calibration).
 */
export const XGBOOST_DEFAULTS: Partial<GbmParams> = {
  numRounds: 100,
  learningRate: 0.3,
  maxDepth: 6,
  maxLeaves: 64,
  minChildWeight: 1,
  minSamplesLeaf: 1,
  lambda: 1,
  minSplitGain: 0,
  subsample: 1,
  colsample: 1,
  maxBins: 256,
  earlyStoppingRounds: 0,
  validationFraction: 0,
};

export function xgbDefaultsLearner(): Learner {
  return {
    name: 'gbm-xgboost-defaults',
    fit: (t) => {
      const m = trainBinaryGbm(t, { params: XGBOOST_DEFAULTS });
      return (r) => sigmoid(predictRaw(m, r));
    },
  };
}

export function logisticLearner(): Learner {
  return {
    name: 'logistic-regression',
    fit: (t) => {
      const m = trainLogistic(t);
      return (r) => predictLogistic(m, r);
    },
  };
}

export interface EvalResult extends BinaryMetrics {
  nTrain: number;
  nTest: number;
  trainMs: number;
}

export function evaluateHoldout(learner: Learner, train: TrainingTable, test: TrainingTable): EvalResult {
  const t0 = performance.now();
  const predict = learner.fit(train);
  const trainMs = performance.now() - t0;
  const probs = new Float64Array(test.labels.length);
  const row = new Float64Array(test.features.length);
  for (let i = 0; i < probs.length; i++) probs[i] = predict(rowOf(test, i, row));
  return { ...binaryMetrics(test.labels, probs), nTrain: train.labels.length, nTest: test.labels.length, trainMs };
}

export interface CvResult {
  folds: EvalResult[];
  mean: EvalResult;
}

/** Stratified K-fold CV; the fold assignment depends only on labels, k and seed, so learners compared with the same seed see the same folds. */
export function crossValidate(
  learner: Learner,
  table: TrainingTable,
  k: number,
  seed: number,
  onFold?: (r: EvalResult, fold: number) => void,
): CvResult {
  const assignment = stratifiedFolds(table.labels, k, seed);
  const folds: EvalResult[] = [];
  for (let f = 0; f < k; f++) {
    const { train, test } = foldRows(assignment, f);
    const r = evaluateHoldout(learner, subsetTable(table, train), subsetTable(table, test));
    folds.push(r);
    onFold?.(r, f);
  }
  const avg = (key: keyof EvalResult): number => folds.reduce((s, r) => s + r[key], 0) / folds.length;
  return {
    folds,
    mean: {
      auc: avg('auc'),
      brier: avg('brier'),
      logloss: avg('logloss'),
      ece: avg('ece'),
      nTrain: avg('nTrain'),
      nTest: avg('nTest'),
      trainMs: avg('trainMs'),
    },
  };
}
