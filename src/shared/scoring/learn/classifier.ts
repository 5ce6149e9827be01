// Pure (no Node, no DOM). The app-facing classifier: boosted trees plus a calibrator chosen on
// held-out rows, with predictions and explanations behind one small object.
import { applyCalibrator, applyCalibratorAll, fitIsotonic, fitPlatt, type Calibrator } from './calibration';
import { MIN_THREADED_ROWS, predictRaw, trainBinaryGbmWithMargins, type TrainingThreads } from './gbm';
import { LearnError } from './errors';
import { logLoss } from './metrics';
import { calibratorFromJson, gbmFromJson } from './model-json';
import { stratifiedSplit, subsetTable } from './table';
import { explain, type Explanation } from './treeshap';
import type { FeatureInfo, FeatureRow, GbmModel, GbmParams, TrainingTable } from './types';

export type CalibrationMethod = 'auto' | 'isotonic' | 'platt' | 'none';

export interface TrainClassifierOptions {
  params?: Partial<GbmParams>;
  /** Share of rows held out for early stopping and calibration (default 0.2). */
  holdoutFraction?: number;
  /** 'auto' (default) picks identity, Platt or isotonic by cross-fitted log loss on the hold-out. */
  calibration?: CalibrationMethod;
  /** Threads to share a large table's rows with (gbm.ts TrainingThreads). */
  threads?: TrainingThreads;
}

export interface CalibratedModelJson {
  readonly format: 'deep-sales-classifier/1';
  readonly gbm: GbmModel;
  readonly calibrator: Calibrator;
  /** Cross-fitted hold-out log loss of each calibrator tried (for the model report). */
  readonly calibrationLoss: Readonly<Record<string, number>>;
}

export interface CalibratedModel {
  readonly features: readonly FeatureInfo[];
  /** Calibrated probability of the positive class. */
  predict(row: FeatureRow): number;
  /** Uncalibrated logit (what explain() decomposes). */
  predictRaw(row: FeatureRow): number;
  /** TreeSHAP on the logit scale: base + Σ contributions = predictRaw(row). */
  explain(row: FeatureRow): Explanation;
  toJSON(): CalibratedModelJson;
}

/** Share of rows held out for early stopping and calibration unless told otherwise. */
export const DEFAULT_HOLDOUT_FRACTION = 0.2;

/**
 * True when a training of `rows` labelled rows with the default hold-out may be large enough to
 * share with a helper thread (MIN_THREADED_ROWS of the fitted rows), so a helper is worth
 * starting ahead of it.
 */
export function mayShareTraining(rows: number): boolean {
  return Math.floor(rows * (1 - DEFAULT_HOLDOUT_FRACTION)) >= MIN_THREADED_ROWS;
}

export function trainCalibratedClassifier(
  table: TrainingTable,
  options: TrainClassifierOptions = {},
  onProgress?: (fraction: number) => void,
): CalibratedModel {
  const seed = options.params?.seed ?? 42;
  const split = stratifiedSplit(table.labels, options.holdoutFraction ?? DEFAULT_HOLDOUT_FRACTION, seed ^ 0x27d4eb2f);
  const fit = subsetTable(table, split.train);
  const holdout = subsetTable(table, split.test);
  const { model: gbm, validationLogits } = trainBinaryGbmWithMargins(fit, {
    ...(options.params ? { params: options.params } : {}),
    validation: holdout,
    ...(options.threads ? { threads: options.threads } : {}),
    onProgress: (f) => onProgress?.(0.9 * f),
  });
  // The hold-out's logits under the kept trees, tracked while boosting (= predictRawTable(gbm, holdout)).
  const logits = validationLogits!;
  const { calibrator, losses } = chooseCalibrator(logits, holdout.labels, options.calibration ?? 'auto', seed);
  onProgress?.(1);
  return createCalibratedModel({ format: 'deep-sales-classifier/1', gbm, calibrator, calibrationLoss: losses });
}

/**
 * Compare calibrators by 2-fold cross-fitting on the hold-out (fit on one half, score the
 * other), because scoring a calibrator on its own fitting rows always favours isotonic.
 */
export function chooseCalibrator(
  logits: Float64Array,
  labels: Uint8Array,
  method: CalibrationMethod,
  seed: number,
): { calibrator: Calibrator; losses: Record<string, number> } {
  const fitters: Record<Exclude<CalibrationMethod, 'auto'>, (x: Float64Array, y: Uint8Array) => Calibrator> = {
    none: () => ({ kind: 'identity' }),
    platt: (x, y) => fitPlatt(x, y),
    isotonic: (x, y) => fitIsotonic(x, y),
  };
  if (method !== 'auto') return { calibrator: fitters[method](logits, labels), losses: {} };
  const halves = stratifiedSplit(labels, 0.5, seed ^ 0x165667b1);
  const pick = (idx: Uint32Array): [Float64Array, Uint8Array] => [
    Float64Array.from(idx, (i) => logits[i]!),
    Uint8Array.from(idx, (i) => labels[i]!),
  ];
  const [xa, ya] = pick(halves.train);
  const [xb, yb] = pick(halves.test);
  const losses: Record<string, number> = {};
  let best: Exclude<CalibrationMethod, 'auto'> = 'none';
  for (const name of ['none', 'platt', 'isotonic'] as const) {
    const score = (cal: Calibrator, x: Float64Array, y: Uint8Array): number => logLoss(y, applyCalibratorAll(cal, x));
    const loss = (score(fitters[name](xa, ya), xb, yb) * xb.length + score(fitters[name](xb, yb), xa, ya) * xa.length) / logits.length;
    losses[name] = loss;
    if (loss < losses[best]!) best = name;
  }
  return { calibrator: fitters[best](logits, labels), losses };
}

export function createCalibratedModel(json: CalibratedModelJson): CalibratedModel {
  const { gbm, calibrator } = json;
  return {
    features: gbm.features,
    predict: (row) => applyCalibrator(calibrator, predictRaw(gbm, row)),
    predictRaw: (row) => predictRaw(gbm, row),
    explain: (row) => explain(gbm, row),
    toJSON: () => json,
  };
}

/** Rebuild a model from JSON.parse output; throws LearnError DS_LEARN_MODEL_JSON when malformed. */
export function loadCalibratedModel(json: unknown): CalibratedModel {
  const obj = (json ?? {}) as Partial<CalibratedModelJson>;
  if (obj.format !== 'deep-sales-classifier/1') {
    throw new LearnError(
      'DS_LEARN_MODEL_JSON',
      `Saved model has format ${JSON.stringify(obj.format)}, expected "deep-sales-classifier/1". Retrain the model.`,
    );
  }
  const gbm = gbmFromJson(obj.gbm);
  const calibrator = calibratorFromJson(obj.calibrator);
  const calibrationLoss = typeof obj.calibrationLoss === 'object' && obj.calibrationLoss ? obj.calibrationLoss : {};
  return createCalibratedModel({ format: 'deep-sales-classifier/1', gbm, calibrator, calibrationLoss });
}
