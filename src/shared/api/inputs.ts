// Pure (shared): what the renderer sends to create or change documents. Ids are optional on
// create; the host stamps updatedAt (informational) and never trusts the caller for it.
import { z } from 'zod';
import { Account, Interaction, JourneyStep, Opportunity, Relationship, Stakeholder, Stage, WorkshopNote } from '../domain';
import { OpportunityId } from '../domain';

const editable = { updatedAt: true, keptConflicts: true } as const;

/**
 * An edit carries `base`: the document's fields as the form saw them when it opened. The host
 * three-way merges (base, current, edit) with the sync merge rules, so a field the form did not
 * change keeps the value another device gave it meanwhile, and a field both changed keeps the
 * form's value in keptConflicts. A field absent from both base and edit is not the form's: it
 * keeps its current value. Without base the call is a create (or the retry of one, by id).
 */
const notKept = { keptConflicts: true } as const;

export const AccountInput = Account.omit(editable).partial({ id: true })
  .extend({ base: Account.omit(notKept).partial().optional() });
export type AccountInput = z.infer<typeof AccountInput>;
export const StakeholderInput = Stakeholder.omit(editable).partial({ id: true })
  .extend({ base: Stakeholder.omit(notKept).partial().optional() });
export type StakeholderInput = z.infer<typeof StakeholderInput>;
export const RelationshipInput = Relationship.omit(editable).partial({ id: true })
  .extend({ base: Relationship.omit(notKept).partial().optional() });
export type RelationshipInput = z.infer<typeof RelationshipInput>;
// The host keeps stageHistory: it appends an entry whenever the stage changes.
export const OpportunityInput = Opportunity.omit({ ...editable, stageHistory: true }).partial({ id: true })
  .extend({ base: Opportunity.omit(notKept).partial().optional() });
export type OpportunityInput = z.infer<typeof OpportunityInput>;
export const InteractionInput = Interaction.omit(editable).partial({ id: true, loggedBy: true })
  .extend({ base: Interaction.omit(notKept).partial().optional() });
export type InteractionInput = z.infer<typeof InteractionInput>;
export const JourneyStepInput = JourneyStep.omit(editable).partial({ id: true })
  .extend({ base: JourneyStep.omit(notKept).partial().optional() });
export type JourneyStepInput = z.infer<typeof JourneyStepInput>;
export const WorkshopNoteInput = WorkshopNote.omit(editable).partial({ id: true, authorId: true, createdAt: true })
  .extend({ base: WorkshopNote.omit(notKept).partial().optional() });
export type WorkshopNoteInput = z.infer<typeof WorkshopNoteInput>;


/** Moves a deal to a stage (forward or back); the host records when. */
export const SetStageInput = z.object({ id: OpportunityId, stage: Stage }).strict();
export type SetStageInput = z.infer<typeof SetStageInput>;
