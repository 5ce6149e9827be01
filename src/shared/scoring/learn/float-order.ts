// Pure (no Node, no DOM). Ascending orders of float arrays by a stable radix sort of the values'
// bits: the learner's setup sorts a numeric column to bin it and the calibrator sorts the
// hold-out's logits, and a comparison sort (a comparator call per comparison, or the typed
// array's own sort) is a few times slower on tens of thousands of values.

/** Which 32-bit half of a float64 holds its sign and exponent on this platform. */
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;

/**
 * Each value as an unsigned 64-bit key (two halves) that orders as the numbers do: the sign bit
 * flipped for a positive value, every bit for a negative one. -0 sorts before 0, as the typed
 * array's own sort puts it, unless `zeroAsOne`. False when a value is NaN (no place in the order).
 */
function orderedKeys(values: ArrayLike<number>, hi: Uint32Array, lo: Uint32Array, zeroAsOne: boolean): boolean {
  const one = new Float64Array(1);
  const half = new Uint32Array(one.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) return false;
    one[0] = zeroAsOne && v === 0 ? 0 : v;
    const h = half[HIGH]!;
    const l = half[LOW]!;
    if (h >= 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = h + 0x80000000;
      lo[i] = l;
    }
  }
  return true;
}

/** Sorts `order` (indices into the keys) by the keys, byte by byte from the lowest; stable. */
function radixOrder(hi: Uint32Array, lo: Uint32Array, order: Uint32Array): Uint32Array {
  const n = order.length;
  let from: Uint32Array = order;
  let to: Uint32Array = new Uint32Array(n);
  const counts = new Int32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const keys = pass < 4 ? lo : hi;
    const shift = (pass & 3) * 8;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i]! >>> shift) & 255]!++;
    // A byte every key shares moves nothing.
    if (counts[(keys[0]! >>> shift) & 255] === n) continue;
    let at = 0;
    for (let b = 0; b < 256; b++) {
      const c = counts[b]!;
      counts[b] = at;
      at += c;
    }
    for (let k = 0; k < n; k++) {
      const i = from[k]!;
      to[counts[(keys[i]! >>> shift) & 255]!++] = i;
    }
    [from, to] = [to, from];
  }
  return from;
}

/**
 * Indices of `values` in ascending order of value, ties in index order: the order
 * `indices.sort((a, b) => values[a] - values[b])` gives (a stable sort; -0 and 0 are ties).
 * Null when a value is NaN, whose place that comparator leaves undefined.
 */
export function ascendingOrder(values: ArrayLike<number>): Uint32Array | null {
  const n = values.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  if (!orderedKeys(values, hi, lo, true)) return null;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return radixOrder(hi, lo, order);
}

/** `values` sorted ascending in place, as Float64Array.prototype.sort does (no NaN in them). */
export function sortFloats(values: Float64Array): Float64Array {
  const n = values.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  if (!orderedKeys(values, hi, lo, false)) return values.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const sorted = radixOrder(hi, lo, order);
  const copy = values.slice();
  for (let k = 0; k < n; k++) values[k] = copy[sorted[k]!]!;
  return values;
}
