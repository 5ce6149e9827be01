// Pure (shared): branded ids keep look-alike strings apart, so a StakeholderId can never be
// passed where an AccountId is expected.
import { z } from 'zod';

const idString = () =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/);

export const AccountId = idString().brand<'AccountId', 'inout'>();
export type AccountId = z.infer<typeof AccountId>;
export const StakeholderId = idString().brand<'StakeholderId', 'inout'>();
export type StakeholderId = z.infer<typeof StakeholderId>;
export const RelationshipId = idString().brand<'RelationshipId', 'inout'>();
export type RelationshipId = z.infer<typeof RelationshipId>;
export const OpportunityId = idString().brand<'OpportunityId', 'inout'>();
export type OpportunityId = z.infer<typeof OpportunityId>;
export const InteractionId = idString().brand<'InteractionId', 'inout'>();
export type InteractionId = z.infer<typeof InteractionId>;
export const JourneyStepId = idString().brand<'JourneyStepId', 'inout'>();
export type JourneyStepId = z.infer<typeof JourneyStepId>;
export const WorkshopNoteId = idString().brand<'WorkshopNoteId', 'inout'>();
export type WorkshopNoteId = z.infer<typeof WorkshopNoteId>;
export const TeamMemberId = idString().brand<'TeamMemberId', 'inout'>();
export type TeamMemberId = z.infer<typeof TeamMemberId>;

/** Random, URL-safe, sortable-enough id; crypto.randomUUID exists in Node 20 and every browser. */
export function newId<T extends string>(prefix: string): T {
  return `${prefix}_${globalThis.crypto.randomUUID().replace(/-/g, '')}` as T;
}
