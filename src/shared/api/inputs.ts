// Pure (shared): what the renderer sends to create or change documents. Ids are optional on
// create; the host stamps updatedAt (informational) and never trusts the caller for it.
import { z } from 'zod';
import { Account, Interaction, JourneyStep, Opportunity, Relationship, Stakeholder, Stage, WorkshopNote } from '../domain';
import { OpportunityId } from '../domain';

const editable = { updatedAt: true, keptConflicts: true } as const;

export const AccountInput = Account.omit(editable).partial({ id: true });
export type AccountInput = z.infer<typeof AccountInput>;
export const StakeholderInput = Stakeholder.omit(editable).partial({ id: true });
export type StakeholderInput = z.infer<typeof StakeholderInput>;
export const RelationshipInput = Relationship.omit(editable).partial({ id: true });
export type RelationshipInput = z.infer<typeof RelationshipInput>;
// The host keeps stageHistory: it appends an entry whenever the stage changes.
export const OpportunityInput = Opportunity.omit({ ...editable, stageHistory: true }).partial({ id: true });
export type OpportunityInput = z.infer<typeof OpportunityInput>;
export const InteractionInput = Interaction.omit(editable).partial({ id: true, loggedBy: true });
export type InteractionInput = z.infer<typeof InteractionInput>;
export const JourneyStepInput = JourneyStep.omit(editable).partial({ id: true });
export type JourneyStepInput = z.infer<typeof JourneyStepInput>;
export const WorkshopNoteInput = WorkshopNote.omit(editable).partial({ id: true, authorId: true, createdAt: true });
export type WorkshopNoteInput = z.infer<typeof WorkshopNoteInput>;


/** Moves a deal to a stage (forward or back); the host records when. */
export const SetStageInput = z.object({ id: OpportunityId, stage: Stage }).strict();
export type SetStageInput = z.infer<typeof SetStageInput>;
