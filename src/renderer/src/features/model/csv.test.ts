import { describe, expect, it } from 'vitest';
import { guessPositive, guessTarget, parseCsv, previewCsv } from './csv';

describe('csv preview', () => {
  it('reads quoted fields, doubled quotes and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n\n1,2')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['1', '2'],
    ]);
  });
  it('lists a column’s distinct values, most frequent first', () => {
    const p = previewCsv('amount,outcome\n10,Won\n20,Lost\n30,Won\n');
    expect(p.columns).toEqual(['amount', 'outcome']);
    expect(p.rowCount).toBe(3);
    expect(p.values('outcome')).toEqual(['Won', 'Lost']);
  });
  it('guesses the outcome column and its winning value', () => {
    expect(guessTarget(['amount', 'Outcome'])).toBe('Outcome');
    expect(guessPositive(['Lost', 'Won'])).toBe('Won');
  });
});
