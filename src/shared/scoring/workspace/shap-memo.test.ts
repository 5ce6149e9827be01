import { generateWorkspace } from '@shared/seed';
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
      for (let f = 0; f < want.contributions.length; f++)
        expect(Math.abs(got.contributions[f]! - want.contributions[f]!)).toBeLessThan(1e-12);
    }
    // A block (column-major, as a rescore passes it) gives each row exactly what explain gives it:
    // a fresh memo (misses inside the block) and the warm one (hits).
    const width = set.rows[0]!.length;
    for (const m of [new ShapMemo(model.classifier.toJSON().gbm), memo]) {
      for (let start = 0; start < set.rows.length; start += 37) {
        const rows = set.rows.slice(start, start + 37);
        const n = rows.length;
        const x = new Float64Array(width * n);
        rows.forEach((row, r) => row.forEach((v, f) => (x[f * n + r] = v)));
        const phi = new Float64Array(width * n);
        const raw = new Float64Array(n);
        m.explainBlock(x, n, phi, raw);
        rows.forEach((row, r) => {
          const one = memo.explain(row);
          expect(raw[r]).toBe(one.raw);
          for (let f = 0; f < width; f++) expect(phi[f * n + r]).toBe(one.contributions[f]);
        });
      }
    }
  });
});
