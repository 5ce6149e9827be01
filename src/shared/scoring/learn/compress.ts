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
  // Open-addressing hash table of groups keyed by the row's bytes (row-major copy, so a key is
  // nFeatures adjacent bytes), instead of a Map of per-row strings: groups are numbered in order
  // of first appearance either way, so the result is the same.
  const rowBytes = new Uint8Array(nRows * nFeatures);
  for (let f = 0; f < nFeatures; f++) {
    const col = f * nRows;
    for (let i = 0; i < nRows; i++) rowBytes[i * nFeatures + f] = bins[col + i]!;
  }
  let capacity = 16;
  while (capacity < nRows * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  const firstRowBuf = new Int32Array(nRows);
  let nGroups = 0;
  for (let i = 0; i < nRows; i++) {
    const at = i * nFeatures;
    let h = 0x811c9dc5;
    for (let f = 0; f < nFeatures; f++) h = Math.imul(h ^ rowBytes[at + f]!, 0x01000193);
    let s = (h ^ (h >>> 15)) & mask;
    let g = -1;
    for (;;) {
      const cand = slots[s]!;
      if (cand < 0) break;
      const other = firstRowBuf[cand]! * nFeatures;
      let same = true;
      for (let f = 0; f < nFeatures; f++) {
        if (rowBytes[other + f] !== rowBytes[at + f]) {
          same = false;
          break;
        }
      }
      if (same) {
        g = cand;
        break;
      }
      s = (s + 1) & mask;
    }
    if (g < 0) {
      g = nGroups++;
      slots[s] = g;
      firstRowBuf[g] = i;
    }
    groupOf[i] = g;
  }
  const firstRow = firstRowBuf.subarray(0, nGroups);
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
