// Pure (shared): deleting and restoring records. A delete answers with everything it took along
// (the cascade), so "Undo" can hand exactly that back to `records.restore`; the confirmation
// before a delete reads the same cascade's counts from `*.removalImpact`.
import { z } from 'zod';
import { Account, BuyingRole, Interaction, JourneyStep, Opportunity, Relationship, Stakeholder, WorkshopNote } from '../domain';
import { OpportunityId, StakeholderId } from '../domain';
import { InteractionInput } from './inputs';

/** Cap per kind: an account bigger than this is refused rather than half-deleted. */
export const REMOVAL_MAX = 5_000;

/**
 * The documents a delete removed or changed, as they were just before. Restoring writes them
 * back as they were (same ids), so links between them hold again.
 */
export const RemovedRecords = z
  .object({
    accounts: z.array(Account).max(1).default([]),
    stakeholders: z.array(Stakeholder).max(REMOVAL_MAX).default([]),
    relationships: z.array(Relationship).max(REMOVAL_MAX).default([]),
    opportunities: z.array(Opportunity).max(REMOVAL_MAX).default([]),
    interactions: z.array(Interaction).max(REMOVAL_MAX).default([]),
    journeysteps: z.array(JourneyStep).max(REMOVAL_MAX).default([]),
    workshopnotes: z.array(WorkshopNote).max(REMOVAL_MAX).default([]),
  })
  .strict();
export type RemovedRecords = z.infer<typeof RemovedRecords>;

export const Removed = z.object({ ok: z.literal(true), removed: RemovedRecords });
export type Removed = z.infer<typeof Removed>;

/** What deleting a record takes along, counted before the user confirms. */
export const RemovalImpact = z.object({
  stakeholders: z.number().int(),
  relationships: z.number().int(),
  opportunities: z.number().int(),
  interactions: z.number().int(),
  journeysteps: z.number().int(),
  workshopnotes: z.number().int(),
});
export type RemovalImpact = z.infer<typeof RemovalImpact>;

/** Puts a person into a deal's buying group with a deal role, changes the role, or (null) takes them out. */
export const SetMemberInput = z
  .object({
    opportunityId: OpportunityId,
    stakeholderId: StakeholderId,
    role: BuyingRole.nullable(),
  })
  .strict();
export type SetMemberInput = z.infer<typeof SetMemberInput>;

/** An edit of a logged interaction: the id and the base the form opened with are required. */
export const InteractionUpdateInput = InteractionInput.extend({
  id: InteractionInput.shape.id.unwrap(),
  base: InteractionInput.shape.base.unwrap(),
});
export type InteractionUpdateInput = z.infer<typeof InteractionUpdateInput>;
