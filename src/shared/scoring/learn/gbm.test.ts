import {
  MIN_THREADED_ROWS,
  predictRaw,
  predictRawTable,
  sigmoid,
  trainBinaryGbm,
  trainBinaryGbmWithMargins,
  type TrainingThreads,
} from './gbm';
import { HoldOutPublisher } from './hold-out';
import { LearnError } from './errors';
import { rocAuc } from './metrics';
import { gbmFromJson } from './model-json';
import { rowOf } from './table';
import { syntheticTable } from './test-data';

describe('trainBinaryGbm', () => {
  const train = syntheticTable(6000, 1);
  const test = syntheticTable(3000, 2);
  const model = trainBinaryGbm(train, { params: { learningRate: 0.1, numRounds: 200 } });

  it('learns a nonlinear function with a categorical effect and missing values', () => {
    const auc = rocAuc(test.labels, predictRawTable(model, test));
    expect(auc).toBeGreaterThan(0.9);
    // The pure-noise column should carry far less gain than the signal columns.
    const [ga, gb, gc, gNoise] = model.featureGain;
    expect(gNoise!).toBeLessThan(Math.min(ga!, gb!, gc!));
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const opts = { params: { numRounds: 20, subsample: 0.7, colsample: 0.5, seed: 7 } };
    const a = trainBinaryGbm(train, opts);
    const b = trainBinaryGbm(train, opts);
    const c = trainBinaryGbm(train, { params: { ...opts.params, seed: 8 } });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('round-trips through JSON with identical predictions', () => {
    const back = gbmFromJson(JSON.parse(JSON.stringify(model)));
    for (let i = 0; i < 200; i++) {
      const row = rowOf(test, i);
      expect(predictRaw(back, row)).toBe(predictRaw(model, row));
    }
  });

  it('routes missing and unseen categories without throwing', () => {
    const p = sigmoid(predictRaw(model, [NaN, 0.5, 99, NaN]));
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it('stops early on a validation split', () => {
    const m = trainBinaryGbm(train, { params: { learningRate: 0.5, numRounds: 500, earlyStoppingRounds: 10 } });
    expect(m.trees.length).toBeLessThan(500);
    expect(m.validationLoss.length).toBeGreaterThanOrEqual(m.trees.length);
  });

  it("tracks the kept trees' hold-out logits while boosting, equal to predicting the hold-out afterwards", () => {
    // Subsampled rows and columns, missing values and a categorical column: every routing path.
    for (const params of [
      { numRounds: 60, subsample: 0.7, colsample: 0.5 },
      { numRounds: 30, subsample: 1, colsample: 1, learningRate: 0.5, earlyStoppingRounds: 5 },
    ]) {
      const { model, validationLogits } = trainBinaryGbmWithMargins(train, { params, validation: test });
      const expected = predictRawTable(model, test);
      expect(validationLogits).not.toBeNull();
      expect(Array.from(validationLogits!)).toEqual(Array.from(expected));
    }
    expect(trainBinaryGbmWithMargins(train, { params: { numRounds: 5 } }).validationLogits).toBeNull();
  });

  it('reports progress from 0 to 1', () => {
    const seen: number[] = [];
    trainBinaryGbm(train, { params: { numRounds: 10, validationFraction: 0 }, onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]!))).toBe(true);
  });

  describe('with a helper thread (one that fails or never comes)', () => {
    // Above MIN_THREADED_ROWS merged rows, so the hold-out is handed over; the two-thread run
    // itself is tested with a real thread in src/main/scoring/train-threads.test.ts.
    const big = syntheticTable(11_000, 3);
    const params = { numRounds: 15 };
    const alone = JSON.stringify(trainBinaryGbm(big, { params }));

    it('goes on alone, with the one-thread model, when a helper says it failed', () => {
      let started = 0;
      const threads: TrainingThreads = {
        helpers: 1,
        start: (job) => {
          started++;
          new HoldOutPublisher(job.pipe).close();
        },
      };
      const run = trainBinaryGbmWithMargins(big, { params, threads });
      expect(JSON.stringify(run.model)).toBe(alone);
      expect(run.helped).toBe(false);
      expect(started).toBe(1);
    });

    it('goes on alone, with the one-thread model, when a helper never arrives', () => {
      const threads: TrainingThreads = { helpers: 1, start: () => undefined, timeoutMs: 100 };
      expect(JSON.stringify(trainBinaryGbm(big, { params, threads }))).toBe(alone);
    });

    it('trains small tables on one thread', () => {
      let started = 0;
      const threads: TrainingThreads = { helpers: 1, start: () => started++ };
      trainBinaryGbm(syntheticTable(MIN_THREADED_ROWS / 2, 4), { params, threads });
      expect(started).toBe(0);
    });
  });

  it('rejects one-class and malformed input with coded errors', () => {
    const one = { ...train, labels: new Uint8Array(train.labels.length) };
    expect(() => trainBinaryGbm(one)).toThrow(expect.objectContaining({ code: 'DS_LEARN_ONE_CLASS' }));
    expect(() => trainBinaryGbm(train, { params: { subsample: 0 } })).toThrow(LearnError);
    expect(() => gbmFromJson({ format: 'nope' })).toThrow(expect.objectContaining({ code: 'DS_LEARN_MODEL_JSON' }));
  });
});
