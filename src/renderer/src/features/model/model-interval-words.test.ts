import { describe, expect, it } from 'vitest';
import { aucIntervalWords, brierIntervalWords } from './model-words';

describe('model words that follow the interval and the sample size', () => {
  it('gives no quality word from 15 held-out deals, however high the AUC', () => {
    const words = aucIntervalWords({ auc: 0.98, aucLo: 0.85, aucHi: 1 }, 15);
    expect(words).toMatch(/only 15 held-out deals/);
    expect(words).toMatch(/too few/);
    expect(words).not.toMatch(/strong|good|fair/);
  });

  it("takes the quality word from the interval's lower end", () => {
    expect(aucIntervalWords({ auc: 0.86, aucLo: 0.81, aucHi: 0.9 }, 400)).toMatch(/— strong:/);
    expect(aucIntervalWords({ auc: 0.86, aucLo: 0.72, aucHi: 0.95 }, 60)).toMatch(/— good:/);
    expect(aucIntervalWords({ auc: 0.62, aucLo: 0.48, aucHi: 0.75 }, 60)).toMatch(/not clearly better than chance/);
  });

  it('states the Brier score with its interval', () => {
    expect(brierIntervalWords({ brier: 0.114, brierLo: 0.1, brierHi: 0.13 })).toMatch(/^0\.114 \(95% interval 0\.100–0\.130\)/);
  });
});
