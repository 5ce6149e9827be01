// Scoring process (Node): historical closed opportunities from a CRM export → history
// records the model can learn from. Parsing and column typing reuse the CSV reader
// (src/main/csv) and the tabular layer (src/shared/scoring/tabular), so this file only maps
// typed columns onto what a deal means to us: amount, age, stage and categorical CRM fields.
// It shares the CRM import's value rules (src/shared/import): amounts are read as CRMs write
// them ("$22,700.00") and stage names go through the same stage mapping ("Needs Analysis" →
// discover).
import { STAGES, type Stage } from '@shared/domain';
import { CodedError } from '@shared/errors';
import { autoStage } from '@shared/import/stages';
import { parseAmount } from '@shared/import/values';
import { buildTrainingTable, TabularError } from '@shared/scoring/tabular';
import { crmKey } from '@shared/scoring/workspace/features';
import type { HistoryRecord } from '@shared/scoring/workspace/history';
import { parseCsvText } from '../csv/read-csv';

export class ImportError extends CodedError<'DS_IMPORT_INVALID'> {
  override name = 'ImportError';

  constructor(
    message: string,
    readonly details: { reason: string },
  ) {
    super('DS_IMPORT_INVALID', message);
  }
}

export interface ImportResult {
  records: HistoryRecord[];
  imported: number;
  skipped: number;
  errors: { code: string; message: string }[];
}

const AMOUNT = ['amount', 'dealsize', 'dealvalue', 'value', 'revenue'];
const AGE = ['elapseddays', 'age', 'daysopen', 'salescycle', 'cycledays', 'duration'];

const matches = (name: string, keys: readonly string[]): boolean => keys.some((k) => crmKey(name).includes(k));

function stageOf(v: string): Stage | null {
  const s = v.trim().toLowerCase();
  if ((STAGES as readonly string[]).includes(s)) return s as Stage;
  // A CRM's stage name; won and lost are the outcome, not a stage the deal stood at.
  const mapped = autoStage(v);
  return mapped && mapped !== 'won' && mapped !== 'lost' ? mapped : null;
}

/** Amount columns as CRMs write them ("$22,700.00", "1.250.000,00") → plain numbers for the tabular layer. */
function plainAmounts(header: string[], rows: string[][], target: string): void {
  const cols = header.map((h, j) => (h !== target && matches(h, AMOUNT) ? j : -1)).filter((j) => j >= 0);
  for (const row of rows) {
    for (const j of cols) {
      const cell = row[j];
      if (cell === undefined) continue;
      const amount = parseAmount(cell);
      if (amount) row[j] = String(amount.value);
    }
  }
}

export function importHistoryCsv(csv: string, targetColumn: string, positiveValue: string): ImportResult {
  try {
    // Comma-separated, as its contract says: a semicolon file is refused with DS_CSV_DELIMITER
    // (the tabular layer's sniffing names the delimiter to use) rather than read silently.
    const { header, rows, unreadable } = parseCsvText(csv);
    plainAmounts(header, rows, targetColumn);
    const { table, schema, report } = buildTrainingTable(
      header,
      rows,
      { target: targetColumn, positive: positiveValue, derivedFeatures: false },
      unreadable,
    );
    const n = table.labels.length;
    const records: HistoryRecord[] = Array.from({ length: n }, (_, i) => ({
      amount: null,
      ageDays: null,
      stage: null,
      crm: {},
      won: table.labels[i] === 1,
    }));
    const errors: ImportResult['errors'] = report.warnings.map((w) => ({ code: 'DS_IMPORT_ROWS_SKIPPED', message: w }));
    let amountSet = false;
    let ageSet = false;
    schema.features.forEach((f, j) => {
      const col = table.features[j]!;
      if (col.kind === 'numeric') {
        const isAmount = !amountSet && matches(f.source, AMOUNT);
        const isAge = !isAmount && !ageSet && matches(f.source, AGE);
        if (!isAmount && !isAge) {
          errors.push({
            code: 'DS_IMPORT_COLUMN_IGNORED',
            message: `Numeric column "${f.source}" is not used: only amount and deal age are.`,
          });
          return;
        }
        if (isAmount) amountSet = true;
        else ageSet = true;
        for (let i = 0; i < n; i++) {
          const v = col.values[i]!;
          if (Number.isNaN(v) || v < 0) continue;
          if (isAmount) records[i]!.amount = v;
          else records[i]!.ageDays = v;
        }
        return;
      }
      const isStage = crmKey(f.source) === 'stage' || crmKey(f.source) === 'salesstage';
      for (let i = 0; i < n; i++) {
        const code = col.codes[i]!;
        if (code < 0 || code >= col.levels.length) continue;
        const level = col.levels[code]!;
        if (isStage) records[i]!.stage = stageOf(level);
        else records[i]!.crm[f.source.slice(0, 80)] = level.slice(0, 200);
      }
    });
    const skipped = report.total - report.used + unreadable;
    return { records, imported: n, skipped, errors: errors.slice(0, 50) };
  } catch (err) {
    if (err instanceof TabularError) throw new ImportError(importMessage(err), { reason: err.code });
    throw err;
  }
}

function importMessage(err: TabularError): string {
  // The tabular layer's messages already say what to do; name the import so the user knows which step failed.
  return `The history file cannot be imported: ${err.message}`;
}
