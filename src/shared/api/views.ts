// Pure (shared): the read models the host returns (documents joined and summarised for a screen).
import { z } from 'zod';
import { Account, Interaction, JourneyStep, Opportunity, Relationship, Stakeholder, TeamMember, WorkshopNote } from '../domain';
import { AccountId, OpportunityId, StakeholderId } from '../domain';

export const AccountSummary = z.object({
  id: AccountId,
  name: z.string(),
  industry: z.string(),
  region: z.string(),
  segment: Account.shape.segment,
  stakeholderCount: z.number().int(),
  openOpportunityCount: z.number().int(),
  openPipeline: z.number(),
  lastInteractionAt: z.number().nullable(),
  /** The figures above are still being counted (large workspace just opened); names are final. */
  statsPending: z.boolean(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const AccountDetail = z.object({
  account: Account,
  stakeholders: z.array(Stakeholder),
  opportunities: z.array(Opportunity),
  recentInteractions: z.array(Interaction),
});
export type AccountDetail = z.infer<typeof AccountDetail>;

/** A relationship the interactions suggest (src/shared/buying-group/suggest.ts), with evidence. */
export const SuggestionView = z.object({
  key: z.string(),
  kind: Relationship.shape.kind,
  fromId: StakeholderId,
  toId: StakeholderId,
  evidence: z.string(),
  strength: z.number().min(0).max(1),
});
export type SuggestionView = z.infer<typeof SuggestionView>;

/** Who on our team covers whom, and the gaps (src/shared/buying-group/coverage.ts). */
export const CoverageView = z.object({
  coveredBy: z.record(
    z.string(),
    z.array(z.object({ memberId: z.string(), name: z.string(), meetings: z.number().int(), lastAt: z.number() })),
  ),
  gaps: z.array(
    z.object({
      kind: z.enum(['role_unfilled', 'role_unmet', 'blocker_never_met', 'single_threaded']),
      dealId: z.string().optional(),
      role: Stakeholder.shape.buyingRoles.element.optional(),
      stakeholderIds: z.array(z.string()),
      text: z.string(),
      action: z.string(),
    }),
  ),
});
export type CoverageView = z.infer<typeof CoverageView>;

export const BuyingGroupView = z.object({
  account: Account,
  stakeholders: z.array(Stakeholder),
  relationships: z.array(Relationship),
  opportunities: z.array(Opportunity),
  suggestions: z.array(SuggestionView),
  coverage: CoverageView,
});
export type BuyingGroupView = z.infer<typeof BuyingGroupView>;

export const OpportunityDetail = z.object({
  opportunity: Opportunity,
  account: Account,
  stakeholders: z.array(Stakeholder),
  journey: z.array(JourneyStep),
  interactions: z.array(Interaction),
  notes: z.array(WorkshopNote),
});
export type OpportunityDetail = z.infer<typeof OpportunityDetail>;

/**
 * The account's journey: every person across every deal of the account, each deal's steps, and
 * every interaction of the account (the renderer filters by deal, person, channel and job).
 */
export const AccountJourneyView = z.object({
  account: Account,
  opportunities: z.array(Opportunity),
  stakeholders: z.array(Stakeholder),
  journey: z.array(JourneyStep),
  /** In time order. */
  interactions: z.array(Interaction),
});
export type AccountJourneyView = z.infer<typeof AccountJourneyView>;

/** One line of the deal picker: every deal of the workspace, open ones first. */
export const DealListItem = z.object({
  id: OpportunityId,
  name: z.string(),
  accountId: AccountId,
  accountName: z.string(),
  stage: z.string(),
  status: z.string(),
  amount: z.number(),
  currency: z.string(),
  closeDate: z.number(),
  ownerId: z.string(),
});
export type DealListItem = z.infer<typeof DealListItem>;

export const WorkspaceInfo = z.object({
  name: z.string(),
  dataDirectory: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
  me: TeamMember.nullable(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

/**
 * Whether the workspace file can be read. `damaged`: SQLite found a damaged page (at open, by the
 * check that runs after open, or at a read), or the file is empty or not a Deep Sales workspace;
 * every other call then answers DS_STORE_CORRUPT and the app shows its recovery screen.
 */
export const StoreHealthView = z.object({
  state: z.enum(['ok', 'damaged']),
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** The damaged file, left untouched until a recovery moves it aside. */
  file: z.string().nullable(),
  /** Backups found in the usual folders, newest first (a backup elsewhere can be given by path). */
  backups: z.array(z.object({ file: z.string(), modifiedAt: z.number(), bytes: z.number() })),
  /** The team server this workspace syncs with, when a fresh copy can be pulled from it. */
  team: z.object({ serverUrl: z.string(), workspaceName: z.string() }).nullable(),
});
export type StoreHealthView = z.infer<typeof StoreHealthView>;

export const StoreRecoverInput = z.discriminatedUnion('action', [
  /** Replace the damaged file with this backup (checked first; the damaged file is kept beside it). */
  z.object({ action: z.literal('restore'), file: z.string().min(1).max(4096) }),
  /** Move the damaged file aside and pull the team's workspace afresh with the saved sign-in. */
  z.object({ action: z.literal('pullFromTeam') }),
]);
export type StoreRecoverInput = z.infer<typeof StoreRecoverInput>;

/** One person: who they are, the deals they are in (with their deal role), what they attended. */
export const PersonDetail = z.object({
  stakeholder: Stakeholder,
  account: Account,
  opportunities: z.array(Opportunity),
  /** Most recent first, at most 50. */
  interactions: z.array(Interaction),
});
export type PersonDetail = z.infer<typeof PersonDetail>;
