// Pure (no Node, no DOM). Public face of CSV-to-table encoding: any CSV with a binary target
// becomes a TrainingTable for ../learn, and new records encode the same way at predict time.
export { buildTrainingTable, inferSchema, NUMERIC_SHARE, type InferOptions } from './infer';
export { encodeRecord, encodeWithSchema, MAX_BAD_ROW_FRACTION, type EncodedTable } from './encode';
export { TabularError, type TabularErrorCode } from './errors';
export { checkHeader } from './header';
export type { RowReport, TabularFeatureSpec, TabularSchema } from './types';
