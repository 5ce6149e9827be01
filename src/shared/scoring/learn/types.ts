// Pure (no Node, no DOM). Data and model shapes shared by the learner, explainer and calibrator.

/** A numeric feature, one value per row; NaN means missing. */
export interface NumericFeature {
  readonly name: string;
  readonly kind: 'numeric';
  readonly values: Float64Array;
}

/**
 * A categorical feature as integer codes into `levels`; -1 (or any code outside
 * 0..levels.length-1) means missing or unknown.
 */
export interface CategoricalFeature {
  readonly name: string;
  readonly kind: 'categorical';
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

export type FeatureColumn = NumericFeature | CategoricalFeature;

/** Column-major training table: every feature column and `labels` have one entry per row. */
export interface TrainingTable {
  readonly features: readonly FeatureColumn[];
  /** 1 = positive class, 0 = negative. */
  readonly labels: Uint8Array;
  /** Optional per-row weights (default 1). */
  readonly weights?: Float64Array;
}

/**
 * One row for prediction, in the order of the model's features: the numeric value,
 * or the categorical code (NaN / -1 / unseen code = missing or unknown).
 */
export type FeatureRow = ArrayLike<number>;

export interface FeatureInfo {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  /** Category labels for categorical features (code = index). */
  readonly levels?: readonly string[];
}

/**
 * One regression tree in flat arrays (index = node id, root = 0). Plain data so
 * that JSON.stringify/parse round-trips it exactly.
 */
export interface TreeJson {
  /** Split feature index, or -1 for a leaf. */
  feature: number[];
  /** Numeric split: value <= threshold goes left. Unused (0) for categorical splits. */
  threshold: number[];
  /** 1 if missing values (NaN, and unknown/rare categories) go left. */
  missingLeft: number[];
  /** Categorical split: sorted codes that go left; null for numeric splits and leaves. */
  catLeft: (number[] | null)[];
  left: number[];
  right: number[];
  /** Leaf output on the logit scale (learning rate already applied); 0 for internal nodes. */
  value: number[];
  /** Sum of hessians of the training rows that reached the node (used by TreeSHAP). */
  cover: number[];
  /** Loss reduction of the split (0 for leaves). */
  gain: number[];
}

export interface GbmParams {
  numRounds: number;
  learningRate: number;
  maxDepth: number;
  maxLeaves: number;
  minChildWeight: number;
  minSamplesLeaf: number;
  lambda: number;
  minSplitGain: number;
  subsample: number;
  colsample: number;
  maxBins: number;
  catSmooth: number;
  earlyStoppingRounds: number;
  validationFraction: number;
  seed: number;
}

export interface GbmModel {
  readonly format: 'deep-sales-gbm/1';
  readonly features: readonly FeatureInfo[];
  /** Initial logit (log-odds of the weighted training positive rate). */
  readonly baseScore: number;
  readonly trees: readonly TreeJson[];
  readonly params: GbmParams;
  /** Total split gain per feature, summed over all trees. */
  readonly featureGain: readonly number[];
  /** Validation log loss per round when early stopping ran (empty otherwise). */
  readonly validationLoss: readonly number[];
}
