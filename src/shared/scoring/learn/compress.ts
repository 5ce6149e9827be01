// Pure (no Node, no DOM). Merge rows whose binned feature vectors are identical. The learner
// cannot tell such rows apart (they always share a leaf), so boosting on one weighted row per
// group with summed label weight gives the same trees as on all rows, for less work. CRM
// exports repeat a lot: the IBM win/loss file has ~33% exact duplicates before binning.

export interface CompressedRows {
  /** Column-major binned matrix with one row per group. */
  bins: Uint8Array;
  nGroups: number;
  /** Σ weight of member rows. */
  weight: Float64Array;
  /** Σ weight · label of member rows. */
  positive: Float64Array;
  /** Number of member rows (for minimum-samples-per-leaf rules). */
  count: Float64Array;
  /** Group of every original row. */
  groupOf: Int32Array;
}

export function compressRows(
  bins: Uint8Array,
  nRows: number,
  nFeatures: number,
  labels: Uint8Array,
  weights?: Float64Array,
): CompressedRows {
  const groupOf = new Int32Array(nRows);
  const index = new Map<string, number>();
  const firstRow: number[] = [];
  const key = new Array<number>(nFeatures);
  for (let i = 0; i < nRows; i++) {
    for (let f = 0; f < nFeatures; f++) key[f] = bins[f * nRows + i]!;
    const k = String.fromCharCode(...key);
    let g = index.get(k);
    if (g === undefined) {
      g = firstRow.length;
      index.set(k, g);
      firstRow.push(i);
    }
    groupOf[i] = g;
  }
  const nGroups = firstRow.length;
  const out = new Uint8Array(nGroups * nFeatures);
  for (let f = 0; f < nFeatures; f++) {
    for (let g = 0; g < nGroups; g++) out[f * nGroups + g] = bins[f * nRows + firstRow[g]!]!;
  }
  const weight = new Float64Array(nGroups);
  const positive = new Float64Array(nGroups);
  const count = new Float64Array(nGroups);
  for (let i = 0; i < nRows; i++) {
    const g = groupOf[i]!;
    const w = weights ? weights[i]! : 1;
    weight[g]! += w;
    positive[g]! += w * labels[i]!;
    count[g]! += 1;
  }
  return { bins: out, nGroups, weight, positive, count, groupOf };
}
