import fc from 'fast-check';
import { encodeIndexKey } from './index-key';

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

describe('encodeIndexKey', () => {
  it('orders bytes exactly like JavaScript orders strings (incl. surrogates and U+FFFF)', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', ' ', '\u0000', '\u00e9', '\uffff', '\ue000', '\ud83d', '\ude00', '\ud83d\ude00'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    const str = fc.array(unit, { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(str, str, (a, b) => {
        const expected = a < b ? -1 : a > b ? 1 : 0;
        expect(sign(Buffer.compare(encodeIndexKey(a), encodeIndexKey(b)))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('puts a supplementary character below the U+FFFF upper bound, as JavaScript does', () => {
    expect(Buffer.compare(encodeIndexKey('\u{1F600}'), encodeIndexKey('\uffff'))).toBe(-1);
  });
});
