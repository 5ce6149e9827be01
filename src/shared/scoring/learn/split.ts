// Pure (no Node, no DOM). Best split of one leaf from its gradient histogram.
import type { FeatureBins } from './binning';

export interface SplitParams {
  lambda: number;
  minChildWeight: number;
  minSamplesLeaf: number;
  minSplitGain: number;
  /** Added to the hessian when ordering categories, so rare categories do not sort to the ends on noise. */
  catSmooth: number;
}

export interface SplitCandidate {
  feature: number;
  gain: number;
  /** Numeric: bins 1..binThreshold go left. */
  binThreshold: number;
  /** Numeric: where bin 0 (missing) goes. Categorical: mirrors catMask[0]. */
  missingLeft: boolean;
  /** Categorical: per bin, 1 if it goes left. */
  catMask: Uint8Array | null;
  gl: number;
  hl: number;
  /** Rows going left. */
  nl: number;
}

export function findBestSplit(
  hist: Float64Array,
  offsets: Int32Array,
  featureBins: readonly FeatureBins[],
  features: readonly number[],
  g: number,
  h: number,
  count: number,
  p: SplitParams,
): SplitCandidate | null {
  const parentScore = (g * g) / (h + p.lambda);
  let best: SplitCandidate | null = null;
  for (const f of features) {
    const fb = featureBins[f]!;
    const base = offsets[f]! * 3;
    const cand =
      fb.kind === 'numeric'
        ? numericSplit(hist, base, fb.nBins, g, h, count, parentScore, p)
        : categoricalSplit(hist, base, fb.nBins, g, h, count, parentScore, p);
    if (cand && cand.gain > p.minSplitGain && (!best || cand.gain > best.gain)) {
      cand.feature = f;
      best = cand;
    }
  }
  return best;
}

function splitGain(gl: number, hl: number, g: number, h: number, parentScore: number, lambda: number): number {
  const gr = g - gl;
  const hr = h - hl;
  // Halved like XGBoost so minSplitGain means the same as its gamma.
  return 0.5 * ((gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore);
}

function admissible(hl: number, cl: number, h: number, count: number, p: SplitParams): boolean {
  return hl >= p.minChildWeight && h - hl >= p.minChildWeight && cl >= p.minSamplesLeaf && count - cl >= p.minSamplesLeaf;
}

function numericSplit(
  hist: Float64Array,
  base: number,
  nBins: number,
  g: number,
  h: number,
  count: number,
  parentScore: number,
  p: SplitParams,
): SplitCandidate | null {
  const mg = hist[base]!;
  const mh = hist[base + 1]!;
  const mc = hist[base + 2]!;
  // The best so far in scalars, one object at the end: an object per improvement was garbage.
  let bestGain = -Infinity;
  let bestBin = -1;
  let bestMissingLeft = false;
  let bestGl = 0;
  let bestHl = 0;
  let bestNl = 0;
  let ag = 0;
  let ah = 0;
  let ac = 0;
  for (let b = 1; b < nBins; b++) {
    const at = base + b * 3;
    ag += hist[at]!;
    ah += hist[at + 1]!;
    ac += hist[at + 2]!;
    if (ac === 0) continue;
    // Missing values to the right.
    if (admissible(ah, ac, h, count, p)) {
      const gain = splitGain(ag, ah, g, h, parentScore, p.lambda);
      if (bestBin < 0 || gain > bestGain) {
        bestGain = gain;
        bestBin = b;
        bestMissingLeft = false;
        bestGl = ag;
        bestHl = ah;
        bestNl = ac;
      }
    }
    // Missing values to the left (only a different split when there are missing values).
    if (mc > 0 && admissible(ah + mh, ac + mc, h, count, p)) {
      const gain = splitGain(ag + mg, ah + mh, g, h, parentScore, p.lambda);
      if (bestBin < 0 || gain > bestGain) {
        bestGain = gain;
        bestBin = b;
        bestMissingLeft = true;
        bestGl = ag + mg;
        bestHl = ah + mh;
        bestNl = ac + mc;
      }
    }
  }
  if (bestBin < 0) return null;
  return {
    feature: -1,
    gain: bestGain,
    binThreshold: bestBin,
    missingLeft: bestMissingLeft,
    catMask: null,
    gl: bestGl,
    hl: bestHl,
    nl: bestNl,
  };
}

/**
 * LightGBM-style: order the categories present by g / (h + catSmooth) and scan prefixes of
 * that order. For squared-error-like losses the best binary partition is a prefix of it
 * (Fisher 1958), so this finds a many-vs-many split without one-hot columns.
 */
function categoricalSplit(
  hist: Float64Array,
  base: number,
  nBins: number,
  g: number,
  h: number,
  count: number,
  parentScore: number,
  p: SplitParams,
): SplitCandidate | null {
  const present: number[] = [];
  for (let b = 0; b < nBins; b++) if (hist[base + b * 3 + 2]! > 0) present.push(b);
  if (present.length < 2) return null;
  // By g / (h + catSmooth), written out in the comparator: a named closure per call costs a
  // name definition per call where the code runs with kept names (tsx, the web preview).
  const smooth = p.catSmooth;
  present.sort(
    (a, b) => hist[base + a * 3]! / (hist[base + a * 3 + 1]! + smooth) - hist[base + b * 3]! / (hist[base + b * 3 + 1]! + smooth),
  );
  let bestK = -1;
  let bestGain = -Infinity;
  let bestGl = 0;
  let bestHl = 0;
  let bestNl = 0;
  let ag = 0;
  let ah = 0;
  let ac = 0;
  for (let k = 0; k + 1 < present.length; k++) {
    const at = base + present[k]! * 3;
    ag += hist[at]!;
    ah += hist[at + 1]!;
    ac += hist[at + 2]!;
    if (!admissible(ah, ac, h, count, p)) continue;
    const gain = splitGain(ag, ah, g, h, parentScore, p.lambda);
    if (gain > bestGain) {
      bestGain = gain;
      bestK = k;
      bestGl = ag;
      bestHl = ah;
      bestNl = ac;
    }
  }
  if (bestK < 0) return null;
  const catMask = new Uint8Array(nBins);
  for (let k = 0; k <= bestK; k++) catMask[present[k]!] = 1;
  return { feature: -1, gain: bestGain, binThreshold: 0, missingLeft: catMask[0] === 1, catMask, gl: bestGl, hl: bestHl, nl: bestNl };
}
