// Pure (no Node, no DOM). Probability calibration fitted on held-out scores: isotonic
// regression (pool-adjacent-violators) and Platt scaling, both plain JSON.
import { ascendingOrder } from './float-order';

export type Calibrator =
  | { readonly kind: 'identity' }
  /** Step function: x[i] sorted ascending block upper-ends of the logit, y[i] the block's rate. */
  | { readonly kind: 'isotonic'; readonly x: readonly number[]; readonly y: readonly number[] }
  /** p = 1 / (1 + exp(-(a · logit + b))). */
  | { readonly kind: 'platt'; readonly a: number; readonly b: number };

/**
 * Isotonic regression by pool-adjacent-violators on (score, label) pairs. Returns a
 * non-decreasing step function; predictions interpolate linearly between block centres so
 * that near-equal scores do not jump. Block rates are clipped to [eps, 1 − eps] so log loss
 * stays finite on rows beyond the calibration data.
 */
export function fitIsotonic(scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): Calibrator {
  const n = scores.length;
  const order = ascendingOrder(scores) ?? Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  // Blocks as parallel stacks: weighted label sum, weight, score-weighted sum (for the centre).
  const sumY: number[] = [];
  const sumW: number[] = [];
  const sumX: number[] = [];
  for (const i of order) {
    const w = weights ? weights[i]! : 1;
    sumY.push(w * labels[i]!);
    sumW.push(w);
    sumX.push(w * scores[i]!);
    while (sumY.length > 1) {
      const k = sumY.length - 1;
      if (sumY[k - 1]! / sumW[k - 1]! < sumY[k]! / sumW[k]!) break;
      sumY[k - 1]! += sumY.pop()!;
      sumW[k - 1]! += sumW.pop()!;
      sumX[k - 1]! += sumX.pop()!;
    }
  }
  const eps = 1e-4;
  return {
    kind: 'isotonic',
    x: sumX.map((s, k) => s / sumW[k]!),
    y: sumY.map((s, k) => Math.min(1 - eps, Math.max(eps, s / sumW[k]!))),
  };
}

/**
 * Platt scaling: logistic regression of the label on the logit, fitted by Newton's method,
 * with Platt's smoothed targets to avoid overconfident fits on small calibration sets.
 */
export function fitPlatt(logits: ArrayLike<number>, labels: ArrayLike<number>): Calibrator {
  const n = logits.length;
  let pos = 0;
  for (let i = 0; i < n; i++) pos += labels[i]!;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (n - pos + 2);
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0,
      gb = 0,
      haa = 0,
      hab = 0,
      hbb = 0;
    for (let i = 0; i < n; i++) {
      const x = logits[i]!;
      const t = labels[i] === 1 ? hi : lo;
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      const d = p - t;
      const h = Math.max(p * (1 - p), 1e-12);
      ga += d * x;
      gb += d;
      haa += h * x * x;
      hab += h * x;
      hbb += h;
    }
    haa += 1e-9;
    hbb += 1e-9;
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { kind: 'platt', a, b };
}

/** Calibrated probability for a raw logit. */
export function applyCalibrator(cal: Calibrator, logit: number): number {
  switch (cal.kind) {
    case 'identity':
      return 1 / (1 + Math.exp(-logit));
    case 'platt':
      return 1 / (1 + Math.exp(-(cal.a * logit + cal.b)));
    case 'isotonic':
      return interpolateSteps(cal.x, cal.y, logit);
  }
}

/** applyCalibrator over every logit, into a typed array (a list of boxed numbers was most of its cost). */
export function applyCalibratorAll(cal: Calibrator, logits: Float64Array): Float64Array {
  const out = new Float64Array(logits.length);
  for (let i = 0; i < logits.length; i++) out[i] = applyCalibrator(cal, logits[i]!);
  return out;
}

function interpolateSteps(x: readonly number[], y: readonly number[], v: number): number {
  const n = x.length;
  if (n === 0) return 0.5;
  if (v <= x[0]!) return y[0]!;
  if (v >= x[n - 1]!) return y[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (x[mid]! <= v) lo = mid;
    else hi = mid;
  }
  const t = (v - x[lo]!) / (x[hi]! - x[lo]!);
  return y[lo]! + t * (y[hi]! - y[lo]!);
}
