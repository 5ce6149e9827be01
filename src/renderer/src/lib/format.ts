// Renderer: display formatting. Formatters are built once; Intl constructors are slow enough to
// matter across 5,000 rows. One locale for all of them: the user's (lib/locale.ts).
import { USER_LOCALE } from './locale';

/** The summary list has no currency of its own; deals carry theirs. */
export const DEFAULT_CURRENCY = 'USD';

const currencyFormatters = new Map<string, Intl.NumberFormat>();
function currencyFormatter(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact}`;
  let formatter = currencyFormatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(USER_LOCALE, {
        style: 'currency',
        currency,
        notation: compact ? 'compact' : 'standard',
        maximumFractionDigits: compact ? 1 : 0,
      });
    } catch {
      // An unknown ISO code from an imported CRM: show the number with the code beside it.
      const plain = new Intl.NumberFormat(USER_LOCALE, { notation: compact ? 'compact' : 'standard', maximumFractionDigits: 1 });
      formatter = { format: (n: number) => `${plain.format(n)} ${currency}` } as Intl.NumberFormat;
    }
    currencyFormatters.set(key, formatter);
  }
  return formatter;
}

export function formatMoney(amount: number, currency = DEFAULT_CURRENCY, compact = false): string {
  return currencyFormatter(currency, compact).format(amount);
}

const relative = new Intl.RelativeTimeFormat(USER_LOCALE, { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "3 days ago", "in 2 weeks", "just now"; "never" for null. */
export function formatRelative(at: number | null, now: number): string {
  if (at === null) return 'never';
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < 60_000) return 'just now';
  for (const [unit, ms] of UNITS) {
    if (abs >= ms) return relative.format(Math.round(diff / ms), unit);
  }
  return relative.format(Math.round(diff / 60_000), 'minute');
}

const dateFormat = new Intl.DateTimeFormat(USER_LOCALE, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(USER_LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** Relative within a week ("3 days ago"), a date beyond it, so older rows still tell apart. */
export function formatWhen(at: number, now: number): string {
  return Math.abs(now - at) < 7 * 24 * 3600_000 ? formatRelative(at, now) : dateFormat.format(at);
}

export function formatDate(at: number): string {
  return dateFormat.format(at);
}

export function formatDateTime(at: number): string {
  return dateTimeFormat.format(at);
}

/** snake_case vocabulary without a label table: "mid_market" → "Mid market". */
export function humanize(value: string): string {
  const spaced = value.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** "1 open deal", "3 open deals": the count and the right form of the noun. */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString(USER_LOCALE)} ${count === 1 ? one : many}`;
}
