// Pure (no Node, no DOM). The recipe that turns CSV cells into model features.

export type FeatureTransform = 'value' | 'trailingZeros';

export interface TabularFeatureSpec {
  /** Feature name shown in explanations. */
  readonly name: string;
  /** Header name of the CSV column it is computed from. */
  readonly source: string;
  readonly kind: 'numeric' | 'categorical';
  readonly transform: FeatureTransform;
  /** Category labels (code = index), most frequent first. */
  readonly levels?: readonly string[];
}

export interface TabularSchema {
  readonly format: 'deep-sales-tabular/1';
  readonly target: string;
  readonly positive: string;
  readonly features: readonly TabularFeatureSpec[];
  /** Columns left out and why (identifier-like, constant, ...). */
  readonly dropped: readonly { readonly column: string; readonly reason: string }[];
}

/** What happened to the rows: every skipped row is counted under one reason. */
export interface RowReport {
  /** Data rows in the file (header excluded). */
  total: number;
  used: number;
  wrongColumnCount: number;
  /** Records the CSV parser could not read at all (broken quoting), counted by the reader. */
  unreadable: number;
  unparseableNumber: number;
  missingTarget: number;
  warnings: string[];
}
