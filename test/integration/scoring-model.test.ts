// The model's claims, on generated workspaces (seed generator): the prior beats a constant from
// the first closed deal; the learned model beats the prior from 50 closed deals on.
import { binaryMetrics } from '../../src/shared/scoring/learn/metrics';
import { stratifiedSplit } from '../../src/shared/scoring/learn/table';
import { ScoringEngine } from '../../src/shared/scoring/workspace/engine';
import { crossValidate, prequential } from '../../src/shared/scoring/workspace/evaluate';
import { trainingSet, type TrainingSet } from '../../src/shared/scoring/workspace/history';
import { scoreRow, trainWorkspaceModel } from '../../src/shared/scoring/workspace/model';
import { explainPrior, sigmoid } from '../../src/shared/scoring/workspace/prior';
import { generateWorkspace, type SeedSize } from '../../src/shared/seed';
import type { FeatureSpace } from '../../src/shared/scoring/workspace/features';

const NOW = Date.UTC(2026, 10, 1);

function closedDeals(size: SeedSize, seed: number): { set: TrainingSet; space: FeatureSpace; closedAt: Map<string, number> } {
  const ws = generateWorkspace({ size, seed });
  const e = new ScoringEngine(() => NOW);
  for (const c of ['accounts', 'stakeholders', 'opportunities', 'interactions', 'journeysteps'] as const) e.apply(c, ws[c] as never);
  e.rescoreAll();
  return {
    set: trainingSet(e.state, [], e.space),
    space: e.space,
    closedAt: new Map(ws.opportunities.map((o) => [o.id, o.closedAt ?? 0])),
  };
}

describe.each([
  ['S', 1],
  ['S', 2],
  ['M', 1],
] as const)('workspace %s seed %i', (size, seed) => {
  const { set, space, closedAt } = closedDeals(size, seed);

  it('the prior beats a constant base rate from the first closed deal (prequential, in closing order)', () => {
    const order = set.opportunityIds
      .map((id, i) => [closedAt.get(id)!, i] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, i]) => i);
    const r = prequential(set.rows, set.labels, order, space);
    console.info(
      `[scoring] ${size}/${seed} prequential n=${r.n}: prior AUC ${r.prior.auc.toFixed(3)} log loss ${r.prior.logloss.toFixed(3)}; constant AUC ${r.constant.auc.toFixed(3)} log loss ${r.constant.logloss.toFixed(3)}`,
    );
    expect(r.prior.auc).toBeGreaterThan(r.constant.auc + 0.1);
    expect(r.prior.logloss).toBeLessThan(r.constant.logloss);
  });

  it('5-fold cross-validation: the blend the app uses is no worse than the prior, and on M the model is clearly better', () => {
    const cv = crossValidate(set.rows, set.labels, space);
    const f = (m: { auc: number; logloss: number }) => `AUC ${m.auc.toFixed(3)} log loss ${m.logloss.toFixed(3)}`;
    console.info(
      `[scoring] ${size}/${seed} CV n=${cv.n}: model ${f(cv.model)}, blended ${f(cv.blended)}, prior ${f(cv.prior)}, constant ${f(cv.constant)}`,
    );
    // On S each fold trains on ~70 closed deals; the blend weighs the model at ~0.6 there and
    // can tie the prior (seed 2: log loss 0.582 vs 0.577, AUC 0.760 vs 0.775). The claim at that size is "no worse"; the
    // strict "better" claims are made on M below and in the learning curve.
    const small = size === 'S';
    expect(cv.blended.logloss).toBeLessThan(cv.prior.logloss + (small ? 0.01 : 0));
    expect(cv.blended.auc).toBeGreaterThan(cv.prior.auc - (small ? 0.02 : 0.01));
    if (size === 'M') {
      // The prior knows each deal's stage as of the day it is looked at (stage histories), which
      // on M gives it AUC ~0.86; the trees alone clear it by ~0.03, the blend by more.
      expect(cv.model.auc).toBeGreaterThan(cv.prior.auc + 0.02);
      expect(cv.model.logloss).toBeLessThan(cv.prior.logloss);
      expect(cv.blended.auc).toBeGreaterThan(cv.prior.auc + 0.02);
    }
  });
});

describe('learning curve on M (held-out 40% of closed deals)', () => {
  const { set, space } = closedDeals('M', 1);
  const split = stratifiedSplit(set.labels, 0.4, 5);
  const test = [...split.test];
  const y = Uint8Array.from(test, (i) => set.labels[i]!);

  /**
   * "The learned model" is what the app scores with: the trees blended with the prior, the
   * blend's weight chosen on held-out deals (scoreRow). The trees alone are reported beside it;
   * with only 50 deals they roughly tie a prior that already knows each deal's stage.
   */
  const compare = (n: number, draw: number) => {
    const idx = [...split.train].slice(draw * 50, draw * 50 + n);
    const labels = Uint8Array.from(idx, (i) => set.labels[i]!);
    const m = trainWorkspaceModel(
      idx.map((i) => set.rows[i]!),
      labels,
      space,
      NOW,
    );
    const params = { closed: n, won: labels.reduce((a, b) => a + b, 0) };
    const trees = binaryMetrics(
      y,
      test.map((i) => m.classifier.predict(set.rows[i]!)),
    );
    const model = binaryMetrics(
      y,
      test.map((i) => scoreRow(set.rows[i]!, space, params, m).probability),
    );
    const prior = binaryMetrics(
      y,
      test.map((i) => sigmoid(explainPrior(set.rows[i]!, space, params).logit)),
    );
    const f = (x: { auc: number; logloss: number }) => `AUC ${x.auc.toFixed(3)} log loss ${x.logloss.toFixed(3)}`;
    console.info(`[scoring] M n=${n} draw ${draw}: model ${f(model)} (trees alone ${f(trees)}); prior ${f(prior)}`);
    return { model, prior };
  };

  it('with 50 closed deals the learned model beats the prior on AUC and log loss, in every draw', () => {
    for (const r of [0, 1, 2, 3].map((d) => compare(50, d))) {
      expect(r.model.auc).toBeGreaterThan(r.prior.auc);
      expect(r.model.logloss).toBeLessThan(r.prior.logloss);
    }
  });

  it.each([100, 200])('with %i closed deals the learned model beats the prior on AUC and log loss', (n) => {
    const r = compare(n, 0);
    expect(r.model.auc).toBeGreaterThan(r.prior.auc + 0.02);
    expect(r.model.logloss).toBeLessThan(r.prior.logloss - 0.02);
  });
});
