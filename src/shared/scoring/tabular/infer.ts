// Pure (no Node, no DOM). Infer a feature schema from any CSV with a binary target, then
// encode it. Column typing rules are documented in docs/model-eval.md.
import type { TrainingTable } from '../learn';
import { encodeWithSchema, MAX_BAD_ROW_FRACTION } from './encode';
import { TabularError } from './errors';
import { checkHeader, requireColumn } from './header';
import type { RowReport, TabularFeatureSpec, TabularSchema } from './types';
import { hasLeadingZero, isNumericMissing, parseNumber, trailingZeros } from './values';

export interface InferOptions {
  target: string;
  /** Target value that counts as the positive class; every other non-empty value is negative. */
  positive: string;
  /** Add generic derived features such as trailing-zero counts of numeric columns (default true). */
  derivedFeatures?: boolean;
}

/** Share of non-missing cells that must parse as numbers for a column to be numeric. */
export const NUMERIC_SHARE = 0.95;

/** `unreadable`: records the CSV reader already had to drop, so they count towards the bad-row limit. */
export function buildTrainingTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: InferOptions,
  unreadable = 0,
): { table: TrainingTable; schema: TabularSchema; report: RowReport } {
  const schema = inferSchema(header, rows, options);
  const { table, report } = encodeWithSchema(schema, header, rows, unreadable);
  let pos = 0;
  for (let i = 0; i < table.labels.length; i++) pos += table.labels[i]!;
  if (pos === 0 || pos === table.labels.length) {
    throw new TabularError(
      'DS_CSV_ONE_CLASS',
      `After skipping bad rows, all ${table.labels.length} rows are ${pos === 0 ? `not "${schema.positive}"` : `"${schema.positive}"`}; the target column must contain both outcomes. Add rows of the other outcome.`,
    );
  }
  const dropped = schema.dropped.map((d) => `column "${d.column}" not used: ${d.reason}`);
  return { table, schema, report: { ...report, warnings: [...report.warnings, ...dropped] } };
}

export function inferSchema(header: readonly string[], rows: readonly (readonly string[])[], options: InferOptions): TabularSchema {
  const names = checkHeader(header);
  const targetIdx = requireColumn(names, options.target, 'target');
  const wellFormed = rows.filter((r) => r.length === names.length);
  const wrong = rows.length - wellFormed.length;
  // Checked before the class balance: a wrong delimiter or broken export is the root cause to report.
  if (rows.length > 0 && wrong / rows.length > MAX_BAD_ROW_FRACTION) {
    throw new TabularError(
      'DS_CSV_TOO_MANY_BAD_ROWS',
      `${wrong} of ${rows.length} rows do not have ${names.length} fields like the header; the limit is ${MAX_BAD_ROW_FRACTION * 100}% malformed. Check the delimiter and quoting of the file.`,
    );
  }
  const usable = wellFormed.filter((r) => r[targetIdx]!.trim() !== '');
  if (rows.length === 0 || usable.length === 0) {
    throw new TabularError(
      'DS_CSV_EMPTY',
      `The file has a header but no usable data rows (${rows.length} row(s), none with the right number of fields and a target value). Add data rows.`,
    );
  }
  const positive = resolvePositive(usable, targetIdx, options.positive);
  const features: TabularFeatureSpec[] = [];
  const dropped: { column: string; reason: string }[] = [];
  names.forEach((name, c) => {
    if (c === targetIdx) return;
    const cells = usable.map((r) => r[c]!);
    const numeric = looksNumeric(cells);
    if (numeric) {
      const values = cells.map((s) => (isNumericMissing(s) ? NaN : parseNumber(s))).filter((v) => !Number.isNaN(v));
      const distinct = new Set(values);
      if (distinct.size <= 1) {
        dropped.push({ column: name, reason: 'it has a single value' });
        return;
      }
      features.push({ name, source: name, kind: 'numeric', transform: 'value' });
      if (options.derivedFeatures !== false && wantsTrailingZeros(values, distinct.size)) {
        features.push({ name: `${name} (trailing zeros)`, source: name, kind: 'numeric', transform: 'trailingZeros' });
      }
      return;
    }
    const freq = new Map<string, number>();
    for (const s of cells) {
      const v = s.trim();
      if (v !== '') freq.set(v, (freq.get(v) ?? 0) + 1);
    }
    if (freq.size <= 1) {
      dropped.push({ column: name, reason: 'it has a single value' });
      return;
    }
    // A text column with a different value on most rows is an identifier: memorising it cannot generalise.
    if (freq.size > 50 && freq.size > 0.5 * usable.length) {
      dropped.push({ column: name, reason: `it looks like an identifier (${freq.size} distinct values in ${usable.length} rows)` });
      return;
    }
    // Most frequent first; ties in first-seen order (Map keeps insertion order and sort is stable).
    const levels = [...freq.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
    features.push({ name, source: name, kind: 'categorical', transform: 'value', levels });
  });
  if (features.length === 0) {
    throw new TabularError(
      'DS_CSV_NO_FEATURES',
      'No column besides the target can be used as a feature (all are constant or identifier-like). Add descriptive columns.',
    );
  }
  return { format: 'deep-sales-tabular/1', target: names[targetIdx]!, positive, features, dropped };
}

/**
 * Numeric when at least 95% of non-missing cells parse as plain numbers and no cell is a
 * zero-padded code ("007", zip codes). Small sets of integer codes (1–5 bands) stay numeric:
 * their order usually means something, and trees can still isolate any single code.
 */
function looksNumeric(cells: readonly string[]): boolean {
  let present = 0;
  let numeric = 0;
  for (const s of cells) {
    if (isNumericMissing(s)) continue;
    present++;
    if (hasLeadingZero(s)) return false;
    if (!Number.isNaN(parseNumber(s))) numeric++;
  }
  return present > 0 && numeric >= NUMERIC_SHARE * present;
}

/** Worth adding only for many-valued integer columns where roundness actually varies. */
function wantsTrailingZeros(values: readonly number[], distinct: number): boolean {
  if (distinct <= 20) return false;
  const integers = values.filter(Number.isInteger).length;
  if (integers < 0.9 * values.length) return false;
  const tz = new Set(values.map(trailingZeros));
  return tz.size > 1;
}

function resolvePositive(rows: readonly (readonly string[])[], targetIdx: number, wanted: string): string {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const v = r[targetIdx]!.trim();
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const w = wanted.trim();
  if (counts.has(w)) return w;
  const loose = [...counts.keys()].filter((v) => v.toLowerCase() === w.toLowerCase());
  if (loose.length === 1) return loose[0]!;
  const seen = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([v, k]) => `"${v}" (${k})`)
    .join(', ');
  throw new TabularError(
    'DS_CSV_ONE_CLASS',
    `No row has the positive value "${wanted}" in the target column, so there is only one class. Values seen: ${seen}. Pass one of them as the positive value.`,
  );
}
