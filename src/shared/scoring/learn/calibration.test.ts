import fc from 'fast-check';
import { applyCalibrator, applyCalibratorAll, fitIsotonic, fitPlatt, type Calibrator } from './calibration';
import { chooseCalibrator } from './classifier';
import { createRng } from './prng';

describe('isotonic regression (PAV)', () => {
  it('pools adjacent violators into the hand-computed blocks', () => {
    const scores = [1, 2, 3, 4, 5, 6, 7];
    const labels = [1, 0, 0, 1, 1, 0, 1];
    const cal = fitIsotonic(scores, labels);
    if (cal.kind !== 'isotonic') throw new Error('expected isotonic');
    // Blocks: {1,2,3} mean 1/3; {4} 1; {5,6} → 1,0 violates after 1 → {4,5,6} mean 2/3; then {7} 1.
    expect(cal.y.map((v) => Number(v.toFixed(6)))).toEqual([Number((1 / 3).toFixed(6)), Number((2 / 3).toFixed(6)), 1 - 1e-4]);
    expect(cal.x).toEqual([2, 5, 7]);
  });

  it('is monotone non-decreasing for any data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 200 }),
        (pairs) => {
          const cal = fitIsotonic(
            pairs.map((p) => p[0]),
            pairs.map((p) => (p[1] ? 1 : 0)),
          );
          if (cal.kind !== 'isotonic') return false;
          for (let i = 1; i < cal.y.length; i++) if (cal.y[i]! < cal.y[i - 1]! || cal.x[i]! < cal.x[i - 1]!) return false;
          let prev = -Infinity;
          for (let v = -12; v <= 12; v += 0.25) {
            const p = applyCalibrator(cal, v);
            if (p < prev - 1e-12 || p < 0 || p > 1) return false;
            prev = p;
          }
          return true;
        },
      ),
    );
  });
});

describe('Platt scaling', () => {
  it('recovers the slope and intercept of a miscalibrated logit', () => {
    const rng = createRng(9);
    const x = new Float64Array(20000);
    const y = new Uint8Array(20000);
    for (let i = 0; i < x.length; i++) {
      x[i] = rng() * 8 - 4;
      y[i] = rng() < 1 / (1 + Math.exp(-(0.5 * x[i]! - 1))) ? 1 : 0;
    }
    const cal = fitPlatt(x, y);
    if (cal.kind !== 'platt') throw new Error('expected platt');
    expect(cal.a).toBeCloseTo(0.5, 1);
    expect(cal.b).toBeCloseTo(-1, 1);
  });

  it('is chosen over identity when the logit is overconfident', () => {
    const rng = createRng(4);
    const x = new Float64Array(5000);
    const y = new Uint8Array(5000);
    for (let i = 0; i < x.length; i++) {
      x[i] = rng() * 12 - 6;
      y[i] = rng() < 1 / (1 + Math.exp(-x[i]! / 3)) ? 1 : 0;
    }
    const { calibrator, losses } = chooseCalibrator(x, y, 'auto', 1);
    expect(calibrator.kind).not.toBe('identity');
    expect(losses['none']!).toBeGreaterThan(Math.min(losses['platt']!, losses['isotonic']!));
  });
});

describe('calibrating many logits at once', () => {
  it('gives what applyCalibrator gives logit by logit, to the bit, for every kind of calibrator', () => {
    const rng = createRng(9);
    const logits = Float64Array.from({ length: 2000 }, (_, i) =>
      i % 97 === 0 ? [0, -0, Infinity, -Infinity][i % 4]! : (rng() - 0.5) * 12,
    );
    const labels = Array.from(logits, (x) => (rng() < 1 / (1 + Math.exp(-x)) ? 1 : 0));
    const calibrators: Calibrator[] = [{ kind: 'identity' }, fitPlatt(logits, labels), fitIsotonic(logits, labels)];
    for (const cal of calibrators) {
      const all = applyCalibratorAll(cal, logits);
      logits.forEach((x, i) => expect(Object.is(all[i], applyCalibrator(cal, x))).toBe(true));
    }
  });
});
