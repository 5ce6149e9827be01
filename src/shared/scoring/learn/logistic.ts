// Pure (no Node, no DOM). L2-regularised logistic regression, fitted by Newton's method: the
// baseline reference learner for docs/model-eval.md (no scikit-learn on this machine).
import type { FeatureRow, TrainingTable } from './types';

export interface LogisticModel {
  readonly kind: 'logistic';
  /** Per input feature: how it expands into design columns. */
  readonly columns: readonly ({ kind: 'numeric'; mean: number; sd: number } | { kind: 'categorical'; nLevels: number })[];
  readonly coef: readonly number[];
}

/** Numeric: standardised value (missing → 0) plus a missing indicator. Categorical: one-hot (unknown → all zero). */
function design(model: Pick<LogisticModel, 'columns'>, row: FeatureRow, out: Float64Array): void {
  out.fill(0);
  out[0] = 1;
  let k = 1;
  model.columns.forEach((c, f) => {
    const x = row[f]!;
    if (c.kind === 'numeric') {
      if (Number.isNaN(x)) out[k + 1] = 1;
      else out[k] = (x - c.mean) / c.sd;
      k += 2;
    } else {
      if (Number.isInteger(x) && x >= 0 && x < c.nLevels) out[k + x] = 1;
      k += c.nLevels;
    }
  });
}

export function trainLogistic(table: TrainingTable, l2 = 1e-3, iterations = 25): LogisticModel {
  const n = table.labels.length;
  const columns = table.features.map((c) => {
    if (c.kind === 'categorical') return { kind: 'categorical' as const, nLevels: c.levels.length };
    let s = 0,
      ss = 0,
      m = 0;
    for (const v of c.values)
      if (!Number.isNaN(v)) {
        s += v;
        ss += v * v;
        m++;
      }
    const mean = m > 0 ? s / m : 0;
    const sd = m > 1 ? Math.sqrt(Math.max(ss / m - mean * mean, 0)) || 1 : 1;
    return { kind: 'numeric' as const, mean, sd };
  });
  const d = 1 + columns.reduce((a, c) => a + (c.kind === 'numeric' ? 2 : c.nLevels), 0);
  const X = new Float64Array(n * d);
  const row = new Float64Array(table.features.length);
  const buf = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    table.features.forEach((c, f) => {
      row[f] = c.kind === 'numeric' ? c.values[i]! : c.codes[i]!;
    });
    design({ columns }, row, buf);
    X.set(buf, i * d);
  }
  const w = new Float64Array(d);
  for (let it = 0; it < iterations; it++) {
    const g = new Float64Array(d);
    const H = new Float64Array(d * d);
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += X[i * d + j]! * w[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const r = p - table.labels[i]!;
      const h = Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a < d; a++) {
        const xa = X[i * d + a]!;
        if (xa === 0) continue;
        g[a]! += r * xa;
        for (let b = a; b < d; b++) H[a * d + b]! += h * xa * X[i * d + b]!;
      }
    }
    for (let a = 0; a < d; a++) {
      g[a]! += l2 * n * w[a]! * (a === 0 ? 0 : 1);
      H[a * d + a]! += l2 * n * (a === 0 ? 1e-9 : 1);
      for (let b = 0; b < a; b++) H[a * d + b] = H[b * d + a]!;
    }
    const step = solve(H, g, d);
    let size = 0;
    for (let j = 0; j < d; j++) {
      w[j]! -= step[j]!;
      size += Math.abs(step[j]!);
    }
    if (size < 1e-8) break;
  }
  return { kind: 'logistic', columns, coef: Array.from(w) };
}

export function predictLogistic(model: LogisticModel, row: FeatureRow): number {
  const buf = new Float64Array(model.coef.length);
  design(model, row, buf);
  let z = 0;
  for (let j = 0; j < buf.length; j++) z += buf[j]! * model.coef[j]!;
  return 1 / (1 + Math.exp(-z));
}

/** Gaussian elimination with partial pivoting on a copy; the system is small (tens of columns). */
function solve(A0: Float64Array, b0: Float64Array, d: number): Float64Array {
  const A = A0.slice();
  const b = b0.slice();
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(A[r * d + c]!) > Math.abs(A[piv * d + c]!)) piv = r;
    if (piv !== c) {
      for (let k = 0; k < d; k++) [A[c * d + k], A[piv * d + k]] = [A[piv * d + k]!, A[c * d + k]!];
      [b[c], b[piv]] = [b[piv]!, b[c]!];
    }
    const p = A[c * d + c]! || 1e-12;
    for (let r = c + 1; r < d; r++) {
      const f = A[r * d + c]! / p;
      if (f === 0) continue;
      for (let k = c; k < d; k++) A[r * d + k]! -= f * A[c * d + k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const x = new Float64Array(d);
  for (let r = d - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < d; k++) s -= A[r * d + k]! * x[k]!;
    x[r] = s / (A[r * d + r]! || 1e-12);
  }
  return x;
}
