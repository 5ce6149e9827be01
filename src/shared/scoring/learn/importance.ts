// Pure (no Node, no DOM). Global feature importance for the model report.
import { rowOf } from './table';
import { explain } from './treeshap';
import type { GbmModel, TrainingTable } from './types';

export interface FeatureImportance {
  readonly name: string;
  /** Total split gain (loss reduction) of the feature across all trees. */
  readonly gain: number;
  /** Mean |TreeSHAP contribution| on the logit scale over the rows given (NaN when no rows). */
  readonly meanAbsShap: number;
}

/**
 * Both measures, sorted by mean |SHAP| (or gain without rows). Mean |SHAP| is the one to show
 * users: gain favours features with many split points, SHAP is in logit units per prediction.
 * At most `maxRows` rows (spread evenly over the table) are explained to bound the cost.
 */
export function featureImportance(model: GbmModel, rows?: Pick<TrainingTable, 'features'>, maxRows = 500): FeatureImportance[] {
  const nf = model.features.length;
  const sumAbs = new Float64Array(nf);
  let used = 0;
  const n = rows?.features[0] ? (rows.features[0].kind === 'numeric' ? rows.features[0].values.length : rows.features[0].codes.length) : 0;
  if (rows && n > 0) {
    const step = Math.max(1, n / maxRows);
    const row = new Float64Array(nf);
    for (let x = 0; x < n && used < maxRows; x += step) {
      const { contributions } = explain(model, rowOf(rows, Math.floor(x), row));
      for (let f = 0; f < nf; f++) sumAbs[f]! += Math.abs(contributions[f]!);
      used++;
    }
  }
  const list = model.features.map((f, i) => ({
    name: f.name,
    gain: model.featureGain[i] ?? 0,
    meanAbsShap: used > 0 ? sumAbs[i]! / used : NaN,
  }));
  return list.sort((a, b) => (used > 0 ? b.meanAbsShap - a.meanAbsShap : b.gain - a.gain));
}
