// Pure (shared): inputs and read models of the scoring API ('scoring.*' in contract.ts).
import { z } from 'zod';
import {
  AccountId,
  NextBestAction,
  OpportunityId,
  OpportunityScorePayload,
  ScoreSource,
  StakeholderId,
  StakeholderScorePayload,
  TeamMemberId,
} from '../domain';
import { MAX_REQUEST_BYTES } from './errors';

export const OpportunityScoreView = OpportunityScorePayload;
export type OpportunityScoreView = z.infer<typeof OpportunityScoreView>;

export const AccountScoresInput = z.object({ accountId: AccountId }).strict();
export const AccountScoresView = z.object({
  accountId: AccountId,
  /** Most engaged first. */
  stakeholders: z.array(StakeholderScorePayload),
});
export type AccountScoresView = z.infer<typeof AccountScoresView>;

export const TodayInput = z
  .object({
    limit: z.number().int().min(1).max(500).optional(),
    /** Only deals this team member owns. */
    ownerId: TeamMemberId.optional(),
    /**
     * Only the deals of the member this device knows as "me" (team.me), the whole team's when
     * nobody is: the host resolves "me" itself, so Today asks once instead of asking who I am
     * first (that round trip was on the critical path of the first card).
     */
    mine: z.boolean().optional(),
  })
  .strict();
export const TodayItemView = z.object({
  opportunityId: OpportunityId,
  opportunityName: z.string(),
  accountId: AccountId,
  /** Sent with the item, so Today shows its first cards without reading every account's name. */
  accountName: z.string(),
  ownerId: TeamMemberId,
  amount: z.number(),
  currency: z.string(),
  probability: z.number(),
  band: z.enum(['low', 'medium', 'high']),
  rank: z.number(),
  /** The next best action: who to reach, why, and the next good moment (`when`). */
  action: NextBestAction.nullable(),
  /**
   * Every factor of the deal's score with its part of the logit, and words where the score has
   * them (its top three each way): what Today compares to say why a deal's odds moved.
   */
  factors: z.array(z.object({ feature: z.string(), contribution: z.number(), words: z.string().nullable() })).default([]),
  /**
   * What made the score: its source and the closed deals the learned part was fitted on (null
   * while unknown). Two views of a deal with different ones come from two models, so a move
   * between them is the model's, not something that happened in the deal.
   */
  scoredBy: z
    .object({ source: ScoreSource, closedDeals: z.number().int().min(0) })
    .nullable()
    .default(null),
});
export const TodayView = z.object({
  items: z.array(TodayItemView),
  /** Open deals Today could list (this owner's, when asked for one): "25 of 312". */
  total: z.number().int().min(0),
  /**
   * True on a first open while the workspace is still read: the team's Today then ranks the
   * deals scored so far (those closing soonest), not every open deal; the full ranking follows.
   */
  provisional: z.boolean().default(false),
});
export type TodayView = z.infer<typeof TodayView>;

const nullableNumber = z.number().nullable();
export const ModelStatusView = z.object({
  source: ScoreSource,
  closedDealsAvailable: z.number().int(),
  importedHistory: z.number().int(),
  /** Closed deals the current model was fitted on (0 = prior only). */
  closedDealsLearned: z.number().int(),
  modelWeight: z.number(),
  blendK: nullableNumber,
  trainedAt: nullableNumber,
  validation: z
    .object({
      n: z.number().int(),
      auc: nullableNumber,
      logloss: nullableNumber,
      priorAuc: nullableNumber,
      priorLogloss: nullableNumber,
      blendedAuc: nullableNumber,
      blendedLogloss: nullableNumber,
      constantLogloss: nullableNumber,
      /**
       * The figures the Model page shows (the blend users get, or the model alone once it scores
       * alone) with 95% bootstrap intervals; null for a model saved before they were kept.
       */
      shown: z
        .object({
          auc: nullableNumber,
          aucLo: nullableNumber,
          aucHi: nullableNumber,
          brier: nullableNumber,
          brierLo: nullableNumber,
          brierHi: nullableNumber,
        })
        .nullable(),
    })
    .nullable(),
  reliability: z.array(
    z.object({ lo: z.number(), hi: z.number(), count: z.number(), meanPredicted: nullableNumber, observedRate: nullableNumber }),
  ),
  /** `label`: the factor's name for people (CRM fields by their own column name). */
  importance: z.array(z.object({ feature: z.string(), label: z.string(), share: z.number() })),
  training: z.object({ inProgress: z.boolean(), fraction: z.number(), message: z.string(), error: z.string().nullable() }),
});
export type ModelStatusView = z.infer<typeof ModelStatusView>;

export const RetrainView = z.object({ started: z.literal(true) });

export const ImportHistoryInput = z
  .object({
    // The whole request must stay under MAX_REQUEST_BYTES; leave room for the other fields.
    csv: z.string().max(MAX_REQUEST_BYTES - 1_000),
    targetColumn: z.string().min(1).max(200),
    positiveValue: z.string().min(1).max(200),
  })
  .strict();
export const ImportHistoryView = z.object({
  imported: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type ImportHistoryView = z.infer<typeof ImportHistoryView>;

export const ScoringOpportunityInput = z.object({ id: OpportunityId }).strict();

/** What would change one deal's odds; with `stakeholderId`, also that person becoming a champion. */
export const WhatIfInput = z.object({ opportunityId: OpportunityId, stakeholderId: StakeholderId.optional() }).strict();
export const WhatIfItemView = z.object({
  /** "Meet economic buyer Carla Finance this week". */
  title: z.string(),
  stakeholderId: z.string().nullable(),
  from: z.number().min(0).max(1),
  to: z.number().min(0).max(1),
  /** The factors that moved most, named as in the deal's explanation; `change` in logit. */
  factors: z.array(z.object({ feature: z.string(), label: z.string(), change: z.number() })).max(3),
});
export type WhatIfItemView = z.infer<typeof WhatIfItemView>;
export const WhatIfView = z.object({
  opportunityId: z.string(),
  /** The deal's odds now, as the model scores it. */
  probability: z.number().min(0).max(1),
  /** One per suggested action the model can see, best outcome first. */
  actions: z.array(WhatIfItemView),
  person: WhatIfItemView.nullable(),
});
export type WhatIfView = z.infer<typeof WhatIfView>;
