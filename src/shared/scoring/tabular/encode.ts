// Pure (no Node, no DOM). Encode CSV rows with a known schema: shared by training (after the
// schema is inferred) and by scoring new files, so both read cells the same way.
import type { CategoricalFeature, FeatureColumn, NumericFeature, TrainingTable } from '../learn';
import { TabularError } from './errors';
import { checkHeader, requireColumn } from './header';
import type { RowReport, TabularFeatureSpec, TabularSchema } from './types';
import { isNumericMissing, parseNumber, trailingZeros } from './values';

export const MAX_BAD_ROW_FRACTION = 0.2;

export interface EncodedTable {
  table: TrainingTable;
  report: RowReport;
}

/** Encode rows (cells as strings, header excluded) of a file whose header is `header`. */
export function encodeWithSchema(
  schema: TabularSchema,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  unreadable = 0,
): EncodedTable {
  const names = checkHeader(header);
  const targetIdx = requireColumn(names, schema.target, 'target');
  const srcIdx = schema.features.map((f) => requireColumn(names, f.source, 'feature'));
  const levelIndex = schema.features.map((f) => (f.kind === 'categorical' ? levelMap(f) : null));
  const report: RowReport = {
    total: rows.length + unreadable,
    used: 0,
    wrongColumnCount: 0,
    unreadable,
    unparseableNumber: 0,
    missingTarget: 0,
    warnings: [],
  };
  const keep: number[] = [];
  const badNumberColumns = new Map<string, number>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length !== names.length) {
      report.wrongColumnCount++;
      continue;
    }
    const bad = schema.features.find((f, j) => {
      const cell = row[srcIdx[j]!]!;
      return f.kind === 'numeric' && !isNumericMissing(cell) && Number.isNaN(parseNumber(cell));
    })?.source;
    if (bad !== undefined) {
      report.unparseableNumber++;
      badNumberColumns.set(bad, (badNumberColumns.get(bad) ?? 0) + 1);
      continue;
    }
    if (row[targetIdx]!.trim() === '') {
      report.missingTarget++;
      continue;
    }
    keep.push(r);
  }
  checkBadRows(report, names.length, badNumberColumns);
  const n = keep.length;
  if (n === 0)
    throw new TabularError(
      'DS_CSV_EMPTY',
      'No usable data rows remain after skipping rows without a target value. Fill in the target column.',
    );
  const labels = new Uint8Array(n);
  keep.forEach((r, k) => {
    labels[k] = rows[r]![targetIdx]!.trim() === schema.positive ? 1 : 0;
  });
  const features: FeatureColumn[] = schema.features.map((f, j) => encodeColumn(f, keep, rows, srcIdx[j]!, levelIndex[j] ?? null));
  report.used = n;
  return { table: { features, labels }, report };
}

function encodeColumn(
  f: TabularFeatureSpec,
  keep: readonly number[],
  rows: readonly (readonly string[])[],
  col: number,
  levels: Map<string, number> | null,
): FeatureColumn {
  if (f.kind === 'categorical') {
    const codes = new Int32Array(keep.length);
    keep.forEach((r, k) => {
      codes[k] = encodeCategory(rows[r]![col]!, levels!);
    });
    return { name: f.name, kind: 'categorical', codes, levels: f.levels ?? [] } satisfies CategoricalFeature;
  }
  const values = new Float64Array(keep.length);
  keep.forEach((r, k) => {
    values[k] = encodeNumber(rows[r]![col]!, f.transform);
  });
  return { name: f.name, kind: 'numeric', values } satisfies NumericFeature;
}

export function encodeNumber(cell: string, transform: TabularFeatureSpec['transform']): number {
  const v = isNumericMissing(cell) ? NaN : parseNumber(cell);
  return transform === 'trailingZeros' ? trailingZeros(v) : v;
}

/** Empty and unseen categories become -1, which the model routes like rare/missing ones. */
export function encodeCategory(cell: string, levels: ReadonlyMap<string, number>): number {
  const s = cell.trim();
  return s === '' ? -1 : (levels.get(s) ?? -1);
}

function checkBadRows(report: RowReport, nColumns: number, badNumberColumns: Map<string, number>): void {
  const bad = report.wrongColumnCount + report.unparseableNumber + report.unreadable;
  if (report.unreadable > 0) report.warnings.push(`skipped ${report.unreadable} record(s) the CSV parser could not read (check quoting)`);
  if (report.wrongColumnCount > 0)
    report.warnings.push(`skipped ${report.wrongColumnCount} row(s) whose number of fields is not ${nColumns}`);
  for (const [col, k] of badNumberColumns) report.warnings.push(`skipped ${k} row(s) with a non-numeric value in numeric column "${col}"`);
  if (report.missingTarget > 0) report.warnings.push(`skipped ${report.missingTarget} row(s) with an empty target`);
  if (report.total > 0 && bad / report.total > MAX_BAD_ROW_FRACTION) {
    throw new TabularError(
      'DS_CSV_TOO_MANY_BAD_ROWS',
      `${bad} of ${report.total} rows (${((100 * bad) / report.total).toFixed(1)}%) are malformed (${report.wrongColumnCount} with the wrong number of fields, ${report.unparseableNumber} with text in a numeric column, ${report.unreadable} unreadable); the limit is ${MAX_BAD_ROW_FRACTION * 100}%. Check the delimiter, quoting and numeric columns of the file.`,
    );
  }
}

/** Encode one record (column name → cell text) for prediction. Absent columns count as missing. */
export function encodeRecord(schema: TabularSchema, record: Readonly<Record<string, string | undefined>>): Float64Array {
  const row = new Float64Array(schema.features.length);
  schema.features.forEach((f, j) => {
    const cell = record[f.source] ?? '';
    row[j] = f.kind === 'categorical' ? encodeCategory(cell, levelMap(f)) : encodeNumber(cell, f.transform);
  });
  return row;
}

const levelMaps = new WeakMap<TabularFeatureSpec, Map<string, number>>();

function levelMap(f: TabularFeatureSpec): Map<string, number> {
  let m = levelMaps.get(f);
  if (!m) {
    m = new Map((f.levels ?? []).map((l, i) => [l, i]));
    levelMaps.set(f, m);
  }
  return m;
}
