import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistanceWithin, fuzzyCandidates, matchExpression, searchTerms } from './text';

describe('search text', () => {
  it('splits, lower-cases and folds accents like the index', () => {
    expect(searchTerms('Zoë Müller-Lüdenscheidt, CFO (São Paulo)')).toEqual(['zoe', 'muller', 'ludenscheidt', 'cfo', 'sao', 'paulo']);
    expect(searchTerms('  ')).toEqual([]);
    expect(searchTerms('山田 太郎')).toEqual(['山田', '太郎']);
  });

  it('measures edit distance with swaps, stopping early', () => {
    expect(editDistanceWithin('yamada', 'yamda', 2)).toBe(1);
    expect(editDistanceWithin('procurement', 'porcurement', 2)).toBe(1);
    expect(editDistanceWithin('kitten', 'sitting', 2)).toBe(3); // above the limit: limit + 1
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(editDistanceWithin(a, b, 20)).toBe(editDistanceWithin(b, a, 20));
        expect(editDistanceWithin(a, a, 0)).toBe(0);
      }),
    );
  });

  it('suggests what a typo meant, closest first, never for short words', () => {
    const vocab = ['yamada', 'yamamoto', 'procurement', 'procure', 'rollout', 'roll'];
    expect(fuzzyCandidates('yamda', vocab)).toContain('yamada');
    expect(fuzzyCandidates('rolout', vocab)).toEqual(['rollout']);
    expect(fuzzyCandidates('porcurem', vocab)).toContain('procurement');
    expect(fuzzyCandidates('rol', vocab)).toEqual([]);
  });

  it('builds a MATCH expression no typed text can break', () => {
    expect(matchExpression(['evan', 'rol'], () => [])).toBe('("evan"*) AND ("rol"*)');
    expect(matchExpression(['a"b'], () => ['ab'])).toBe('("a""b"* OR "ab")');
    expect(matchExpression([], () => [])).toBeNull();
  });
});
