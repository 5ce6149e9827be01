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

/** Held-out deals below which no quality word is given: the interval is too wide to name one. */
export const MIN_HELD_OUT_FOR_WORDS = 30;

type Shown = NonNullable<NonNullable<ModelStatusView['validation']>['shown']>;

/**
 * AUC in words that follow its 95% interval and the number of held-out deals: the quality word
 * comes from the interval's lower end, and none is given from fewer than MIN_HELD_OUT_FOR_WORDS
 * deals ("strong" from 15 held-out deals would be a guess).
 */
export function aucIntervalWords(s: Pick<Shown, 'auc' | 'aucLo' | 'aucHi'>, n: number): string {
  if (s.auc === null) return 'Not measured yet';
  const range = s.aucLo !== null && s.aucHi !== null ? `${s.aucLo.toFixed(2)}–${s.aucHi.toFixed(2)}` : null;
  const deals = n === 1 ? '1 held-out deal' : `${n} held-out deals`;
  if (n < MIN_HELD_OUT_FOR_WORDS || s.aucLo === null) {
    return `${s.auc.toFixed(2)}, from only ${deals}${range ? ` (95% interval ${range})` : ''} — too few to judge it yet`;
  }
  const lo = s.aucLo;
  const quality =
    lo >= 0.8 ? 'strong' : lo >= 0.7 ? 'good' : lo >= 0.6 ? 'fair' : lo > 0.5 ? 'better than chance' : 'not clearly better than chance';
  return `${s.auc.toFixed(2)} (95% interval ${range}, ${deals}) — ${quality}: ranks a won deal above a lost one about ${Math.round(s.auc * 100)}% of the time`;
}

export function brierIntervalWords(s: Pick<Shown, 'brier' | 'brierLo' | 'brierHi'>): string {
  if (s.brier === null) return 'Not measured yet';
  const range = s.brierLo !== null && s.brierHi !== null ? ` (95% interval ${s.brierLo.toFixed(3)}–${s.brierHi.toFixed(3)})` : '';
  return `${s.brier.toFixed(3)}${range}: mean squared error of the predictions; lower is better, 0.25 is a coin toss`;
}
