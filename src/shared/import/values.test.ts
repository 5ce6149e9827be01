import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDateOrder, domainOf, headerKey, nameKey, parseAmount, parseBool, parseDate, parseDurationMinutes } from './values';

describe('parseDate: dates as CRMs write them', () => {
  it.each([
    ['2024-01-22T16:14:25.000+0000', Date.UTC(2024, 0, 22, 16, 14, 25)],
    ['2024-01-22T18:14:25.000+0200', Date.UTC(2024, 0, 22, 16, 14, 25)],
    ['2024-01-22T16:14:25Z', Date.UTC(2024, 0, 22, 16, 14, 25)],
    ['2024-11-10', Date.UTC(2024, 10, 10)],
    ['2024-06-01 09:00', Date.UTC(2024, 5, 1, 9)],
    ['5/20/2024 7:42', Date.UTC(2024, 4, 20, 7, 42)],
    ['5/20/2024 7:42 PM', Date.UTC(2024, 4, 20, 19, 42)],
    ['12/1/2024 12:05 AM', Date.UTC(2024, 11, 1, 0, 5)],
    ['15 Apr, 2021 00:02:00', Date.UTC(2021, 3, 15, 0, 2)],
    ['15-Apr-2021', Date.UTC(2021, 3, 15)],
    ['Apr 15, 2021', Date.UTC(2021, 3, 15)],
    ['20.05.2024 16:00', Date.UTC(2024, 4, 20, 16)],
    ['2024/05/20', Date.UTC(2024, 4, 20)],
  ])('%s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it('slash dates follow the column order; impossible days are refused, never rolled over', () => {
    expect(parseDate('05/06/2024', 'dmy')).toBe(Date.UTC(2024, 5, 5));
    expect(parseDate('05/06/2024', 'mdy')).toBe(Date.UTC(2024, 4, 6));
    for (const bad of ['2024-02-30', '31/31/2024', '4/31/2024', 'not a date', '', '2024-13-01', '25:00 1/1/2024'])
      expect(parseDate(bad)).toBeNull();
  });

  it('the order of a column: day-first only when some first part cannot be a month', () => {
    expect(detectDateOrder(['5/20/2024', '1/2/2024'])).toBe('mdy');
    expect(detectDateOrder(['20/5/2024', '1/2/2024'])).toBe('dmy');
    expect(detectDateOrder(['20/5/2024', '5/20/2024'])).toBe('mdy');
  });

  it('every ISO instant reads back as itself', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4_102_444_799_999 }), (t) => parseDate(new Date(t).toISOString()) === t));
  });
});

describe('parseAmount', () => {
  it.each([
    ['1124741.15', 1124741.15, null],
    ['$22,700.00', 22700, 'USD'],
    ['€1.234,56', 1234.56, 'EUR'],
    ['1.250.000,00', 1250000, null],
    ['EUR 1 000', 1000, 'EUR'],
    ['1,234.5 USD', 1234.5, 'USD'],
    ['22,700', 22700, null],
    ['12,5', 12.5, null],
    ['(500)', -500, null],
    ['£0', 0, 'GBP'],
  ])('%s', (text, value, currency) => {
    expect(parseAmount(text)).toEqual({ value, currency });
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '12abc', '1..2', '$']) expect(parseAmount(bad)).toBeNull();
  });
  it('reads back every amount written with thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), (cents) => {
        const v = cents / 100;
        const text = `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
        return parseAmount(text)?.value === v;
      }),
    );
  });
});

describe('small values', () => {
  it('booleans, durations, domains and keys', () => {
    expect([parseBool('true'), parseBool('No'), parseBool('maybe')]).toEqual([true, false, null]);
    expect([
      parseDurationMinutes('00:45:00'),
      parseDurationMinutes('1:15'),
      parseDurationMinutes('90'),
      parseDurationMinutes('1h 30m'),
      parseDurationMinutes('x'),
    ]).toEqual([45, 75, 90, 90, null]);
    expect(domainOf('https://www.acme.example/about')).toBe('acme.example');
    expect(domainOf('jane@acme.example')).toBe('acme.example');
    expect(domainOf('not a site')).toBeNull();
    expect(nameKey('  Café  Nordique, AB ')).toBe('cafe nordique ab');
    expect(headerKey('\uFEFFAddress 1: City')).toBe('address1city');
  });
});
