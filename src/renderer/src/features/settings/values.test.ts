import { describe, expect, it } from 'vitest';
import { fieldWords, valueWords } from './values';

describe('valueWords', () => {
  it('reads every JSON shape', () => {
    expect(valueWords(null)).toBe('(empty)');
    expect(valueWords('Head of IT')).toBe('Head of IT');
    expect(valueWords(3)).toBe('3');
    expect(valueWords(['a', 'b'])).toBe('a, b');
    expect(valueWords({ a: 1 })).toBe('{"a":1}');
  });
  it('turns field names into words', () => {
    expect(fieldWords('buyingRoles')).toBe('Buying roles');
    expect(fieldWords('stance')).toBe('Stance');
  });
});
