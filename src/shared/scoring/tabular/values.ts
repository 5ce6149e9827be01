// Pure (no Node, no DOM). Cell-level parsing rules, kept in one place so training and
// prediction read values identically.

/** Tokens read as "missing" in numeric columns. Categorical columns treat only '' as missing,
 * because words like "NA" or "None" can be real categories (e.g. Competitor Type = None). */
const NUMERIC_MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', '?']);

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function isNumericMissing(cell: string): boolean {
  return NUMERIC_MISSING.has(cell.trim().toLowerCase());
}

/** Strict number parse: plain decimal/scientific notation only; anything else is NaN. */
export function parseNumber(cell: string): number {
  const s = cell.trim();
  if (!NUMBER_RE.test(s)) return NaN;
  const v = Number(s);
  return Number.isFinite(v) ? v : NaN;
}

/** Integers written with a leading zero ("007", "02139") are codes, not quantities. */
export function hasLeadingZero(cell: string): boolean {
  return /^[+-]?0\d/.test(cell.trim());
}

/**
 * "Roundness" of a number: how many trailing decimal zeros its integer value has
 * (151914 → 0, 50000 → 4, 1000000 → 6). 0 for non-integers and for 0 itself; NaN stays NaN.
 * Human-entered quantities that are round often mean estimates rather than measured values.
 */
export function trailingZeros(v: number): number {
  if (Number.isNaN(v)) return NaN;
  if (!Number.isInteger(v) || v === 0) return 0;
  let x = Math.abs(v);
  let k = 0;
  while (x % 10 === 0 && k < 30) {
    x /= 10;
    k++;
  }
  return k;
}
