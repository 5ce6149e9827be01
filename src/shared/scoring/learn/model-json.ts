// Pure (no Node, no DOM). Validation of model JSON coming back from storage or IPC: a
// corrupt or foreign file must fail loudly here rather than predict nonsense later.
import { z } from 'zod';
import type { Calibrator } from './calibration';
import { LearnError } from './errors';
import type { GbmModel } from './types';

const finite = z.number().refine(Number.isFinite, 'must be finite');
const treeSchema = z.object({
  feature: z.array(z.number().int()),
  threshold: z.array(finite),
  missingLeft: z.array(z.number().int()),
  catLeft: z.array(z.array(z.number().int()).nullable()),
  left: z.array(z.number().int()),
  right: z.array(z.number().int()),
  value: z.array(finite),
  cover: z.array(finite),
  gain: z.array(finite),
});

const gbmSchema = z.object({
  format: z.literal('deep-sales-gbm/1'),
  features: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['numeric', 'categorical']),
      levels: z.array(z.string()).optional(),
    }),
  ),
  baseScore: finite,
  trees: z.array(treeSchema),
  params: z.object({
    numRounds: z.number(),
    learningRate: z.number(),
    maxDepth: z.number(),
    maxLeaves: z.number(),
    minChildWeight: z.number(),
    minSamplesLeaf: z.number(),
    lambda: z.number(),
    minSplitGain: z.number(),
    subsample: z.number(),
    colsample: z.number(),
    maxBins: z.number(),
    catSmooth: z.number(),
    earlyStoppingRounds: z.number(),
    validationFraction: z.number(),
    seed: z.number(),
  }),
  featureGain: z.array(finite),
  validationLoss: z.array(finite),
});

export const calibratorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('identity') }),
  z.object({ kind: z.literal('isotonic'), x: z.array(finite), y: z.array(finite) }),
  z.object({ kind: z.literal('platt'), a: finite, b: finite }),
]);

/** Parse and check a model read back from JSON (structure and node references). */
export function gbmFromJson(json: unknown): GbmModel {
  const parsed = gbmSchema.safeParse(json);
  if (!parsed.success) {
    throw new LearnError(
      'DS_LEARN_MODEL_JSON',
      `Saved model is not a valid deep-sales-gbm/1 model: ${parsed.error.issues[0]?.message ?? 'unknown issue'} at ${parsed.error.issues[0]?.path.join('.') ?? '?'}. Retrain the model.`,
    );
  }
  const model = parsed.data as GbmModel;
  model.trees.forEach((t, ti) => {
    const n = t.feature.length;
    const lengths = [t.threshold, t.missingLeft, t.catLeft, t.left, t.right, t.value, t.cover, t.gain].map((a) => a.length);
    const refOk = t.feature.every(
      (f, i) => f < 0 || (f < model.features.length && t.left[i]! > i && t.left[i]! < n && t.right[i]! > i && t.right[i]! < n),
    );
    if (n === 0 || lengths.some((l) => l !== n) || !refOk) {
      throw new LearnError(
        'DS_LEARN_MODEL_JSON',
        `Saved model tree ${ti} is malformed (node arrays or child links are inconsistent). Retrain the model.`,
      );
    }
  });
  return model;
}

export function calibratorFromJson(json: unknown): Calibrator {
  const parsed = calibratorSchema.safeParse(json);
  if (!parsed.success) throw new LearnError('DS_LEARN_MODEL_JSON', 'Saved calibrator is malformed. Retrain the model.');
  return parsed.data;
}
