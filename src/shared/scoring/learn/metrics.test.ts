import { binaryMetrics, brierScore, expectedCalibrationError, logLoss, reliabilityBins, rocAuc } from './metrics';

describe('metrics', () => {
  it('ROC AUC counts tied positive/negative pairs as one half', () => {
    // Pairs (pos, neg): pos 0.8 beats negs 0.1, 0.4 and ties 0.8; pos 0.4 beats 0.1, ties 0.4, loses to 0.8.
    const labels = [1, 1, 0, 0, 0];
    const scores = [0.8, 0.4, 0.1, 0.4, 0.8];
    expect(rocAuc(labels, scores)).toBeCloseTo((2.5 + 1.5) / 6, 12);
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
    expect(rocAuc([1, 1, 0, 0], [0.1, 0.2, 0.3, 0.4])).toBe(0);
    expect(rocAuc([1, 0], [0.5, 0.5])).toBe(0.5);
    expect(Number.isNaN(rocAuc([1, 1], [0.1, 0.2]))).toBe(true);
  });

  it('Brier and log loss match hand computation', () => {
    const labels = [1, 0, 1];
    const probs = [0.9, 0.2, 0.6];
    expect(brierScore(labels, probs)).toBeCloseTo((0.01 + 0.04 + 0.16) / 3, 12);
    expect(logLoss(labels, probs)).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.6)) / 3, 12);
    expect(Number.isFinite(logLoss([1], [0]))).toBe(true);
  });

  it('ECE uses 10 equal-width bins weighted by bin size', () => {
    // Bin [0.1,0.2): p 0.15, 0.15, labels 0, 1 → |0.15 − 0.5| · 2/4; bin [0.9,1]: p 0.95, 1.0, labels 1, 1 → |0.975 − 1| · 2/4.
    const labels = [0, 1, 1, 1];
    const probs = [0.15, 0.15, 0.95, 1.0];
    expect(expectedCalibrationError(labels, probs)).toBeCloseTo(0.35 * 0.5 + 0.025 * 0.5, 12);
    const bins = reliabilityBins(labels, probs);
    expect(bins).toHaveLength(10);
    expect(bins[1]).toMatchObject({ count: 2, meanPredicted: 0.15, observedRate: 0.5 });
    expect(bins[9]!.count).toBe(2);
    expect(bins[5]!.count).toBe(0);
  });

  it('binaryMetrics bundles all four', () => {
    const m = binaryMetrics([0, 1], [0.25, 0.75]);
    expect(m).toEqual({ auc: 1, brier: 0.0625, logloss: -Math.log(0.75), ece: 0.25 });
  });
});
