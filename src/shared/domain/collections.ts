// Pure (shared): the store's collections. Ten in all: the free RxDB allows 13 open at once.
import type { z } from 'zod';
import {
  Account,
  Interaction,
  JourneyStep,
  LocalSetting,
  Opportunity,
  Relationship,
  ScoreDoc,
  Stakeholder,
  TeamMember,
  WorkshopNote,
} from './entities';

export interface CollectionSpec {
  schema: z.ZodObject;
  /** RxDB indexes (each a field or a compound). */
  indexes: (string | string[])[];
  /** Synced with the team server; local-only collections stay on this device. */
  synced: boolean;
  /**
   * RxDB schema version of this collection, raised when its shape changes, with one migration
   * strategy per raised version in `migrations` (the migration-schema plugin runs them on open).
   * Per collection, so changing one shape never copies the million interactions of another.
   */
  version?: number;
  migrations?: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>;
}

/**
 * Opportunities v1 added the optional stageHistory; v2 (and v1 of accounts, stakeholders,
 * interactions, team members) the optional import `source`; stakeholders v1 also the map's
 * mapPosition and dismissedSuggestions (issue 17); workshop notes v1 the optional `at` (the time
 * a note points at, issue 18); opportunities v3 the optional `actionStates` (done and snoozed
 * next actions, issue 15). Documents written before are valid
 * as they are. Interactions pay one copy of their table on first open after the upgrade.
 */
const unchanged = (doc: Record<string, unknown>) => doc;

export const COLLECTIONS = {
  accounts: { schema: Account, indexes: ['name'], synced: true, version: 1, migrations: { 1: unchanged } },
  stakeholders: { schema: Stakeholder, indexes: [['accountId', 'name']], synced: true, version: 1, migrations: { 1: unchanged } },
  relationships: { schema: Relationship, indexes: [['accountId', 'id']], synced: true },
  opportunities: {
    schema: Opportunity,
    indexes: [
      ['accountId', 'closeDate'],
      ['status', 'closeDate'],
    ],
    synced: true,
    version: 3,
    migrations: { 1: unchanged, 2: unchanged, 3: unchanged },
  },
  // Every index costs each write; interactions are the bulk of the data, so only what queries use.
  interactions: { schema: Interaction, indexes: [['accountId', 'at']], synced: true, version: 1, migrations: { 1: unchanged } },
  journeysteps: { schema: JourneyStep, indexes: [['opportunityId', 'at']], synced: true },
  workshopnotes: {
    schema: WorkshopNote,
    indexes: [['opportunityId', 'createdAt']],
    synced: true,
    version: 1,
    migrations: { 1: unchanged },
  },
  teammembers: { schema: TeamMember, indexes: [], synced: true, version: 1, migrations: { 1: unchanged } },
  scores: {
    schema: ScoreDoc,
    indexes: [
      ['subjectType', 'subjectId'],
      ['accountId', 'subjectType'],
    ],
    synced: false,
  },
  settings: { schema: LocalSetting, indexes: [], synced: false },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
export const SYNCED_COLLECTIONS = COLLECTION_NAMES.filter((n) => COLLECTIONS[n].synced);

export interface DocOf {
  accounts: Account;
  stakeholders: Stakeholder;
  relationships: Relationship;
  opportunities: Opportunity;
  interactions: Interaction;
  journeysteps: JourneyStep;
  workshopnotes: WorkshopNote;
  teammembers: TeamMember;
  scores: ScoreDoc;
  settings: LocalSetting;
}
