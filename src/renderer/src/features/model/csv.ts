// Renderer (pure): just enough CSV reading to offer the target column and its values before the
// upload; the host parses the file for real. Header names go through the same checks the host
// uses (blank and repeated names renamed), so the column picked here is the column it finds.
import { checkHeader } from '@shared/scoring/tabular';

/** RFC 4180 rows: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < maxRows; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if ((field !== '' || row.length > 0) && rows.length < maxRows) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface CsvPreview {
  columns: string[];
  rowCount: number;
  /** Distinct values per column, most frequent first (at most 50). */
  values: (column: string) => string[];
}

export function previewCsv(text: string): CsvPreview {
  const rows = parseCsv(text);
  const columns = checkHeader(rows[0] ?? []);
  const body = rows.slice(1);
  return {
    columns,
    rowCount: body.length,
    values(column) {
      const index = columns.indexOf(column);
      if (index < 0) return [];
      const counts = new Map<string, number>();
      for (const r of body) {
        const v = (r[index] ?? '').trim();
        if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      return [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 50)
        .map(([v]) => v);
    },
  };
}

/** The likeliest outcome column and winning value, so the usual file needs no choosing. */
export function guessTarget(columns: readonly string[]): string | undefined {
  return (
    columns.find((c) => /^(won|win|outcome|result|is_?won|closed_?won)$/i.test(c.trim())) ??
    columns.find((c) => /won|outcome|result|status/i.test(c))
  );
}

export function guessPositive(values: readonly string[]): string | undefined {
  return values.find((v) => /^(won|win|yes|y|true|1|closed won|closed_won)$/i.test(v.trim()));
}
