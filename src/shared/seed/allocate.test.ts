import fc from 'fast-check';
import { allocate } from './allocate';
import { Rng } from './prng';

describe('allocate', () => {
  it('sums exactly to the total and respects the minimum when it can', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: 10 }),
        (total, weights, min) => {
          const out = allocate(total, weights, min);
          expect(out.length).toBe(weights.length);
          expect(out.every((n) => Number.isInteger(n) && n >= min)).toBe(true);
          expect(out.reduce((a, b) => a + b, 0)).toBe(Math.max(total, min * weights.length));
        },
      ),
    );
  });
});

describe('Rng', () => {
  it('repeats for a seed and stays in range', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Rng(43).next()).not.toBe(xs[0]);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });
});
