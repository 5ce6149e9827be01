// Pure (shared): how the workspace model is judged, with the same code paths as scoring.
//
// crossValidate: K stratified folds of the closed deals; for each, the app's own training
// (trainWorkspaceModel) on the other folds, then the held-out fold is predicted by the learned
// model alone, the blend, the prior and a constant (the training folds' win rate).
//
// prequential: closed deals in the order they closed; each is predicted from what was known when
// it closed (the prior's intercept from the deals closed before it). This is the cold-start
// story: the prior against a constant that knows just as much, from the very first deal.
import { binaryMetrics, type BinaryMetrics, stratifiedFolds } from '../learn';
import type { FeatureSpace } from './features';
import { blendWeight, logitOf, trainWorkspaceModel } from './model';
import { explainPrior, priorBaseRate, sigmoid } from './prior';

export interface CvResult {
  n: number;
  model: BinaryMetrics;
  blended: BinaryMetrics;
  prior: BinaryMetrics;
  constant: BinaryMetrics;
}

export function crossValidate(rows: readonly Float64Array[], labels: Uint8Array, space: FeatureSpace, k = 5, seed = 11): CvResult {
  const folds = stratifiedFolds(labels, k, seed);
  const n = labels.length;
  const model = new Float64Array(n);
  const blended = new Float64Array(n);
  const prior = new Float64Array(n);
  const constant = new Float64Array(n);
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < n; i++) (folds[i] === f ? test : train).push(i);
    const trainLabels = Uint8Array.from(train, (i) => labels[i]!);
    const m = trainWorkspaceModel(
      train.map((i) => rows[i]!),
      trainLabels,
      space,
      0,
    );
    const won = trainLabels.reduce((a, b) => a + b, 0);
    const params = { closed: train.length, won };
    const w = blendWeight(m.json.closedDeals, m.json.k);
    for (const i of test) {
      const ml = logitOf(m.classifier.predict(rows[i]!));
      const pl = explainPrior(rows[i]!, space, params).logit;
      model[i] = sigmoid(ml);
      prior[i] = sigmoid(pl);
      blended[i] = sigmoid(w * ml + (1 - w) * pl);
      constant[i] = won / train.length;
    }
  }
  return {
    n,
    model: binaryMetrics(labels, model),
    blended: binaryMetrics(labels, blended),
    prior: binaryMetrics(labels, prior),
    constant: binaryMetrics(labels, constant),
  };
}

export interface PrequentialResult {
  n: number;
  prior: BinaryMetrics;
  constant: BinaryMetrics;
}

/** `order`: row indices in closing order. */
export function prequential(
  rows: readonly Float64Array[],
  labels: Uint8Array,
  order: readonly number[],
  space: FeatureSpace,
): PrequentialResult {
  const p = new Float64Array(order.length);
  const c = new Float64Array(order.length);
  const y = new Uint8Array(order.length);
  let closed = 0;
  let won = 0;
  order.forEach((i, t) => {
    const params = { closed, won };
    p[t] = sigmoid(explainPrior(rows[i]!, space, params).logit);
    c[t] = priorBaseRate(params);
    y[t] = labels[i]!;
    closed++;
    won += labels[i]!;
  });
  return { n: order.length, prior: binaryMetrics(y, p), constant: binaryMetrics(y, c) };
}
