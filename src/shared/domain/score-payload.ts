// Pure (shared): the shape of ScoreDoc.payload (stored as JSON text in the local-only `scores`
// collection). The scoring engine writes it, the host and renderer parse it with these schemas;
// it is domain vocabulary (what a score says), so it lives here rather than inside the engine.
import { z } from 'zod';

export const SCORE_PAYLOAD_VERSION = 1;

export const ScoreSource = z.enum(['prior', 'blended', 'model']);
export type ScoreSource = z.infer<typeof ScoreSource>;

/** One feature's share of the logit. */
export const Contribution = z.object({
  feature: z.string(),
  /** The feature's value for this deal (NaN/unknown is null; categories as their label). */
  value: z.union([z.number(), z.string()]).nullable(),
  contribution: z.number(),
});
export type Contribution = z.infer<typeof Contribution>;

/**
 * base + calibration + Σ contributions = logit, exactly (up to float rounding). `calibration` is
 * the learned calibrator's shift of the tree ensemble's logit (weighted like the model): it is
 * not about this deal, so it is kept apart from the factors.
 */
export const Explanation = z.object({
  base: z.number(),
  calibration: z.number(),
  contributions: z.array(Contribution),
});
export type Explanation = z.infer<typeof Explanation>;

export const FactorWords = z.object({
  feature: z.string(),
  contribution: z.number(),
  /** "Champion Ivan Tech has gone quiet for 24 days". */
  words: z.string(),
});
export type FactorWords = z.infer<typeof FactorWords>;

export const ACTION_KINDS = [
  'cover_role',
  'champion_quiet',
  'meet_blocker',
  'revalidate_requirements',
  'multi_thread',
  'close_date_passed',
  'stale_stage',
] as const;
export const NextBestAction = z.object({
  kind: z.enum(ACTION_KINDS),
  /** 0..1, higher first. */
  priority: z.number(),
  title: z.string(),
  reason: z.string(),
  stakeholderId: z.string().nullable(),
  stakeholderName: z.string().nullable(),
  /** Next good moment to reach the target stakeholder (epoch ms), when there is one. */
  when: z.number().nullable(),
  whenWords: z.string().nullable(),
  /**
   * The next starts of the person's window (best-time.ts `slots`, `when` first): the app shows
   * the first that is not at night for whoever reads it (slotFor), in their own zone.
   */
  whenSlots: z.array(z.number()).max(16).default([]),
  /** How sure the window is (best-time.ts): 'none' is business hours, too few replies to go on. Null in scores stored before it. */
  whenConfidence: z.enum(['none', 'low', 'medium', 'high']).nullable().default(null),
  /** The replies the window rests on. */
  whenSamples: z.number().int().min(0).nullable().default(null),
});
export type NextBestAction = z.infer<typeof NextBestAction>;

export const OpportunityScorePayload = z.object({
  kind: z.literal('opportunity'),
  version: z.literal(SCORE_PAYLOAD_VERSION),
  opportunityId: z.string(),
  accountId: z.string(),
  asOf: z.number(),
  probability: z.number().min(0).max(1),
  logit: z.number(),
  band: z.enum(['low', 'medium', 'high']),
  source: ScoreSource,
  /** Closed deals the learned part was trained on (0 for the prior). */
  closedDeals: z.number().int(),
  /** Weight of the learned model in the blend, n / (n + k). */
  modelWeight: z.number().min(0).max(1),
  explanation: Explanation,
  for: z.array(FactorWords).max(3),
  against: z.array(FactorWords).max(3),
  actions: z.array(NextBestAction),
});
export type OpportunityScorePayload = z.infer<typeof OpportunityScorePayload>;

export const BestTimeView = z.object({
  basis: z.enum(['history', 'business_hours']),
  timezone: z.string(),
  /** Exactly the cells every slot lies in: `days` (0 = Mon) × [fromHour, fromHour + 2) in `timezone`. */
  window: z.string(),
  days: z.array(z.number().int().min(0).max(6)).min(1),
  fromHour: z.number().int().min(0).max(22),
  nextSlotAt: z.number(),
  /** The next window cell starts (slotFor picks one outside the seller's night). */
  slots: z.array(z.number()).min(1),
  samples: z.number().int().min(0),
  confidence: z.enum(['none', 'low', 'medium', 'high']),
  note: z.string(),
});

export const StakeholderScorePayload = z.object({
  kind: z.literal('stakeholder'),
  version: z.literal(SCORE_PAYLOAD_VERSION),
  stakeholderId: z.string(),
  accountId: z.string(),
  name: z.string(),
  asOf: z.number(),
  engagement: z.number().int().min(0).max(100),
  trend: z.enum(['rising', 'steady', 'cooling']),
  /** Days since they last responded, when they used to and stopped. */
  quietDays: z.number().int().nullable(),
  lastTouchAt: z.number().nullable(),
  lastResponseAt: z.number().nullable(),
  interactions: z.number().int(),
  bestTime: BestTimeView,
  talkingPoints: z.array(z.string()).max(10),
});
export type StakeholderScorePayload = z.infer<typeof StakeholderScorePayload>;

export const ScorePayload = z.discriminatedUnion('kind', [OpportunityScorePayload, StakeholderScorePayload]);
export type ScorePayload = z.infer<typeof ScorePayload>;

export function bandOf(p: number): 'low' | 'medium' | 'high' {
  return p >= 0.6 ? 'high' : p >= 0.3 ? 'medium' : 'low';
}
