// Pure (shared): values as CRMs write them into CSV exports → our values. Dates come as ISO with
// a "+0000" offset (Salesforce), plain days (HubSpot, Zoho), "5/20/2024 7:42" (Dynamics, US
// order) or "15 Apr, 2021 00:02:00" (Zoho); amounts as "1124741.15" or "$22,700.00". A value
// that cannot be read is `null` with the caller reporting it, never a guess.

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Day-first ("20/05/2024") or month-first ("5/20/2024") for slash dates; decided per column. */
export type DateOrder = 'mdy' | 'dmy';

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  const back = new Date(t);
  // Reject 31 April and the like instead of rolling over into the next month.
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return null;
  return t;
}

function year(text: string): number {
  const y = Number(text);
  return text.length === 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

/** "7:42", "07:42:10", "7:42 PM", "16:14:25.000" → [h, m, s, ms] or null. */
function clock(text: string | undefined): [number, number, number, number] | null {
  if (!text) return [0, 0, 0, 0];
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*([AaPp][Mm])?$/.exec(text.trim());
  if (!m) return null;
  let h = Number(m[1]);
  if (m[5]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[5].toLowerCase() === 'pm' ? 12 : 0);
  }
  return [h, Number(m[2]), Number(m[3] ?? 0), Number((m[4] ?? '0').padEnd(3, '0'))];
}

/**
 * Epoch milliseconds of a CRM date, or null. Times without an offset are taken as UTC (CRM
 * exports write the exporting user's zone and do not say which; UTC keeps re-imports stable).
 */
export function parseDate(raw: string, order: DateOrder = 'mdy'): number | null {
  const text = raw.trim();
  if (text === '') return null;
  // ISO 8601: 2024-11-10, 2024-01-22T16:14:25.000+0000, 2024-01-22 16:14:25, …Z
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (m) {
    const c = clock(m[4]?.replace(/(\.\d{3})\d+$/, '$1'));
    if (!c) return null;
    const base = utc(Number(m[1]), Number(m[2]), Number(m[3]), ...c);
    if (base === null) return null;
    const zone = m[5];
    if (!zone || zone.toUpperCase() === 'Z') return base;
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    const offset = (Number(z[2]) * 60 + Number(z[3])) * 60_000 * (z[1] === '-' ? -1 : 1);
    return base - offset;
  }
  // 5/20/2024 7:42, 20/05/2024, 20.05.2024 16:00, 2024/05/20
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T]+(.+))?$/.exec(text);
  if (m) {
    const c = clock(m[4]);
    return c ? utc(Number(m[1]), Number(m[2]), Number(m[3]), ...c) : null;
  }
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:,?[ T]+(.+))?$/.exec(text);
  if (m) {
    const c = clock(m[5]);
    if (!c) return null;
    const a = Number(m[1]);
    const b = Number(m[3]);
    // Dots are day-first everywhere they are used; slashes follow the column's order.
    const dayFirst = m[2] === '.' || order === 'dmy';
    return dayFirst ? utc(year(m[4]!), b, a, ...c) : utc(year(m[4]!), a, b, ...c);
  }
  // 15 Apr, 2021 00:02:00 / 15-Apr-2021 / 15 April 2021
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4})(?:,?\s+(.+))?$/.exec(text);
  if (m) {
    const mo = MONTHS[m[2]!.slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
    const c = clock(m[4]);
    return mo && c ? utc(Number(m[3]), mo, Number(m[1]), ...c) : null;
  }
  // Apr 15, 2021 7:42 PM / April 15 2021
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})(?:,?\s+(.+))?$/.exec(text);
  if (m) {
    const mo = MONTHS[m[1]!.slice(0, 3).toLowerCase()];
    const c = clock(m[4]);
    return mo && c ? utc(Number(m[3]), mo, Number(m[2]), ...c) : null;
  }
  return null;
}

/**
 * The order of a column's slash dates: day-first when some value's first part cannot be a
 * month (> 12) and none's second part is more than 12; month-first otherwise (the CRMs' default).
 */
export function detectDateOrder(samples: Iterable<string>): DateOrder {
  let firstOver = false;
  let secondOver = false;
  for (const s of samples) {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/\d{2,4}/.exec(s);
    if (!m) continue;
    if (Number(m[1]) > 12) firstOver = true;
    if (Number(m[2]) > 12) secondOver = true;
  }
  return firstOver && !secondOver ? 'dmy' : 'mdy';
}

const SYMBOLS: Record<string, string> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  CHF: 'CHF',
  A$: 'AUD',
  C$: 'CAD',
  US$: 'USD',
};

export interface Amount {
  value: number;
  /** ISO code when the text names one ("$", "EUR 10"); the currency column wins over it. */
  currency: string | null;
}

/**
 * "1124741.15", "$22,700.00", "€1.234,56", "EUR 1 000", "1,234.5 USD" → value and currency.
 * Negative amounts ("-5", "(5)") are returned negative; the row decides whether they fit.
 */
export function parseAmount(raw: string): Amount | null {
  let text = raw.trim().replace(/[\u00a0\u202f']/g, ' ');
  if (text === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1).trim();
  }
  let currency: string | null = null;
  const code = /^([A-Z]{3})\s*(.*)$/.exec(text) ?? /^(.*?)\s*([A-Z]{3})$/.exec(text);
  if (code) {
    const [a, b] = [code[1]!, code[2]!];
    const isFirst = /^[A-Z]{3}$/.test(a);
    currency = isFirst ? a : b;
    text = (isFirst ? b : a).trim();
  }
  const sym = /^(US\$|A\$|C\$|[$€£¥₹])\s*(.*)$/.exec(text) ?? /^(.*?)\s*([$€£¥₹])$/.exec(text);
  if (sym) {
    const isFirst = sym[1]! in SYMBOLS;
    currency ??= SYMBOLS[isFirst ? sym[1]! : sym[2]!] ?? null;
    text = (isFirst ? sym[2]! : sym[1]!).trim();
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  }
  text = text.replace(/ /g, '');
  if (!/^\d[\d.,]*$/.test(text)) return null;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // The later separator is the decimal one: 1,234.56 or 1.234,56.
    normal = lastDot > lastComma ? text.replace(/,/g, '') : text.replace(/\./g, '').replace(',', '.');
  } else if (lastComma >= 0) {
    // 22,700 (thousands) vs 12,5 (decimal): a lone comma before exactly 3 digits groups thousands.
    const groups = text.split(',');
    const thousands = groups.length > 2 || groups[1]!.length === 3;
    normal = thousands ? groups.join('') : text.replace(',', '.');
  } else if ((text.match(/\./g) ?? []).length > 1) {
    // 1.250.000 groups thousands; 1..2 or 1.25.3 is not a number.
    if (!/^\d{1,3}(\.\d{3})+$/.test(text)) return null;
    normal = text.replace(/\./g, '');
  } else {
    normal = text;
  }
  if (!/^\d+(\.\d+)?$/.test(normal)) return null;
  const value = Number(normal) * (negative ? -1 : 1);
  return Number.isFinite(value) ? { value, currency } : null;
}

/** A plain number ("250", "1,200", "75%"); null when it is not one. */
export function parseNumber(raw: string): number | null {
  const a = parseAmount(raw.trim().replace(/%$/, ''));
  return a ? a.value : null;
}

/** true/false as CRMs write them ("true", "1", "Yes", "x"); null for anything else. */
export function parseBool(raw: string): boolean | null {
  const t = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'y', 'x', 'checked', 'won'].includes(t)) return true;
  if (['false', '0', 'no', 'n', '', 'unchecked'].includes(t)) return false;
  return null;
}

/** Minutes from "30", "1:15", "00:45:00" (HubSpot's HH:mm:ss), "1h 30m", "45 minutes". */
export function parseDurationMinutes(raw: string): number | null {
  const t = raw.trim().toLowerCase();
  if (t === '') return null;
  let m = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return m[3] !== undefined ? Number(m[1]) * 60 + Number(m[2]) + Math.round(Number(m[3]) / 60) : Number(m[1]) * 60 + Number(m[2]);
  m = /^(?:(\d+)\s*h(?:ours?)?)?\s*(?:(\d+)\s*m(?:in(?:ute)?s?)?)?$/.exec(t);
  if (m && (m[1] || m[2])) return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  const n = parseNumber(t);
  return n === null || n < 0 ? null : Math.round(n);
}

/** "https://www.acme.example/about" or "acme.example" or "jane@acme.example" → "acme.example". */
export function domainOf(raw: string): string | null {
  let t = raw.trim().toLowerCase();
  if (t === '') return null;
  const at = t.lastIndexOf('@');
  if (at >= 0) t = t.slice(at + 1);
  t = t
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .split(/[/?#:]/)[0]!;
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(t) ? t : null;
}

/** A key two spellings of one name share: case, accents, punctuation and spaces ignored. */
export function nameKey(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A header as a key: "Address 1: City" → "address1city", "StageName" → "stagename". */
export function headerKey(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
