// Pure (shared): the deterministic demo workspace, streamed one account at a time so the L
// size (a million interactions) never sits in memory at once.
import type {
  Account,
  AccountId,
  CollectionName,
  DocOf,
  Interaction,
  InteractionId,
  JourneyStep,
  JourneyStepId,
  OpportunityId,
  Relationship,
  StakeholderId,
  TeamMemberId,
  WorkshopNote,
  WorkshopNoteId,
} from '../domain';
import { buildInteractions } from './activity';
import { buildDeal, type Deal } from './deal';
import { buildJourneys } from './journey';
import { buildOrg } from './org';
import { type AccountPlan, planWorkspace, type WorkspacePlan } from './plan';
import { Rng, hashSeed } from './prng';
import { DAY, DEFAULT_NOW, type SeedSize } from './sizes';
import { buildWorkshopNotes } from './workshop';

/**
 * Raised whenever the same options would generate different documents (2: deals carry stage
 * histories; 3: no two deals of one account share a name; 4: L has 25 enterprise accounts with 60–80 people), so caches of generated workspaces (the benchmarks') know to build afresh.
 */
export const GENERATOR_VERSION = 4;

export interface SeedOptions {
  size: SeedSize;
  seed: number;
  /** "Today" for the workspace; defaults to 2026-11-01 so output never depends on the clock. */
  now?: number;
}

/** The collections the seed writes (everything synced; scores and settings stay empty). */
export type SeedCollection = Exclude<CollectionName, 'scores' | 'settings'>;
export const SEED_COLLECTIONS: readonly SeedCollection[] = [
  'teammembers',
  'accounts',
  'stakeholders',
  'relationships',
  'opportunities',
  'interactions',
  'journeysteps',
  'workshopnotes',
];

export type SeedBatch = {
  [K in SeedCollection]: {
    collection: K;
    docs: DocOf[K][];
    /** Share of the workspace generated once this batch is consumed (0..1), for progress bars. */
    progress: number;
  };
}[SeedCollection];
export type SeedWorkspace = { [K in SeedCollection]: DocOf[K][] };

function validOptions(opts: SeedOptions): number {
  if (!Number.isSafeInteger(opts.seed) || opts.seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${opts.seed}`);
  return opts.now ?? DEFAULT_NOW;
}

function* accountBatches(plan: WorkspacePlan, ap: AccountPlan): Generator<SeedBatch> {
  const before = ap.index / plan.accounts.length;
  const after = (ap.index + 1) / plan.accounts.length;
  // Each account has its own stream, so its documents do not depend on the ones before it.
  const rng = new Rng(hashSeed(plan.seed, 0xacc, ap.index));
  const { tag, now, team } = plan;
  const accountId = `acc_${tag}_${ap.index}` as AccountId;
  const owner = team[ap.ownerIdx]?.id as TeamMemberId;
  const account: Account = {
    id: accountId,
    name: ap.name,
    industry: ap.industry.name,
    region: ap.region.name,
    segment: ap.segment,
    employees: ap.employees,
    website: `https://www.${ap.domain}`,
    ownerId: owner,
    updatedAt: now - rng.int(1, 120) * DAY,
  };
  const org = buildOrg(rng, ap, accountId, tag, now);
  const teamIds = team.map((t) => t.id);
  const authors = team.filter((t) => t.role === 'planner' || t.role === 'facilitator').map((t) => t.id);
  let js = 0;
  let ix = 0;
  let wn = 0;
  const deals: Deal[] = [];
  const interactions: Interaction[] = [];
  const steps: JourneyStep[] = [];
  const notes: WorkshopNote[] = [];
  const dealNames = new Set<string>();
  ap.deals.forEach((dp, d) => {
    const id = `opp_${tag}_${ap.index}_${d}` as OpportunityId;
    const deal = buildDeal(rng, ap, accountId, org.people, dp, id, team[dp.ownerIdx]?.id as TeamMemberId, now, dealNames);
    deals.push(deal);
    const journeys = buildJourneys(rng, deal, accountId, () => `js_${tag}_${ap.index}_${js++}` as JourneyStepId);
    for (const j of journeys) steps.push(...j.steps);
    interactions.push(
      ...buildInteractions(rng, {
        deal,
        journeys,
        accountId,
        team: teamIds,
        nextId: () => `int_${tag}_${ap.index}_${ix++}` as InteractionId,
      }),
    );
    notes.push(
      ...buildWorkshopNotes(
        rng,
        deal,
        accountId,
        authors.length ? authors : teamIds,
        () => `wn_${tag}_${ap.index}_${wn++}` as WorkshopNoteId,
      ),
    );
    // A blocker and a champion in the same deal rarely get along; record it if nobody has.
    const champ = deal.group.find((m) => m.role === 'champion');
    const blocker = deal.group.find((m) => m.role === 'blocker');
    if (
      champ &&
      blocker &&
      !org.relationships.some(
        (r) =>
          r.kind === 'conflicts_with' &&
          ((r.fromId === blocker.person.doc.id && r.toId === champ.person.doc.id) ||
            (r.fromId === champ.person.doc.id && r.toId === blocker.person.doc.id)),
      )
    ) {
      const rel: Relationship = {
        id: org.nextRelId(),
        accountId,
        fromId: blocker.person.doc.id as StakeholderId,
        toId: champ.person.doc.id,
        kind: 'conflicts_with',
        strength: Math.round(rng.float(0.4, 0.9) * 100) / 100,
        source: 'inferred',
        updatedAt: deal.end,
      };
      org.relationships.push(rel);
    }
  });
  yield { collection: 'accounts', docs: [account], progress: before };
  yield { collection: 'stakeholders', docs: org.people.map((p) => p.doc), progress: before };
  yield { collection: 'relationships', docs: org.relationships, progress: before };
  yield { collection: 'opportunities', docs: deals.map((d) => d.doc), progress: before };
  yield { collection: 'interactions', docs: interactions, progress: before };
  yield { collection: 'journeysteps', docs: steps, progress: notes.length ? before : after };
  if (notes.length) yield { collection: 'workshopnotes', docs: notes, progress: after };
}

/**
 * Streams the workspace: team members first, then per account its account, stakeholders,
 * relationships, opportunities, interactions, journey steps and workshop notes (in that order,
 * so every id a document references was yielded before or in the same account's batches).
 */
export function* generateWorkspaceBatches(opts: SeedOptions): Generator<SeedBatch> {
  const now = validOptions(opts);
  const plan = planWorkspace(opts.size, opts.seed, now);
  yield { collection: 'teammembers', docs: plan.team, progress: 0 };
  for (const ap of plan.accounts) yield* accountBatches(plan, ap);
}

/**
 * One account's documents, exactly as the whole workspace would hold them (each account draws
 * from its own stream): a test can check the largest L account without generating a million
 * interactions. Team members come along since the account's documents name them.
 */
export function generateAccount(opts: SeedOptions, accountIndex: number): SeedWorkspace {
  const now = validOptions(opts);
  const plan = planWorkspace(opts.size, opts.seed, now);
  const ap = plan.accounts[accountIndex];
  if (!ap) throw new RangeError(`account index ${accountIndex} is outside 0..${plan.accounts.length - 1} for size ${opts.size}`);
  return collect([{ collection: 'teammembers', docs: plan.team, progress: 0 }, ...accountBatches(plan, ap)]);
}

/** How many people each account of a size gets, by account index (the plan alone: cheap). */
export function peoplePerAccount(opts: SeedOptions): number[] {
  return planWorkspace(opts.size, opts.seed, validOptions(opts)).accounts.map((a) => a.stakeholders);
}

/** The whole workspace in memory: for XS, S and M; stream L with generateWorkspaceBatches. */
export function generateWorkspace(opts: SeedOptions): SeedWorkspace {
  return collect(generateWorkspaceBatches(opts));
}

function collect(batches: Iterable<SeedBatch>): SeedWorkspace {
  const out: SeedWorkspace = {
    teammembers: [],
    accounts: [],
    stakeholders: [],
    relationships: [],
    opportunities: [],
    interactions: [],
    journeysteps: [],
    workshopnotes: [],
  };
  for (const batch of batches) {
    const into = out[batch.collection] as unknown[];
    for (const doc of batch.docs) into.push(doc);
  }
  return out;
}
