// The radix orders give exactly what the comparison sorts they replace give: the calibrator's
// stable index sort and the typed array's own sort, ties, signed zeros and infinities included.
import { binMatrix, binOf, fitBins } from './binning';
import { ascendingOrder, sortFloats } from './float-order';
import { createRng } from './prng';

/** Values with ties, both zeros, infinities, tiny and huge magnitudes, negatives. */
function awkward(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const pool = [0, -0, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1, 0.1 + 0.2, 0.3];
  return Float64Array.from({ length: n }, () => {
    const r = rng();
    if (r < 0.3) return pool[Math.floor(rng() * pool.length)]!;
    if (r < 0.6) return Math.round((rng() - 0.5) * 40) / 4;
    return (rng() - 0.5) * 10 ** Math.floor(rng() * 20 - 10);
  });
}

const sameBits = (a: Float64Array, b: Float64Array): boolean => a.every((v, i) => Object.is(v, b[i]));

describe('float orders', () => {
  it('orders indices as the stable comparator sort does, ties in index order and -0 tied with 0', () => {
    for (const seed of [1, 2, 3]) {
      const values = awkward(5000, seed);
      const expected = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
      expect(Array.from(ascendingOrder(values)!)).toEqual(expected);
    }
    expect(Array.from(ascendingOrder([0, -0, 0, -0])!)).toEqual([0, 1, 2, 3]);
    expect(Array.from(ascendingOrder([])!)).toEqual([]);
  });

  it('gives no order when a value is NaN (the comparator has none)', () => {
    expect(ascendingOrder([1, NaN, 0])).toBeNull();
  });

  it('sorts floats as Float64Array.prototype.sort does, -0 before 0', () => {
    for (const seed of [4, 5]) {
      const values = awkward(7000, seed);
      expect(sameBits(sortFloats(values.slice()), values.slice().sort())).toBe(true);
    }
    expect(Object.is(sortFloats(Float64Array.of(0, -0))[0], -0)).toBe(true);
  });

  it('bins a column as binOf does value by value, through the bins fitted on its sorted values', () => {
    const values = awkward(6000, 6);
    values[7] = NaN;
    const codes = Int32Array.from(values, (v, i) => (i % 11 === 0 ? -1 : Math.abs(Math.trunc(v)) % 40));
    const features = [
      { name: 'x', kind: 'numeric' as const, values },
      { name: 'c', kind: 'categorical' as const, codes, levels: Array.from({ length: 40 }, (_, i) => `l${i}`) },
    ];
    const bins = features.map((c) => fitBins(c, 64));
    const rows = Uint32Array.from({ length: 3000 }, (_, k) => (k * 7) % values.length);
    const matrix = binMatrix(features, bins, rows);
    rows.forEach((r, k) => {
      expect(matrix[k]).toBe(binOf(bins[0]!, values[r]!));
      expect(matrix[rows.length + k]).toBe(binOf(bins[1]!, codes[r]!));
    });
  });
});
