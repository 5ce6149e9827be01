// Pure (no Node, no DOM). Synthetic tables for tests and benchmarks: a known nonlinear signal
// with a categorical effect and missing values, so learners have something real to find.
import { createRng } from './prng';
import type { TrainingTable } from './types';

export function syntheticTable(n: number, seed: number, missingRate = 0.05): TrainingTable {
  const rng = createRng(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const noise = new Float64Array(n);
  const c = new Int32Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = rng() * 4 - 2;
    b[i] = rng() * 4 - 2;
    noise[i] = rng();
    c[i] = Math.floor(rng() * 5);
    const z = Math.sin(2 * a[i]!) + b[i]! * b[i]! - 1.3 + (c[i] === 2 ? 1.5 : 0) - (c[i] === 4 ? 1 : 0);
    labels[i] = rng() < 1 / (1 + Math.exp(-3 * z)) ? 1 : 0;
    if (rng() < missingRate) a[i] = NaN;
  }
  return {
    features: [
      { name: 'a', kind: 'numeric', values: a },
      { name: 'b', kind: 'numeric', values: b },
      { name: 'c', kind: 'categorical', codes: c, levels: ['c0', 'c1', 'c2', 'c3', 'c4'] },
      { name: 'noise', kind: 'numeric', values: noise },
    ],
    labels,
  };
}
