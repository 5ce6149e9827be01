// Pure (no Node, no DOM). Public face of the Deep Sales learner. Everything else in this folder
// is internal. Typical use (the app's win-likelihood model):
//
//   const model = trainCalibratedClassifier(table, {}, (f) => progress(f)); // table: TrainingTable
//   model.predict(row)        // calibrated P(win), row = FeatureRow in table.features order
//   model.explain(row)        // { base, contributions } on the logit scale; base + Σ = model.predictRaw(row)
//   JSON.stringify(model)     // plain JSON (toJSON); loadCalibratedModel(JSON.parse(text)) restores it
//
// Lower-level pieces (raw boosted trees, calibrators, metrics, CV) are exported for the model
// report and for scripts/model-eval.ts.

export type {
  CategoricalFeature,
  FeatureColumn,
  FeatureInfo,
  FeatureRow,
  GbmModel,
  GbmParams,
  NumericFeature,
  TrainingTable,
  TreeJson,
} from './types';
export { LearnError, type LearnErrorCode } from './errors';

// The app-facing classifier.
export {
  createCalibratedModel,
  loadCalibratedModel,
  mayShareTraining,
  trainCalibratedClassifier,
  type CalibratedModel,
  type CalibratedModelJson,
  type CalibrationMethod,
  type TrainClassifierOptions,
} from './classifier';

// Boosted trees on the logit scale.
export {
  DEFAULT_GBM_PARAMS,
  predictRaw,
  predictRawTable,
  sigmoid,
  trainBinaryGbm,
  type TrainGbmOptions,
  type TrainingThreads,
} from './gbm';
// A training run's helper thread runs this on the hold-out (src/main/scoring/train-thread.ts).
export { runTrainingHelper, type HelperJob } from './boost';
export { gbmFromJson } from './model-json';

// Explanations.
export { expectedLogit, explain, type Explanation } from './treeshap';
export { featureImportance, type FeatureImportance } from './importance';

// Calibration.
export { applyCalibrator, fitIsotonic, fitPlatt, type Calibrator } from './calibration';

// Evaluation.
export {
  binaryMetrics,
  brierScore,
  expectedCalibrationError,
  logLoss,
  reliabilityBins,
  rocAuc,
  type BinaryMetrics,
  type ReliabilityBin,
} from './metrics';
export { foldRows, rowOf, stratifiedFolds, stratifiedSplit, subsetTable, type RowSplit } from './table';
export {
  calibratedGbmLearner,
  crossValidate,
  evaluateHoldout,
  logisticLearner,
  xgbDefaultsLearner,
  XGBOOST_DEFAULTS,
  type CvResult,
  type EvalResult,
  type Learner,
} from './evaluate';

// Compiled trees and explanation buffers, for the scoring engine's memoised explanations
// (workspace/shap-memo.ts), which explain thousands of deals per rescore without allocating.
export { compileTrees, leafOf, type CompiledTree } from './tree';
export { explainTreeInto, pathBuffers, type PathBuffers } from './treeshap';

// How sure a held-out metric is.
export { aucInterval, bootstrapInterval, brierInterval, type Interval } from './bootstrap';
