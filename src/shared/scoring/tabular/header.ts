// Pure (no Node, no DOM). Header checks that run before any row is read.
import { TabularError } from './errors';

const OTHER_DELIMITERS: readonly [string, string][] = [
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
];

/**
 * Fails with DS_CSV_DELIMITER when a comma-separated parse produced a single header cell
 * that still contains another common delimiter: the file is clearly not comma-separated.
 */
export function checkHeader(header: readonly string[]): string[] {
  const names = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
  if (names.length === 0 || names.every((n) => n === '')) {
    throw new TabularError('DS_CSV_EMPTY', 'The file is empty or has no header row. Provide a CSV whose first line names the columns.');
  }
  if (names.length === 1) {
    const found = OTHER_DELIMITERS.find(([d]) => names[0]!.includes(d));
    if (found) {
      throw new TabularError(
        'DS_CSV_DELIMITER',
        `The header has one column but contains ${found[1]}s ("${names[0]!.slice(0, 60)}"), so the file looks ${found[1]}-separated. Save it as comma-separated CSV (or pass the delimiter explicitly).`,
      );
    }
  }
  // Blank or repeated names would make columns impossible to address by name later.
  const seen = new Map<string, number>();
  return names.map((n, i) => {
    const base = n === '' ? `column ${i + 1}` : n;
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base} (${k})`;
  });
}

/** Index of a column by exact name, else by case-insensitive name; -1 when absent. */
export function findColumn(names: readonly string[], wanted: string): number {
  const exact = names.indexOf(wanted);
  if (exact >= 0) return exact;
  const w = wanted.trim().toLowerCase();
  return names.findIndex((n) => n.toLowerCase() === w);
}

export function requireColumn(names: readonly string[], wanted: string, role: 'target' | 'feature'): number {
  const i = findColumn(names, wanted);
  if (i >= 0) return i;
  const list = names
    .slice(0, 30)
    .map((n) => `"${n}"`)
    .join(', ');
  throw new TabularError(
    role === 'target' ? 'DS_CSV_MISSING_TARGET' : 'DS_CSV_MISSING_COLUMN',
    role === 'target'
      ? `Target column "${wanted}" is not in the file. Columns are: ${list}. Pass one of them as the target.`
      : `Column "${wanted}" that the model was trained on is missing from the file. Columns are: ${list}. Use a file with the same columns as the training data.`,
  );
}
