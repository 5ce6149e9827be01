// Pure (shared): one zod schema per concept, the single source of truth for every boundary
// (IPC, HTTP, CSV import, sync). RxDB JSON schemas are derived from these in rx-schemas.ts.
import { z } from 'zod';
import { AccountId, InteractionId, JourneyStepId, OpportunityId, RelationshipId, StakeholderId, TeamMemberId, WorkshopNoteId } from './ids';
import {
  BuyingJob,
  BuyingRole,
  Channel,
  Direction,
  InteractionKind,
  JourneyMove,
  OpportunityStatus,
  RelationshipKind,
  Stage,
  Stance,
  TeamRole,
} from './vocab';

/** Epoch milliseconds. Integers with fixed bounds so RxDB can index them. */
export const Millis = z.number().int().multipleOf(1).min(0).max(4_102_444_800_000);
export type Millis = z.infer<typeof Millis>;

const shortText = (max = 200) => z.string().max(max);
const longText = () => z.string().max(20_000);

/**
 * A value that lost a same-field conflict during sync, kept on the document so the user can
 * see and restore it (never a silent loss). `value` is JSON-encoded.
 */
export const KeptConflict = z.object({
  field: shortText(100),
  value: z.string().max(100_000),
  lostAt: Millis,
  fromRevision: shortText(100),
});
export type KeptConflict = z.infer<typeof KeptConflict>;

/**
 * Where an imported record came from (src/shared/import): the CRM, its kind of record and id
 * there, when it was last imported and the values that import set (JSON), the base a later
 * import compares against so a value changed here since is kept, not overwritten.
 */
export const ImportSource = z.object({
  crm: z.enum(['salesforce', 'dynamics', 'hubspot', 'zoho', 'deepsales', 'generic']),
  object: shortText(40),
  externalId: shortText(400),
  importedAt: Millis,
  fields: z.string().max(60_000),
});
export type ImportSource = z.infer<typeof ImportSource>;
const imported = { source: ImportSource.optional() };

/** Fields every synced document carries. updatedAt is informational: it never orders sync. */
const synced = {
  updatedAt: Millis,
  keptConflicts: z.array(KeptConflict).max(50).optional(),
};

export const Account = z.object({
  id: AccountId,
  name: shortText().min(1),
  industry: shortText(80),
  region: shortText(80),
  segment: z.enum(['enterprise', 'mid_market', 'smb']),
  employees: z.number().int().min(0).max(10_000_000).optional(),
  website: shortText(200).optional(),
  ownerId: TeamMemberId.optional(),
  ...imported,
  ...synced,
});
export type Account = z.infer<typeof Account>;

export const Stakeholder = z.object({
  id: StakeholderId,
  accountId: AccountId,
  name: shortText().min(1),
  title: shortText(),
  department: shortText(80),
  email: shortText(200).optional(),
  phone: shortText(40).optional(),
  buyingRoles: z.array(BuyingRole).max(10),
  stance: Stance,
  /** 1 (little sway) to 5 (decisive). */
  influence: z.number().int().min(1).max(5),
  needs: z.array(shortText(300)).max(30),
  pains: z.array(shortText(300)).max(30),
  /** IANA zone, for "best time to reach out". */
  timezone: shortText(60).optional(),
  notes: longText().optional(),
  ...imported,
  /**
   * Where a planner placed this person on the buying group map (graph units). Kept on the
   * person, not on the account, so two planners arranging different people never conflict;
   * absent means the map lays the person out itself. v1 of the stakeholders schema.
   */
  mapPosition: z
    .object({ x: z.number().min(-1e6).max(1e6), y: z.number().min(-1e6).max(1e6) })
    .strict()
    .optional(),
  /** Map suggestions (src/shared/buying-group/suggest.ts keys) the team dismissed from this person. v1. */
  dismissedSuggestions: z.array(shortText(200)).max(200).optional(),
  ...synced,
});
export type Stakeholder = z.infer<typeof Stakeholder>;

export const Relationship = z.object({
  id: RelationshipId,
  accountId: AccountId,
  fromId: StakeholderId,
  toId: StakeholderId,
  kind: RelationshipKind,
  /** 0 (weak) to 1 (strong). */
  strength: z.number().min(0).max(1),
  source: z.enum(['manual', 'inferred']),
  ...synced,
});
export type Relationship = z.infer<typeof Relationship>;

export const BuyingGroupMember = z.object({
  stakeholderId: StakeholderId,
  role: BuyingRole,
});
export type BuyingGroupMember = z.infer<typeof BuyingGroupMember>;

/** A deal entering a stage. Deals move back as well as forward: buyers loop back on their own. */
export const StageChange = z.object({ stage: Stage, at: Millis }).strict();
export type StageChange = z.infer<typeof StageChange>;
export const STAGE_HISTORY_MAX = 50;

/**
 * A seller's word on one of a deal's next best actions, synced with the team: `done`, or
 * `snoozed` until `until`. The action is named by `key` (actionKey: its kind and target person),
 * so the same suggestion coming back after a rescore is still the one marked. Scoring leaves out
 * a done action, and a snoozed one until its snooze ends (isActionHeld).
 */
export const ActionState = z
  .object({
    key: shortText(120).min(1),
    state: z.enum(['done', 'snoozed']),
    until: Millis.optional(),
    at: Millis,
    by: TeamMemberId,
  })
  .strict();
export type ActionState = z.infer<typeof ActionState>;
export const ACTION_STATES_MAX = 50;

export const Opportunity = z.object({
  id: OpportunityId,
  accountId: AccountId,
  name: shortText().min(1),
  amount: z.number().min(0).max(1e12),
  currency: shortText(3),
  stage: Stage,
  stageChangedAt: Millis,
  /**
   * Every stage the deal entered, oldest first (the last is `stage` since `stageChangedAt`), so
   * scoring can see a closed deal as it stood at any earlier day. Kept by the host; absent on
   * deals recorded before it was kept.
   */
  stageHistory: z.array(StageChange).max(STAGE_HISTORY_MAX).optional(),
  createdAt: Millis,
  closeDate: Millis,
  status: OpportunityStatus,
  closedAt: Millis.optional(),
  ownerId: TeamMemberId,
  members: z.array(BuyingGroupMember).max(100),
  /** Categorical fields carried over from an imported CRM (e.g. route to market, region). */
  crm: z.record(z.string().max(80), z.string().max(200)).optional(),
  /** Next best actions marked done or snoozed (issue 15); absent until one is. */
  actionStates: z.array(ActionState).max(ACTION_STATES_MAX).optional(),
  ...imported,
  ...synced,
});
export type Opportunity = z.infer<typeof Opportunity>;

export const Interaction = z.object({
  id: InteractionId,
  accountId: AccountId,
  opportunityId: OpportunityId.optional(),
  kind: InteractionKind,
  at: Millis,
  durationMin: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .optional(),
  channel: Channel,
  direction: Direction,
  /** -2 (hostile) .. +2 (enthusiastic). */
  sentiment: z.number().int().min(-2).max(2),
  buyingJob: BuyingJob.optional(),
  attendeeIds: z.array(StakeholderId).max(100),
  loggedBy: TeamMemberId,
  notes: longText(),
  ...imported,
  ...synced,
});
export type Interaction = z.infer<typeof Interaction>;

export const JourneyStep = z.object({
  id: JourneyStepId,
  accountId: AccountId,
  opportunityId: OpportunityId,
  stakeholderId: StakeholderId,
  job: BuyingJob,
  at: Millis,
  move: JourneyMove,
  note: shortText(1000).optional(),
  ...synced,
});
export type JourneyStep = z.infer<typeof JourneyStep>;

export const WorkshopNote = z.object({
  id: WorkshopNoteId,
  accountId: AccountId,
  opportunityId: OpportunityId,
  stakeholderId: StakeholderId.optional(),
  job: BuyingJob.optional(),
  /** The moment the note points at on the journey (v1); without it, the person's time in that job. */
  at: Millis.optional(),
  text: shortText(2000).min(1),
  color: z.enum(['yellow', 'blue', 'green', 'pink', 'grey']),
  authorId: TeamMemberId,
  createdAt: Millis,
  ...synced,
});
export type WorkshopNote = z.infer<typeof WorkshopNote>;

export const TeamMember = z.object({
  id: TeamMemberId,
  name: shortText().min(1),
  email: shortText(200),
  role: TeamRole,
  timezone: shortText(60),
  ...imported,
  ...synced,
});
export type TeamMember = z.infer<typeof TeamMember>;

/** Local-only: the scoring worker's latest output for one opportunity or stakeholder. */
export const ScoreDoc = z.object({
  id: z.string().min(1).max(80),
  subjectType: z.enum(['opportunity', 'stakeholder']),
  subjectId: z.string().min(1).max(64),
  accountId: AccountId,
  computedAt: Millis,
  /** JSON produced by src/shared/scoring; parsed with its own schema where read. */
  payload: z.string().max(200_000),
});
export type ScoreDoc = z.infer<typeof ScoreDoc>;

/** Local-only key/value settings of this device (sync server URL, session, model). */
export const LocalSetting = z.object({
  id: z.string().min(1).max(80),
  value: z.string().max(5_000_000),
  updatedAt: Millis,
});
export type LocalSetting = z.infer<typeof LocalSetting>;
