import { describe, expect, it } from 'vitest';
import { aucWords, brierFromBins, sourceSentence } from './model-words';

describe('model words', () => {
  it('describes the source and the AUC', () => {
    expect(sourceSentence({ source: 'blended', modelWeight: 0.25, closedDealsLearned: 12 })).toContain('25% what it learned from your 12');
    expect(aucWords(null)).toBe('Not measured yet');
    expect(aucWords(0.82)).toMatch(/^0\.82 — strong/);
  });
  it('computes the Brier score of perfectly binned predictions', () => {
    // 10 deals at 0.2 (2 won) and 10 at 0.8 (8 won): each bin contributes 0.16.
    const bins = [
      { lo: 0, hi: 0.5, count: 10, meanPredicted: 0.2, observedRate: 0.2 },
      { lo: 0.5, hi: 1, count: 10, meanPredicted: 0.8, observedRate: 0.8 },
      { lo: 0, hi: 0, count: 0, meanPredicted: null, observedRate: null },
    ];
    expect(brierFromBins(bins)).toBeCloseTo(0.16, 6);
    expect(brierFromBins([])).toBeNull();
  });
});
