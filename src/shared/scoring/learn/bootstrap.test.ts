import { aucInterval, brierInterval } from './bootstrap';
import { brierScore, rocAuc } from './metrics';
import { createRng } from './prng';

function sample(n: number, seed: number): { y: number[]; p: number[] } {
  const rng = createRng(seed);
  const y: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < n; i++) {
    const won = rng() < 0.4 ? 1 : 0;
    y.push(won);
    // An informative but noisy score.
    p.push(Math.min(0.99, Math.max(0.01, 0.3 + 0.25 * won + 0.8 * (rng() - 0.5))));
  }
  return { y, p };
}

describe('bootstrap intervals', () => {
  it('bracket the estimate, and narrow as the sample grows', () => {
    const small = sample(15, 1);
    const big = sample(1500, 1);
    for (const s of [small, big]) {
      const a = aucInterval(s.y, s.p);
      expect(a.estimate).toBe(rocAuc(s.y, s.p));
      expect(a.lo).toBeLessThanOrEqual(a.estimate);
      expect(a.hi).toBeGreaterThanOrEqual(a.estimate);
      const b = brierInterval(s.y, s.p);
      expect(b.estimate).toBe(brierScore(s.y, s.p));
      expect(b.lo).toBeLessThanOrEqual(b.estimate);
      expect(b.hi).toBeGreaterThanOrEqual(b.estimate);
    }
    const wSmall = aucInterval(small.y, small.p);
    const wBig = aucInterval(big.y, big.p);
    expect(wSmall.hi - wSmall.lo).toBeGreaterThan(3 * (wBig.hi - wBig.lo));
  });

  it('is reproducible for a seed', () => {
    const s = sample(40, 2);
    expect(aucInterval(s.y, s.p, 5)).toEqual(aucInterval(s.y, s.p, 5));
  });
});
