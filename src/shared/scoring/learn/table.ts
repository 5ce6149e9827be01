// Pure (no Node, no DOM). Helpers over column-major training tables.
import { createRng, shuffleInPlace } from './prng';
import type { FeatureColumn, TrainingTable } from './types';

export function subsetTable(table: TrainingTable, rows: ArrayLike<number>): TrainingTable {
  const idx = Uint32Array.from(rows as ArrayLike<number>);
  const pick = <A extends Float64Array | Int32Array | Uint8Array>(src: A, make: (n: number) => A): A => {
    const out = make(idx.length);
    for (let k = 0; k < idx.length; k++) out[k] = src[idx[k]!]!;
    return out;
  };
  const features: FeatureColumn[] = table.features.map((c) =>
    c.kind === 'numeric'
      ? { name: c.name, kind: 'numeric', values: pick(c.values, (n) => new Float64Array(n)) }
      : { name: c.name, kind: 'categorical', codes: pick(c.codes, (n) => new Int32Array(n)), levels: c.levels },
  );
  const labels = pick(table.labels, (n) => new Uint8Array(n));
  return table.weights ? { features, labels, weights: pick(table.weights, (n) => new Float64Array(n)) } : { features, labels };
}

/** Row i as a model input vector (numeric value or category code per feature). */
export function rowOf(table: Pick<TrainingTable, 'features'>, i: number, out?: Float64Array): Float64Array {
  const row = out ?? new Float64Array(table.features.length);
  table.features.forEach((c, f) => {
    row[f] = c.kind === 'numeric' ? c.values[i]! : c.codes[i]!;
  });
  return row;
}

/**
 * Stratified K-fold assignment: positives and negatives are shuffled separately with the seed
 * and dealt round-robin, so every fold keeps the class balance. Returns the fold of each row.
 */
export function stratifiedFolds(labels: Uint8Array, k: number, seed: number): Int32Array {
  const folds = new Int32Array(labels.length);
  const rng = createRng(seed);
  for (const cls of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === cls) members.push(i);
    shuffleInPlace(members, rng);
    members.forEach((row, j) => {
      folds[row] = j % k;
    });
  }
  return folds;
}

export interface RowSplit {
  train: Uint32Array;
  test: Uint32Array;
}

/** Train/test row indices for fold `fold` of an assignment from stratifiedFolds. */
export function foldRows(folds: Int32Array, fold: number): RowSplit {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < folds.length; i++) (folds[i] === fold ? test : train).push(i);
  return { train: Uint32Array.from(train), test: Uint32Array.from(test) };
}

/**
 * Stratified random hold-out of `fraction` of the rows. Each class's rows are shuffled with the
 * seed and the first `round(fraction · size)` held out; both lists come back in row order (marked
 * in a byte per row and collected in one pass, rather than pushed to arrays and sorted).
 */
export function stratifiedSplit(labels: Uint8Array, fraction: number, seed: number): RowSplit {
  const rng = createRng(seed);
  const n = labels.length;
  const isTest = new Uint8Array(n);
  const members = new Uint32Array(n);
  let nTest = 0;
  for (const cls of [0, 1]) {
    let m = 0;
    for (let i = 0; i < n; i++) if (labels[i] === cls) members[m++] = i;
    const own = members.subarray(0, m);
    shuffleInPlace(own, rng);
    const cut = Math.round(m * fraction);
    for (let j = 0; j < cut; j++) isTest[own[j]!] = 1;
    nTest += cut;
  }
  const train = new Uint32Array(n - nTest);
  const test = new Uint32Array(nTest);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    // Rows of neither class (labels other than 0/1) are in neither list, as before.
    if (labels[i] !== 0 && labels[i] !== 1) continue;
    if (isTest[i] === 1) test[b++] = i;
    else train[a++] = i;
  }
  return { train: train.subarray(0, a), test };
}
