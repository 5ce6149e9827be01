// Pure (shared): split an exact total across items by weight, so a size profile's totals hold
// even for tiny workspaces where sampling noise alone would miss them by 20%.

/**
 * Integer counts proportional to `weights`, each at least `min`, summing exactly to `total`
 * (largest-remainder rounding). If `min * n` exceeds `total`, every item gets `min`.
 */
export function allocate(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const spare = Math.max(0, total - min * n);
  let sum = 0;
  for (const w of weights) sum += w;
  const raw = weights.map((w) => (sum > 0 ? (w / sum) * spare : spare / n));
  const out = raw.map((r) => min + Math.floor(r));
  let left = min * n + spare - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (let k = 0; left > 0 && k < order.length; k++, left--) {
    const i = (order[k] as readonly [number, number])[1];
    out[i] = (out[i] as number) + 1;
  }
  return out;
}
