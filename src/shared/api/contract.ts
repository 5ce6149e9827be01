// Pure (shared): every call the renderer may make, with zod input and output. The host
// implements exactly these; the renderer's client is typed from them. Queries read, mutations
// write and emit change events.
import { z } from 'zod';
import {
  Interaction, JourneyStep, Opportunity, Relationship, Stakeholder, TeamMember, WorkshopNote, Account,
} from '../domain';
import {
  AccountId, InteractionId, JourneyStepId, OpportunityId, RelationshipId, StakeholderId, WorkshopNoteId,
} from '../domain/ids';
import {
  AccountInput, InteractionInput, JourneyStepInput, OpportunityInput, RelationshipInput, SetStageInput, StakeholderInput,
  WorkshopNoteInput,
} from './inputs';
import { SearchInput, SearchView } from './search-views';
import { InteractionUpdateInput, RemovalImpact, Removed, RemovedRecords, SetMemberInput } from './records';
import { AccountDetail, AccountSummary, BuyingGroupView, OpportunityDetail, PersonDetail, WorkspaceInfo } from './views';
import { ConflictRef, KeptConflictView, SyncConnectInput, SyncView } from './sync-views';
import {
  AccountScoresInput, AccountScoresView, ImportHistoryInput, ImportHistoryView, ModelStatusView, OpportunityScoreView,
  RetrainView, ScoringOpportunityInput, TodayInput, TodayView,
} from './scoring-views';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: 'query' | 'mutation';
  input: I;
  output: O;
}
const query = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ kind: 'query' as const, input, output });
const mutation = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ kind: 'mutation' as const, input, output });

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
const byId = <T extends z.ZodType>(id: T) => z.object({ id }).strict();

export const API = {
  'workspace.info': query(Empty, WorkspaceInfo),
  /** The host's now (DS_NOW honoured), so the renderer's dates agree with the host's. */
  'app.clock': query(Empty, z.object({ now: z.number() })),
  'team.list': query(Empty, z.array(TeamMember)),

  /** Accounts, people, deals, interaction and workshop notes: prefix and typo tolerant. */
  'search.query': query(SearchInput, SearchView),

  'accounts.list': query(z.object({ search: z.string().max(200).optional() }).strict(), z.array(AccountSummary)),
  'accounts.get': query(byId(AccountId), AccountDetail),
  'accounts.upsert': mutation(AccountInput, Account),
  /** What deleting the account takes along: its people, deals, interactions, journeys, notes. */
  'accounts.removalImpact': query(byId(AccountId), RemovalImpact),
  /** Deletes the account and everything of it (see removalImpact); answers what went, for undo. */
  'accounts.remove': mutation(byId(AccountId), Removed),

  'stakeholders.upsert': mutation(StakeholderInput, Stakeholder),
  'stakeholders.get': query(byId(StakeholderId), PersonDetail),
  /** Takes their relationships and deal memberships along; answers what went, for undo. */
  'stakeholders.remove': mutation(byId(StakeholderId), Removed),

  'buyingGroup.get': query(z.object({ accountId: AccountId }).strict(), BuyingGroupView),
  'relationships.upsert': mutation(RelationshipInput, Relationship),
  'relationships.remove': mutation(byId(RelationshipId), Ok),

  'opportunities.get': query(byId(OpportunityId), OpportunityDetail),
  'opportunities.upsert': mutation(OpportunityInput, Opportunity),
  'opportunities.setStage': mutation(SetStageInput, Opportunity),
  /** Adds a person to the deal's buying group, changes their deal role, or (role null) takes them out. */
  'opportunities.setMember': mutation(SetMemberInput, Opportunity),
  'opportunities.removalImpact': query(byId(OpportunityId), RemovalImpact),
  /** Deletes the deal with its journey and workshop notes; its interactions stay with the account, unlinked. */
  'opportunities.remove': mutation(byId(OpportunityId), Removed),

  'interactions.log': mutation(InteractionInput, Interaction),
  'interactions.update': mutation(InteractionUpdateInput, Interaction),
  'interactions.remove': mutation(byId(InteractionId), Removed),

  /** Undo of a delete: writes back, as they were, the records a `*.remove` answered with. */
  'records.restore': mutation(RemovedRecords, Ok),

  'journey.addStep': mutation(JourneyStepInput, JourneyStep),
  'journey.removeStep': mutation(byId(JourneyStepId), Ok),

  'workshop.upsertNote': mutation(WorkshopNoteInput, WorkshopNote),
  'workshop.removeNote': mutation(byId(WorkshopNoteId), Ok),

  'conflicts.list': query(Empty, z.array(KeptConflictView)),
  'conflicts.restore': mutation(ConflictRef, Ok),
  'conflicts.dismiss': mutation(ConflictRef, Ok),

  'sync.status': query(Empty, SyncView),
  'sync.connect': mutation(SyncConnectInput, SyncView),
  'sync.disconnect': mutation(Empty, Ok),

  'scoring.forOpportunity': query(ScoringOpportunityInput, OpportunityScoreView),
  'scoring.forAccount': query(AccountScoresInput, AccountScoresView),
  'scoring.today': query(TodayInput, TodayView),
  'scoring.model': query(Empty, ModelStatusView),
  'scoring.retrain': mutation(Empty, RetrainView),
  'scoring.importHistory': mutation(ImportHistoryInput, ImportHistoryView),
} as const satisfies Record<string, MethodSpec>;

export type Api = typeof API;
export type MethodName = keyof Api;
export type InputOf<M extends MethodName> = z.input<Api[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Api[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(API, name);
}
