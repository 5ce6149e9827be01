// Pure (shared): the fixed vocabularies of the domain, each with the words the UI shows.
import { z } from 'zod';

export const BUYING_JOBS = [
  'problem_identification',
  'solution_exploration',
  'requirements_building',
  'supplier_selection',
  'validation',
  'consensus_creation',
] as const;
export const BuyingJob = z.enum(BUYING_JOBS);
export type BuyingJob = z.infer<typeof BuyingJob>;
export const BUYING_JOB_LABEL: Record<BuyingJob, string> = {
  problem_identification: 'Problem identification',
  solution_exploration: 'Solution exploration',
  requirements_building: 'Requirements building',
  supplier_selection: 'Supplier selection',
  validation: 'Validation',
  consensus_creation: 'Consensus creation',
};

export const BUYING_ROLES = [
  'decision_maker',
  'economic_buyer',
  'champion',
  'blocker',
  'influencer',
  'technical_evaluator',
  'user',
  'procurement',
  'legal',
  'gatekeeper',
] as const;
export const BuyingRole = z.enum(BUYING_ROLES);
export type BuyingRole = z.infer<typeof BuyingRole>;
export const BUYING_ROLE_LABEL: Record<BuyingRole, string> = {
  decision_maker: 'Decision maker',
  economic_buyer: 'Economic buyer',
  champion: 'Champion',
  blocker: 'Blocker',
  influencer: 'Influencer',
  technical_evaluator: 'Technical evaluator',
  user: 'User',
  procurement: 'Procurement',
  legal: 'Legal',
  gatekeeper: 'Gatekeeper',
};
/** Roles a deal needs someone in; the rest are situational. */
export const CORE_ROLES: readonly BuyingRole[] = ['decision_maker', 'economic_buyer', 'champion', 'technical_evaluator', 'user'];

export const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'] as const;
export const Stance = z.enum(STANCES);
export type Stance = z.infer<typeof Stance>;

export const RELATIONSHIP_KINDS = ['reports_to', 'influences', 'conflicts_with', 'allied_with'] as const;
export const RelationshipKind = z.enum(RELATIONSHIP_KINDS);
export type RelationshipKind = z.infer<typeof RelationshipKind>;

export const STAGES = ['qualify', 'discover', 'propose', 'negotiate', 'commit'] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export const OpportunityStatus = z.enum(OPPORTUNITY_STATUSES);
export type OpportunityStatus = z.infer<typeof OpportunityStatus>;

export const INTERACTION_KINDS = ['meeting', 'call', 'email', 'event', 'content', 'web_visit', 'support_case'] as const;
export const InteractionKind = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKind>;

export const CHANNELS = ['in_person', 'video', 'phone', 'email', 'web', 'event', 'chat'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const DIRECTIONS = ['inbound', 'outbound', 'two_way'] as const;
export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

export const JOURNEY_MOVES = ['start', 'forward', 'loop_back', 'stay'] as const;
export const JourneyMove = z.enum(JOURNEY_MOVES);
export type JourneyMove = z.infer<typeof JourneyMove>;

export const TEAM_ROLES = ['seller', 'planner', 'facilitator', 'manager'] as const;
export const TeamRole = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof TeamRole>;
