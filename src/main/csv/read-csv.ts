// Runs in Node (main process and scripts). Reads a CSV file into header + string rows; row
// validation and typing happen in the pure tabular layer (src/shared/scoring/tabular).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { TabularError } from '@shared/scoring/tabular';

export interface CsvText {
  header: string[];
  /** Data rows as parsed; rows may have the wrong number of fields (the tabular layer counts them). */
  rows: string[][];
  /** Records csv-parse could not read at all (e.g. a broken quote), skipped and counted here. */
  unreadable: number;
}

export interface ReadCsvOptions {
  delimiter?: string;
}

export function readCsvFile(path: string, options: ReadCsvOptions = {}): CsvText {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
    throw new TabularError('DS_CSV_READ', `Cannot read "${path}" (${code}). Check the path and that the file is readable.`);
  }
  return parseCsvText(text, options);
}

export function parseCsvText(text: string, options: ReadCsvOptions = {}): CsvText {
  if (text.trim() === '') {
    throw new TabularError('DS_CSV_EMPTY', 'The file is empty. Provide a CSV with a header row and data rows.');
  }
  let unreadable = 0;
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: options.delimiter ?? ',',
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: () => {
        unreadable++;
        return undefined;
      },
    }) as string[][];
  } catch (err) {
    // Errors that skip_records_with_error does not cover abort the whole parse.
    const msg = err instanceof Error ? err.message : String(err);
    throw new TabularError('DS_CSV_PARSE', `The file is not valid CSV: ${msg}. Check quoting and the delimiter.`);
  }
  const [header, ...rows] = records;
  if (!header) throw new TabularError('DS_CSV_EMPTY', 'The file has no header row. Provide a CSV whose first line names the columns.');
  return { header, rows, unreadable };
}
