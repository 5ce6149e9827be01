// Main process: deleting records with what goes with them, undoing a delete, deal membership,
// one person's page and editing a logged interaction.
//
// Deletes cascade (the design of issue 15, stated in the confirmation the user reads first):
// - an account takes its people, their relationships, its deals, its interactions and the deals'
//   journey steps and workshop notes;
// - a deal takes its journey steps and workshop notes; its interactions stay with the account
//   (they happened) and lose their link to the deal;
// - a person takes their relationships and their places in deals' buying groups;
// - an interaction takes nothing.
// Every delete answers with the documents as they were before it, so `records.restore` can put
// them back with the same ids (children after parents on delete, parents first on restore).
import type {
  Account,
  AccountId,
  Interaction,
  OpportunityId,
  JourneyStep,
  Opportunity,
  Relationship,
  Stakeholder,
  WorkshopNote,
} from '@shared/domain';
import { ApiError, REMOVAL_MAX, type RemovalImpact, type RemovedRecords } from '@shared/api';
import type { Store } from '@main/store';
import type { HandlerMap } from '../handler';
import type { HostContext } from '../context';
import { ensureExists, mustGet, plain, upsertDoc } from '../docs';

const PERSON_INTERACTIONS = 50;

function empty(): RemovedRecords {
  return { accounts: [], stakeholders: [], relationships: [], opportunities: [], interactions: [], journeysteps: [], workshopnotes: [] };
}

function impactOf(r: RemovedRecords): RemovalImpact {
  return {
    stakeholders: r.stakeholders.length,
    relationships: r.relationships.length,
    opportunities: r.opportunities.length,
    interactions: r.interactions.length,
    journeysteps: r.journeysteps.length,
    workshopnotes: r.workshopnotes.length,
  };
}

function tooBig(r: RemovedRecords): void {
  for (const [kind, docs] of Object.entries(r)) {
    if (docs.length > REMOVAL_MAX) {
      throw new ApiError(
        'DS_API_INVALID_INPUT',
        `This would delete ${docs.length} ${kind} at once, more than ${REMOVAL_MAX}. Delete its deals one by one first.`,
      );
    }
  }
}

/** What deleting the account removes: every document that belongs to it. */
async function accountCascade(store: Store, id: AccountId): Promise<RemovedRecords> {
  const account = await mustGet<Account>(store.accounts, id, 'Account');
  const [stakeholders, relationships, opportunities, interactions] = await Promise.all([
    store.stakeholders.find({ selector: { accountId: id } }).exec(),
    store.relationships.find({ selector: { accountId: id } }).exec(),
    store.opportunities.find({ selector: { accountId: id } }).exec(),
    store.interactions.find({ selector: { accountId: id } }).exec(),
  ]);
  const oppIds = opportunities.map((o) => o.id);
  const [steps, notes] = oppIds.length
    ? await Promise.all([
        store.journeysteps.find({ selector: { opportunityId: { $in: oppIds } } }).exec(),
        store.workshopnotes.find({ selector: { opportunityId: { $in: oppIds } } }).exec(),
      ])
    : [[], []];
  return {
    accounts: [account],
    stakeholders: stakeholders.map((d) => plain<Stakeholder>(d)),
    relationships: relationships.map((d) => plain<Relationship>(d)),
    opportunities: opportunities.map((d) => plain<Opportunity>(d)),
    interactions: interactions.map((d) => plain<Interaction>(d)),
    journeysteps: steps.map((d) => plain<JourneyStep>(d)),
    workshopnotes: notes.map((d) => plain<WorkshopNote>(d)),
  };
}

/** What deleting the deal removes (journey, notes) or changes (its interactions lose the link). */
async function opportunityCascade(store: Store, id: OpportunityId): Promise<RemovedRecords> {
  const opp = await mustGet<Opportunity>(store.opportunities, id, 'Opportunity');
  const [steps, notes, interactions] = await Promise.all([
    store.journeysteps.find({ selector: { opportunityId: id } }).exec(),
    store.workshopnotes.find({ selector: { opportunityId: id } }).exec(),
    store.interactions.find({ selector: { accountId: opp.accountId, opportunityId: id } }).exec(),
  ]);
  return {
    ...empty(),
    opportunities: [opp],
    journeysteps: steps.map((d) => plain<JourneyStep>(d)),
    workshopnotes: notes.map((d) => plain<WorkshopNote>(d)),
    interactions: interactions.map((d) => plain<Interaction>(d)),
  };
}

async function removeAll(store: Store, r: RemovedRecords): Promise<void> {
  // Children before parents, so a crash half-way never leaves a child without its parent.
  await store.journeysteps.bulkRemove(r.journeysteps.map((d) => d.id));
  await store.workshopnotes.bulkRemove(r.workshopnotes.map((d) => d.id));
  await store.interactions.bulkRemove(r.interactions.map((d) => d.id));
  await store.relationships.bulkRemove(r.relationships.map((d) => d.id));
  await store.opportunities.bulkRemove(r.opportunities.map((d) => d.id));
  await store.stakeholders.bulkRemove(r.stakeholders.map((d) => d.id));
  await store.accounts.bulkRemove(r.accounts.map((d) => d.id));
}

export const recordHandlers: HandlerMap = {
  'accounts.removalImpact': async ({ id }, { store }) => impactOf(await accountCascade(store, id)),
  'accounts.remove': async ({ id }, { store }) => {
    const removed = await accountCascade(store, id);
    tooBig(removed);
    await removeAll(store, removed);
    return { ok: true as const, removed };
  },
  'opportunities.removalImpact': async ({ id }, { store }) => {
    const cascade = await opportunityCascade(store, id);
    // Its interactions are unlinked, not deleted: count only what goes.
    return { ...impactOf(cascade), opportunities: 1, interactions: 0 };
  },
  'opportunities.remove': async ({ id }, ctx) => {
    const { store } = ctx;
    const removed = await opportunityCascade(store, id);
    tooBig(removed);
    const at = ctx.now();
    for (const i of removed.interactions) {
      const doc = await store.interactions.findOne(i.id).exec();
      await doc?.incrementalModify((current) => {
        const { opportunityId: _gone, ...rest } = current as Interaction;
        return { ...rest, updatedAt: at } as never;
      });
    }
    await store.journeysteps.bulkRemove(removed.journeysteps.map((d) => d.id));
    await store.workshopnotes.bulkRemove(removed.workshopnotes.map((d) => d.id));
    await store.opportunities.bulkRemove([id]);
    return { ok: true as const, removed };
  },
  'stakeholders.remove': async ({ id }, ctx) => {
    const { store } = ctx;
    const person = await mustGet<Stakeholder>(store.stakeholders, id, 'Stakeholder');
    // A person who leaves the map takes their edges along; dangling edges would draw nowhere.
    const [edges, deals] = await Promise.all([
      store.relationships.find({ selector: { $or: [{ fromId: id }, { toId: id }] } }).exec(),
      store.opportunities.find({ selector: { accountId: person.accountId } }).exec(),
    ]);
    const inDeals = deals.filter((o) => o.members.some((m) => m.stakeholderId === id));
    const removed: RemovedRecords = {
      ...empty(),
      stakeholders: [person],
      relationships: edges.map((d) => plain<Relationship>(d)),
      opportunities: inDeals.map((d) => plain<Opportunity>(d)),
    };
    const at = ctx.now();
    for (const deal of inDeals) {
      await deal.incrementalModify((o) => ({ ...o, members: o.members.filter((m) => m.stakeholderId !== id), updatedAt: at }));
    }
    await store.relationships.bulkRemove(edges.map((e) => e.id));
    await store.stakeholders.bulkRemove([id]);
    return { ok: true as const, removed };
  },
  'interactions.remove': async ({ id }, { store }) => {
    const interaction = await mustGet<Interaction>(store.interactions, id, 'Interaction');
    await store.interactions.bulkRemove([id]);
    return { ok: true as const, removed: { ...empty(), interactions: [interaction] } };
  },
  'records.restore': async (records, ctx) => {
    const { store } = ctx;
    const at = ctx.now();
    // Parents first. Upsert writes over the delete's tombstone with the same id, so links between
    // the restored records (and sync's view of them) hold; updatedAt says when it came back.
    const stamp = <T extends { updatedAt: number }>(docs: T[]) => docs.map((d) => ({ ...d, updatedAt: at }));
    await store.accounts.bulkUpsert(stamp(records.accounts));
    await store.stakeholders.bulkUpsert(stamp(records.stakeholders));
    await store.opportunities.bulkUpsert(stamp(records.opportunities));
    await store.relationships.bulkUpsert(stamp(records.relationships));
    await store.interactions.bulkUpsert(stamp(records.interactions));
    await store.journeysteps.bulkUpsert(stamp(records.journeysteps));
    await store.workshopnotes.bulkUpsert(stamp(records.workshopnotes));
    return { ok: true as const };
  },
  'opportunities.setMember': async ({ opportunityId, stakeholderId, role }, ctx) => {
    const doc = await ctx.store.opportunities.findOne(opportunityId).exec();
    if (!doc) throw new ApiError('DS_NOT_FOUND', `Opportunity ${opportunityId} was not found.`);
    const person = await mustGet<Stakeholder>(ctx.store.stakeholders, stakeholderId, 'Stakeholder');
    if (person.accountId !== doc.accountId) {
      throw new ApiError('DS_API_INVALID_INPUT', `${person.name} works at another account; add people of this deal's account.`);
    }
    const at = ctx.now();
    // One member changes, whatever else another device did to the group meanwhile.
    const written = await doc.incrementalModify((o) => {
      const others = o.members.filter((m) => m.stakeholderId !== stakeholderId);
      const had = o.members.find((m) => m.stakeholderId === stakeholderId);
      const members =
        role === null ? others : had ? o.members.map((m) => (m === had ? { ...m, role } : m)) : [...o.members, { stakeholderId, role }];
      return { ...o, members, updatedAt: at };
    });
    return plain<Opportunity>(written);
  },
  'stakeholders.get': async ({ id }, { store }) => {
    const stakeholder = await mustGet<Stakeholder>(store.stakeholders, id, 'Stakeholder');
    const [account, deals, interactions] = await Promise.all([
      mustGet<Account>(store.accounts, stakeholder.accountId, 'Account'),
      store.opportunities.find({ selector: { accountId: stakeholder.accountId } }).exec(),
      store.interactions.find({ selector: { accountId: stakeholder.accountId }, sort: [{ accountId: 'desc' }, { at: 'desc' }] }).exec(),
    ]);
    return {
      stakeholder,
      account,
      opportunities: deals.filter((o) => o.members.some((m) => m.stakeholderId === id)).map((d) => plain<Opportunity>(d)),
      interactions: interactions
        .filter((i) => i.attendeeIds.includes(id))
        .slice(0, PERSON_INTERACTIONS)
        .map((d) => plain<Interaction>(d)),
    };
  },
  'interactions.update': async (input, ctx: HostContext) => {
    if (input.opportunityId) await ensureExists(ctx.store.opportunities, input.opportunityId, 'Opportunity');
    const existing = await ctx.store.interactions.findOne(input.id).exec();
    if (!existing) throw new ApiError('DS_NOT_FOUND', 'This interaction was deleted, possibly on another device; it was not saved again.');
    return upsertDoc<Interaction>(ctx.store.interactions, input as never, ctx, 'int');
  },
};

/**
 * The record handlers of one namespace, to join that namespace's own module (one module per
 * namespace: deleting, restoring and membership edits belong to accounts.*, opportunities.*,
 * stakeholders.*, interactions.* and records.*; they live together here because they cascade).
 */
export function recordHandlersOf(namespace: string): HandlerMap {
  return Object.fromEntries(Object.entries(recordHandlers).filter(([name]) => name.startsWith(`${namespace}.`))) as HandlerMap;
}
