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
import { AccountDetail, AccountSummary, BuyingGroupView, OpportunityDetail, WorkspaceInfo } from './views';
import { ConflictRef, KeptConflictView, SyncConnectInput, SyncView } from './sync-views';
import {
  AccountScoresInput, AccountScoresView, ImportHistoryInput, ImportHistoryView, ModelStatusView, OpportunityScoreView,
  RetrainView, ScoringOpportunityInput, TodayInput, TodayView,
} from './scoring-views';
import {
  ExportCsvInput, ExportCsvView, ImportPlanInput, ImportReportView, ImportRunView, ImportUploadInput, ImportUploadView, RunRef,
} from './import-views';

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

  'accounts.list': query(z.object({ search: z.string().max(200).optional() }).strict(), z.array(AccountSummary)),
  'accounts.get': query(byId(AccountId), AccountDetail),
  'accounts.upsert': mutation(AccountInput, Account),

  'stakeholders.upsert': mutation(StakeholderInput, Stakeholder),
  'stakeholders.remove': mutation(byId(StakeholderId), Ok),

  'buyingGroup.get': query(z.object({ accountId: AccountId }).strict(), BuyingGroupView),
  'relationships.upsert': mutation(RelationshipInput, Relationship),
  'relationships.remove': mutation(byId(RelationshipId), Ok),

  'opportunities.get': query(byId(OpportunityId), OpportunityDetail),
  'opportunities.upsert': mutation(OpportunityInput, Opportunity),
  'opportunities.setStage': mutation(SetStageInput, Opportunity),

  'interactions.log': mutation(InteractionInput, Interaction),
  'interactions.remove': mutation(byId(InteractionId), Ok),

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

  // CRM import wizard and CSV export (src/main/host/handlers/import.ts).
  'import.upload': mutation(ImportUploadInput, ImportUploadView),
  'import.preview': query(ImportPlanInput, ImportReportView),
  'import.run': mutation(ImportPlanInput, ImportRunView),
  'import.status': query(RunRef, ImportRunView),
  'import.cancel': mutation(RunRef, ImportRunView),
  'export.csv': query(ExportCsvInput, ExportCsvView),
} as const satisfies Record<string, MethodSpec>;

export type Api = typeof API;
export type MethodName = keyof Api;
export type InputOf<M extends MethodName> = z.input<Api[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Api[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(API, name);
}
