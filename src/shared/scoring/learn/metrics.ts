// Pure (no Node, no DOM). Evaluation metrics for probabilistic binary classifiers.

/** ROC AUC by the Mann–Whitney rank statistic; tied scores share their mean rank (count as 1/2). */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSumPos = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k]!] === 1) {
        pos++;
        rankSumPos += midRank;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function brierScore(labels: ArrayLike<number>, probs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < labels.length; i++) s += (probs[i]! - labels[i]!) ** 2;
  return s / labels.length;
}

/** Mean negative log-likelihood; probabilities are clipped to [1e-15, 1 - 1e-15] like scikit-learn. */
export function logLoss(labels: ArrayLike<number>, probs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(Math.max(probs[i]!, 1e-15), 1 - 1e-15);
    s -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return s / labels.length;
}

export interface ReliabilityBin {
  lo: number;
  hi: number;
  count: number;
  /** Mean predicted probability in the bin (NaN when empty). */
  meanPredicted: number;
  /** Observed positive rate in the bin (NaN when empty). */
  observedRate: number;
}

/**
 * Equal-width bins over [0, 1]; bin b holds p in [b/B, (b+1)/B), the last bin also holds p = 1.
 * Empty bins are kept (count 0) so plots have a stable x axis.
 */
export function reliabilityBins(labels: ArrayLike<number>, probs: ArrayLike<number>, nBins = 10): ReliabilityBin[] {
  const count = new Float64Array(nBins);
  const sumP = new Float64Array(nBins);
  const sumY = new Float64Array(nBins);
  for (let i = 0; i < labels.length; i++) {
    const p = probs[i]!;
    const b = Math.min(nBins - 1, Math.max(0, Math.floor(p * nBins)));
    count[b]! += 1;
    sumP[b]! += p;
    sumY[b]! += labels[i]!;
  }
  return Array.from({ length: nBins }, (_, b) => ({
    lo: b / nBins,
    hi: (b + 1) / nBins,
    count: count[b]!,
    meanPredicted: count[b]! > 0 ? sumP[b]! / count[b]! : NaN,
    observedRate: count[b]! > 0 ? sumY[b]! / count[b]! : NaN,
  }));
}

/** Expected calibration error: Σ_b (n_b / N) · |mean p_b − positive rate_b| over 10 equal-width bins. */
export function expectedCalibrationError(labels: ArrayLike<number>, probs: ArrayLike<number>, nBins = 10): number {
  let e = 0;
  for (const bin of reliabilityBins(labels, probs, nBins)) {
    if (bin.count > 0) e += (bin.count / labels.length) * Math.abs(bin.meanPredicted - bin.observedRate);
  }
  return e;
}

export interface BinaryMetrics {
  auc: number;
  brier: number;
  logloss: number;
  ece: number;
}

export function binaryMetrics(labels: ArrayLike<number>, probs: ArrayLike<number>): BinaryMetrics {
  return {
    auc: rocAuc(labels, probs),
    brier: brierScore(labels, probs),
    logloss: logLoss(labels, probs),
    ece: expectedCalibrationError(labels, probs),
  };
}
