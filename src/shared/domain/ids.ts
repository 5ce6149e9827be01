// Pure (shared): branded ids keep look-alike strings apart, so a StakeholderId can never be
// passed where an AccountId is expected.
import { z } from 'zod';

const idString = () => z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const AccountId = idString().brand<'AccountId'>();
export type AccountId = z.infer<typeof AccountId>;
export const StakeholderId = idString().brand<'StakeholderId'>();
export type StakeholderId = z.infer<typeof StakeholderId>;
export const RelationshipId = idString().brand<'RelationshipId'>();
export type RelationshipId = z.infer<typeof RelationshipId>;
export const OpportunityId = idString().brand<'OpportunityId'>();
export type OpportunityId = z.infer<typeof OpportunityId>;
export const InteractionId = idString().brand<'InteractionId'>();
export type InteractionId = z.infer<typeof InteractionId>;
export const JourneyStepId = idString().brand<'JourneyStepId'>();
export type JourneyStepId = z.infer<typeof JourneyStepId>;
export const WorkshopNoteId = idString().brand<'WorkshopNoteId'>();
export type WorkshopNoteId = z.infer<typeof WorkshopNoteId>;
export const TeamMemberId = idString().brand<'TeamMemberId'>();
export type TeamMemberId = z.infer<typeof TeamMemberId>;

/** Random, URL-safe, sortable-enough id; crypto.randomUUID exists in Node 20 and every browser. */
export function newId<T extends string>(prefix: string): T {
  return `${prefix}_${globalThis.crypto.randomUUID().replace(/-/g, '')}` as T;
}
