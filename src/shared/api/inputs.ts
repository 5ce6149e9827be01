// Pure (shared): what the renderer sends to create or change documents. Ids are optional on
// create; the host stamps updatedAt (informational) and never trusts the caller for it.
import { z } from 'zod';
import { Account, Interaction, JourneyStep, Millis, Opportunity, Relationship, Stakeholder, Stage, WorkshopNote } from '../domain';
import { OpportunityId, TeamMember, TeamMemberId } from '../domain';

const editable = { updatedAt: true, keptConflicts: true } as const;

/**
 * An edit carries `base`: the document's fields as the form saw them when it opened. The host
 * three-way merges (base, current, edit) with the sync merge rules, so a field the form did not
 * change keeps the value another device gave it meanwhile, and a field both changed keeps the
 * form's value in keptConflicts. A field absent from both base and edit is not the form's: it
 * keeps its current value. Without base the call is a create (or the retry of one, by id).
 */
const notKept = { keptConflicts: true } as const;

export const AccountInput = Account.omit(editable)
  .partial({ id: true })
  .extend({ base: Account.omit(notKept).partial().optional() });
export type AccountInput = z.infer<typeof AccountInput>;
export const StakeholderInput = Stakeholder.omit(editable)
  .partial({ id: true })
  .extend({ base: Stakeholder.omit(notKept).partial().optional() });
export type StakeholderInput = z.infer<typeof StakeholderInput>;
export const RelationshipInput = Relationship.omit(editable)
  .partial({ id: true })
  .extend({ base: Relationship.omit(notKept).partial().optional() });
export type RelationshipInput = z.infer<typeof RelationshipInput>;
// The host keeps stageHistory: it appends an entry whenever the stage changes. actionStates are
// set one action at a time (opportunities.setActionState), never by a whole-deal edit.
export const OpportunityInput = Opportunity.omit({ ...editable, stageHistory: true, actionStates: true })
  .partial({ id: true })
  // Not in base either: a form that saw them and sent none back would otherwise erase them.
  .extend({
    base: Opportunity.omit({ ...notKept, actionStates: true })
      .partial()
      .optional(),
  });
export type OpportunityInput = z.infer<typeof OpportunityInput>;
export const InteractionInput = Interaction.omit(editable)
  .partial({ id: true, loggedBy: true })
  .extend({ base: Interaction.omit(notKept).partial().optional() });
export type InteractionInput = z.infer<typeof InteractionInput>;
export const JourneyStepInput = JourneyStep.omit(editable)
  .partial({ id: true })
  .extend({ base: JourneyStep.omit(notKept).partial().optional() });
export type JourneyStepInput = z.infer<typeof JourneyStepInput>;
export const WorkshopNoteInput = WorkshopNote.omit(editable)
  .partial({ id: true, authorId: true, createdAt: true })
  .extend({ base: WorkshopNote.omit(notKept).partial().optional() });
export type WorkshopNoteInput = z.infer<typeof WorkshopNoteInput>;

/** Moves a deal to a stage (forward or back); the host records when. */
export const SetStageInput = z.object({ id: OpportunityId, stage: Stage }).strict();
/** Mark one of a deal's next actions (named by actionKey) done, snoozed until `until`, or open again. */
export const SetActionStateInput = z
  .object({
    opportunityId: OpportunityId,
    key: z.string().min(1).max(120),
    state: z.enum(['done', 'snoozed', 'open']),
    until: Millis.optional(),
  })
  .strict()
  .refine((v) => v.state !== 'snoozed' || v.until !== undefined, { message: 'A snooze needs the time it ends (until).', path: ['until'] });
export type SetActionStateInput = z.infer<typeof SetActionStateInput>;
export type SetStageInput = z.infer<typeof SetStageInput>;

export const SetMeInput = z.object({ memberId: TeamMemberId.nullable() }).strict();
export type SetMeInput = z.infer<typeof SetMeInput>;
export const MeView = z.object({
  member: TeamMember.nullable(),
  /** How the member is known: chosen in Settings, or the signed-in team account's e-mail. */
  source: z.enum(['chosen', 'signed-in']).nullable(),
});
export type MeView = z.infer<typeof MeView>;
