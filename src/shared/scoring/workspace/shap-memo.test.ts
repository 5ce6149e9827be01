import { generateWorkspace } from '../../seed';
import { ScoringEngine } from './engine';
import { trainingSet } from './history';
import { trainWorkspaceModel } from './model';
import { ShapMemo } from './shap-memo';

describe('ShapMemo', () => {
  it('gives the learner’s TreeSHAP values and raw logit for every row (memo hits included)', () => {
    const ws = generateWorkspace({ size: 'S', seed: 4 });
    const e = new ScoringEngine(() => Date.UTC(2026, 10, 1));
    for (const c of ['accounts', 'stakeholders', 'opportunities', 'interactions', 'journeysteps'] as const) e.apply(c, ws[c] as never);
    e.rescoreAll();
    const set = trainingSet(e.state, [], e.space);
    const model = trainWorkspaceModel(set.rows, set.labels, e.space, 0);
    const memo = new ShapMemo(model.classifier.toJSON().gbm);
    // Twice over: the second pass is served from the memo.
    for (const row of [...set.rows, ...set.rows]) {
      const want = model.classifier.explain(row);
      const got = memo.explain(row);
      expect(got.base).toBe(want.base);
      expect(got.raw).toBe(model.classifier.predictRaw(row));
      for (let f = 0; f < want.contributions.length; f++) expect(Math.abs(got.contributions[f]! - want.contributions[f]!)).toBeLessThan(1e-12);
    }
  });
});
