// Pure (shared): every call the renderer may make, with zod input and output. The host
// implements exactly these; the renderer's client is typed from them. Queries read, mutations
// write and emit change events.
//
// Each query names the collections it reads, each mutation the collections it writes. The
// renderer builds its cache keys and its invalidation table from these declarations (a change
// event names collections; every query reading one of them refreshes), so a new query cannot
// forget to refresh, and no hand-kept table has to agree with this one. A host test checks that
// a mutation's change events stay within what it declares it writes.
import { z } from 'zod';
import {
  Interaction,
  JourneyStep,
  Opportunity,
  Relationship,
  Stakeholder,
  TeamMember,
  WorkshopNote,
  Account,
  COLLECTION_NAMES,
  SYNCED_COLLECTIONS,
  type CollectionName,
} from '../domain';
import { AccountId, InteractionId, JourneyStepId, OpportunityId, RelationshipId, StakeholderId, WorkshopNoteId } from '../domain';
import {
  AccountInput,
  InteractionInput,
  JourneyStepInput,
  MeView,
  OpportunityInput,
  RelationshipInput,
  SetActionStateInput,
  SetMeInput,
  SetStageInput,
  StakeholderInput,
  WorkshopNoteInput,
} from './inputs';
import { SearchInput, SearchView } from './search-views';
import {
  DealListItem,
  AccountDetail,
  AccountJourneyView,
  AccountSummary,
  BuyingGroupView,
  OpportunityDetail,
  PersonDetail,
  StoreHealthView,
  StoreRecoverInput,
  WorkspaceInfo,
} from './views';
import { InteractionUpdateInput, RemovalImpact, Removed, RemovedRecords, SetMemberInput } from './records';
import { ConflictRef, KeptConflictView, SyncConnectInput, SyncView } from './sync-views';
import {
  TeamAdminAuditInput,
  TeamAdminAuditView,
  TeamAdminInviteInput,
  TeamAdminInviteView,
  TeamAdminMembersView,
  TeamAdminRemoveInput,
  TeamAdminRemoveView,
  TeamAdminSetRoleInput,
  TeamAdminSetRoleView,
} from './team-admin-views';
import {
  AccountScoresInput,
  AccountScoresView,
  ImportHistoryInput,
  ImportHistoryView,
  ModelStatusView,
  OpportunityScoreView,
  RetrainView,
  ScoringOpportunityInput,
  TodayInput,
  TodayView,
  WhatIfInput,
  WhatIfView,
} from './scoring-views';
import {
  ExportCsvInput,
  ExportCsvView,
  ImportPlanInput,
  ImportReportView,
  ImportRunView,
  ImportUploadInput,
  ImportUploadView,
  RunRef,
} from './import-views';

export interface QuerySpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: 'query';
  input: I;
  output: O;
  /** The collections whose changes can change the answer. */
  reads: readonly CollectionName[];
}
export interface MutationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: 'mutation';
  input: I;
  output: O;
  /** The collections a call may change (its `changed` events name no others). */
  writes: readonly CollectionName[];
}
export type MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = QuerySpec<I, O> | MutationSpec<I, O>;

const query = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, reads: readonly CollectionName[]) => ({
  kind: 'query' as const,
  input,
  output,
  reads,
});
const mutation = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, writes: readonly CollectionName[]) => ({
  kind: 'mutation' as const,
  input,
  output,
  writes,
});

/** What an account's page, list row or map shows: the account, its people, deals and meetings. */
const ACCOUNT_READS = ['accounts', 'stakeholders', 'opportunities', 'interactions'] as const satisfies readonly CollectionName[];
/**
 * Scores are computed by the scoring process from every collection and written to the local-only
 * `scores` collection after each change it scores; its answers (Today, one deal, one account's
 * people, the model) change when it writes scores, so that is what they read.
 */
const SCORE_READS = ['scores'] as const satisfies readonly CollectionName[];

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
const byId = <T extends z.ZodType>(id: T) => z.object({ id }).strict();

export const API = {
  // Its counts include scores, but the scoring process rewrites those after every change: a
  // refresh per rescoring would be noise, so the scores count may lag until another change.
  'workspace.info': query(
    Empty,
    WorkspaceInfo,
    COLLECTION_NAMES.filter((name) => name !== 'scores'),
  ),
  /** The host's now (DS_NOW honoured), so the renderer's dates agree with the host's. */
  'app.clock': query(Empty, z.object({ now: z.number() }), []),
  /** Answered even when the store is damaged (with these two only): the recovery screen's calls. */
  'workspace.health': query(Empty, StoreHealthView, []),
  'workspace.recover': mutation(StoreRecoverInput, StoreHealthView, COLLECTION_NAMES),
  'team.list': query(Empty, z.array(TeamMember), ['teammembers']),
  /**
   * Who "I" am on this device: the member chosen in Settings, else the signed-in team account's
   * member (same e-mail), else nobody. Kept on this device only (settings), never synced.
   */
  'team.me': query(Empty, MeView, ['settings', 'teammembers']),
  /** Choose who "I" am on this device (null: forget the choice, back to the signed-in member). */
  'team.setMe': mutation(SetMeInput, MeView, ['settings']),

  /** Accounts, people, deals, interaction and workshop notes: prefix and typo tolerant. */
  'search.query': query(SearchInput, SearchView, ['accounts', 'stakeholders', 'opportunities', 'interactions', 'workshopnotes']),

  'accounts.list': query(z.object({ search: z.string().max(200).optional() }).strict(), z.array(AccountSummary), ACCOUNT_READS),
  'accounts.get': query(byId(AccountId), AccountDetail, ACCOUNT_READS),
  /** Every person's journey across the account's deals, with the account's interactions. */
  'accounts.journey': query(byId(AccountId), AccountJourneyView, [...ACCOUNT_READS, 'journeysteps']),
  'accounts.upsert': mutation(AccountInput, Account, ['accounts']),
  /** What deleting the account takes along: its people, deals, interactions, journeys, notes. */
  'accounts.removalImpact': query(byId(AccountId), RemovalImpact, [...ACCOUNT_READS, 'relationships', 'journeysteps', 'workshopnotes']),
  /** Deletes the account and everything of it (see removalImpact); answers what went, for undo. */
  'accounts.remove': mutation(byId(AccountId), Removed, [
    'accounts',
    'stakeholders',
    'relationships',
    'opportunities',
    'interactions',
    'journeysteps',
    'workshopnotes',
  ]),

  'stakeholders.upsert': mutation(StakeholderInput, Stakeholder, ['stakeholders']),
  // A person who leaves takes their relationships along.
  'stakeholders.get': query(byId(StakeholderId), PersonDetail, [...ACCOUNT_READS, 'relationships', 'journeysteps']),
  /** Takes their relationships and deal memberships along; answers what went, for undo. */
  'stakeholders.remove': mutation(byId(StakeholderId), Removed, ['stakeholders', 'relationships', 'opportunities']),

  'buyingGroup.get': query(z.object({ accountId: AccountId }).strict(), BuyingGroupView, [
    'accounts',
    'stakeholders',
    'relationships',
    'opportunities',
    'interactions',
    'teammembers',
  ]),
  'relationships.upsert': mutation(RelationshipInput, Relationship, ['relationships']),
  'relationships.remove': mutation(byId(RelationshipId), Ok, ['relationships']),

  'opportunities.list': query(Empty, z.array(DealListItem), ['opportunities', 'accounts']),
  'opportunities.get': query(byId(OpportunityId), OpportunityDetail, [...ACCOUNT_READS, 'journeysteps', 'workshopnotes']),
  'opportunities.upsert': mutation(OpportunityInput, Opportunity, ['opportunities']),
  'opportunities.setStage': mutation(SetStageInput, Opportunity, ['opportunities']),
  /** Done, snoozed or open again: one next action of a deal, synced with the team. */
  'opportunities.setActionState': mutation(SetActionStateInput, Opportunity, ['opportunities']),
  /** Adds a person to the deal's buying group, changes their deal role, or (role null) takes them out. */
  'opportunities.setMember': mutation(SetMemberInput, Opportunity, ['opportunities']),
  'opportunities.removalImpact': query(byId(OpportunityId), RemovalImpact, [
    'opportunities',
    'interactions',
    'journeysteps',
    'workshopnotes',
  ]),
  /** Deletes the deal with its journey and workshop notes; its interactions stay with the account, unlinked. */
  'opportunities.remove': mutation(byId(OpportunityId), Removed, ['opportunities', 'interactions', 'journeysteps', 'workshopnotes']),

  'interactions.log': mutation(InteractionInput, Interaction, ['interactions']),
  'interactions.update': mutation(InteractionUpdateInput, Interaction, ['interactions']),
  'interactions.remove': mutation(byId(InteractionId), Removed, ['interactions']),

  /** Undo of a delete: writes back, as they were, the records a `*.remove` answered with. */
  'records.restore': mutation(RemovedRecords, Ok, [
    'accounts',
    'stakeholders',
    'relationships',
    'opportunities',
    'interactions',
    'journeysteps',
    'workshopnotes',
  ]),

  'journey.addStep': mutation(JourneyStepInput, JourneyStep, ['journeysteps']),
  'journey.removeStep': mutation(byId(JourneyStepId), Ok, ['journeysteps']),

  'workshop.upsertNote': mutation(WorkshopNoteInput, WorkshopNote, ['workshopnotes']),
  'workshop.removeNote': mutation(byId(WorkshopNoteId), Ok, ['workshopnotes']),

  // Any synced document can carry values kept from a sync conflict.
  'conflicts.list': query(Empty, z.array(KeptConflictView), SYNCED_COLLECTIONS),
  'conflicts.restore': mutation(ConflictRef, Ok, SYNCED_COLLECTIONS),
  'conflicts.dismiss': mutation(ConflictRef, Ok, SYNCED_COLLECTIONS),

  // The sync session (server, account, role) is kept in settings.
  'sync.status': query(Empty, SyncView, ['settings']),
  'sync.connect': mutation(SyncConnectInput, SyncView, ['settings']),
  'sync.disconnect': mutation(Empty, Ok, ['settings']),

  /** Team admin (issue 13): admins of the signed-in team workspace; the server checks the role. */
  'team.admin.members': query(Empty, TeamAdminMembersView, ['settings']),
  'team.admin.invite': mutation(TeamAdminInviteInput, TeamAdminInviteView, []),
  'team.admin.setRole': mutation(TeamAdminSetRoleInput, TeamAdminSetRoleView, []),
  'team.admin.remove': mutation(TeamAdminRemoveInput, TeamAdminRemoveView, []),
  'team.admin.audit': query(TeamAdminAuditInput, TeamAdminAuditView, ['settings']),

  'scoring.forOpportunity': query(ScoringOpportunityInput, OpportunityScoreView, SCORE_READS),
  'scoring.forAccount': query(AccountScoresInput, AccountScoresView, SCORE_READS),
  // `mine` reads who "I" am (settings, teammembers): choosing someone else in Settings refreshes
  // it; items carry their account's name (accounts).
  'scoring.today': query(TodayInput, TodayView, [...SCORE_READS, 'settings', 'teammembers', 'accounts']),
  'scoring.whatIf': query(WhatIfInput, WhatIfView, SCORE_READS),
  'scoring.model': query(Empty, ModelStatusView, SCORE_READS),
  // Training runs on after the answer; new scores arrive as `changed` events on scores.
  'scoring.retrain': mutation(Empty, RetrainView, SCORE_READS),
  'scoring.importHistory': mutation(ImportHistoryInput, ImportHistoryView, SCORE_READS),

  // CRM import wizard and CSV export (src/main/host/handlers/import.ts). A run writes every kind it imports.
  'import.upload': mutation(ImportUploadInput, ImportUploadView, []),
  'import.preview': query(ImportPlanInput, ImportReportView, []),
  'import.run': mutation(ImportPlanInput, ImportRunView, ['accounts', 'stakeholders', 'opportunities', 'interactions', 'teammembers']),
  'import.status': query(RunRef, ImportRunView, []),
  'import.cancel': mutation(RunRef, ImportRunView, []),
  'export.csv': query(ExportCsvInput, ExportCsvView, ['accounts', 'stakeholders', 'opportunities', 'interactions', 'teammembers']),
} as const satisfies Record<string, MethodSpec>;

export type Api = typeof API;
export type MethodName = keyof Api;
export type InputOf<M extends MethodName> = z.input<Api[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Api[M]['output']>;

/** The methods that only read. */
export type QueryName = { [M in MethodName]: Api[M]['kind'] extends 'query' ? M : never }[MethodName];
/** The methods that write. */
export type MutationName = Exclude<MethodName, QueryName>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(API, name);
}

export function isQueryName(name: string): name is QueryName {
  return isMethodName(name) && API[name].kind === 'query';
}

export function isMutationName(name: string): name is MutationName {
  return isMethodName(name) && API[name].kind === 'mutation';
}
