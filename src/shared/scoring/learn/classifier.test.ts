import { loadCalibratedModel, mayShareTraining, trainCalibratedClassifier } from './classifier';
import { MIN_THREADED_ROWS } from './gbm';
import { featureImportance } from './importance';
import { binaryMetrics } from './metrics';
import { rowOf } from './table';
import { syntheticTable } from './test-data';

describe('trainCalibratedClassifier', () => {
  const train = syntheticTable(5000, 11);
  const test = syntheticTable(2000, 12);
  const progress: number[] = [];
  const model = trainCalibratedClassifier(train, { params: { learningRate: 0.1 } }, (f) => progress.push(f));

  it('predicts calibrated probabilities with good ranking', () => {
    const probs = Array.from({ length: test.labels.length }, (_, i) => model.predict(rowOf(test, i)));
    const m = binaryMetrics(test.labels, probs);
    expect(m.auc).toBeGreaterThan(0.9);
    expect(m.ece).toBeLessThan(0.04);
    expect(progress.at(-1)).toBe(1);
  });

  it('explains each prediction additively on the logit scale', () => {
    const row = rowOf(test, 3);
    const e = model.explain(row);
    expect(e.contributions.reduce((s, v) => s + v, e.base)).toBeCloseTo(model.predictRaw(row), 9);
  });

  it('survives a JSON round trip and rejects a corrupt one', () => {
    const back = loadCalibratedModel(JSON.parse(JSON.stringify(model)));
    for (let i = 0; i < 50; i++) expect(back.predict(rowOf(test, i))).toBe(model.predict(rowOf(test, i)));
    expect(() => loadCalibratedModel({ gbm: {}, calibrator: { kind: 'platt' } })).toThrow(
      expect.objectContaining({ code: 'DS_LEARN_MODEL_JSON' }),
    );
  });

  it('ranks the signal features above noise in global importance', () => {
    const imp = featureImportance(model.toJSON().gbm, test, 300);
    expect(imp.at(-1)!.name).toBe('noise');
    expect(imp[0]!.meanAbsShap).toBeGreaterThan(0);
  });
});

describe('mayShareTraining', () => {
  it('says a helper is worth starting only when the rows left after the hold-out can reach MIN_THREADED_ROWS', () => {
    expect(mayShareTraining(8_967)).toBe(false);
    expect(mayShareTraining(Math.ceil(MIN_THREADED_ROWS / 0.8))).toBe(true);
    expect(mayShareTraining(Math.ceil(MIN_THREADED_ROWS / 0.8) - 2)).toBe(false);
  });
});
