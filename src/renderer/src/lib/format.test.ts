import { describe, expect, it } from 'vitest';
import { excerpt, formatMoney, formatRelative, formatWhen, humanize } from './format';

const NOW = Date.UTC(2025, 5, 15, 12);

describe('formatRelative', () => {
  it('says never for a missing time and just now for the last minute', () => {
    expect(formatRelative(null, NOW)).toBe('never');
    expect(formatRelative(NOW - 30_000, NOW)).toBe('just now');
  });
  it('picks the largest whole unit', () => {
    expect(formatRelative(NOW - 5 * 60_000, NOW)).toBe('5 minutes ago');
    expect(formatRelative(NOW - 3 * 24 * 3600_000, NOW)).toBe('3 days ago');
    expect(formatRelative(NOW - 24 * 3600_000, NOW)).toBe('yesterday');
    expect(formatRelative(NOW + 14 * 24 * 3600_000, NOW)).toBe('in 2 weeks');
  });
});

describe('formatMoney', () => {
  it('formats whole and compact amounts', () => {
    expect(formatMoney(1_250_000)).toBe('$1,250,000');
    expect(formatMoney(1_250_000, 'USD', true)).toBe('$1.3M');
    expect(formatMoney(900, 'EUR')).toBe('€900');
  });
  it('survives a currency code Intl does not know', () => {
    expect(formatMoney(10, 'X1')).toBe('10 X1');
  });
});

describe('text helpers', () => {
  it('humanizes vocabulary and shortens notes on a word boundary', () => {
    expect(humanize('mid_market')).toBe('Mid market');
    expect(excerpt('a  b\n c')).toBe('a b c');
    expect(excerpt('x'.repeat(200), 10)).toHaveLength(10);
  });
});

describe('formatWhen', () => {
  it('is relative within a week and a date beyond', () => {
    expect(formatWhen(NOW - 2 * 3600_000, NOW)).toBe('2 hours ago');
    // Dates follow the user's locale (lib/locale.ts); under Node, without a browser, that is en-US.
    expect(formatWhen(Date.UTC(2025, 4, 1, 12), NOW)).toBe('May 1, 2025');
  });
});

describe('plural', () => {
  it('agrees the noun with the count', async () => {
    const { plural } = await import('./format');
    expect(plural(1, 'open deal', 'open deals')).toBe('1 open deal');
    expect(plural(0, 'open deal', 'open deals')).toBe('0 open deals');
    expect(plural(12500, 'person', 'people')).toBe('12,500 people');
  });
});
