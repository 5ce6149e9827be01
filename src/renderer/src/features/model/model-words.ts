// Renderer (pure): the model's numbers in words a sales manager can read.
import type { ModelStatusView } from '@shared/api';

export function sourceSentence(m: Pick<ModelStatusView, 'source' | 'modelWeight' | 'closedDealsLearned'>): string {
  switch (m.source) {
    case 'prior':
      return 'General B2B buying research only — not enough closed deals to learn from yet.';
    case 'blended':
      return `A blend: ${Math.round(m.modelWeight * 100)}% what it learned from your ${m.closedDealsLearned} closed deals, ${Math.round((1 - m.modelWeight) * 100)}% general buying research.`;
    case 'model':
      return `Learned from your team’s ${m.closedDealsLearned} closed deals.`;
  }
}

/** AUC in words: how often a won deal is ranked above a lost one. */
export function aucWords(auc: number | null): string {
  if (auc === null) return 'Not measured yet';
  const quality = auc >= 0.8 ? 'strong' : auc >= 0.7 ? 'good' : auc >= 0.6 ? 'fair' : 'weak';
  return `${auc.toFixed(2)} — ${quality}: ranks a won deal above a lost one ${Math.round(auc * 100)}% of the time`;
}

/**
 * Brier score from the calibration bins: Σ n·(p̄−ō)² + n·ō(1−ō) over N. Exact when every deal in
 * a bin got the bin's mean prediction; otherwise a close lower estimate (within-bin spread is lost).
 */
export function brierFromBins(bins: ModelStatusView['reliability']): number | null {
  let n = 0;
  let sum = 0;
  for (const b of bins) {
    if (b.count <= 0 || b.meanPredicted === null || b.observedRate === null) continue;
    n += b.count;
    sum += b.count * ((b.meanPredicted - b.observedRate) ** 2 + b.observedRate * (1 - b.observedRate));
  }
  return n === 0 ? null : sum / n;
}
