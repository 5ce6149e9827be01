// Main process: stakeholders and the relationships between them (the buying group map).
import type { Account, Interaction, Opportunity, Relationship, Stakeholder } from '../../../shared/domain';
import { suggestRelationships } from '../../../shared/buying-group/suggest';
import { ApiError } from '../../../shared/api';
import type { HandlerMap } from '../handler';
import { ensureExists, mustGet, plain, removeDoc, upsertDoc } from '../docs';

export const peopleHandlers: HandlerMap = {
  'stakeholders.upsert': async (input, ctx) => {
    await ensureExists(ctx.store.accounts, input.accountId, 'Account');
    return upsertDoc<Stakeholder>(ctx.store.stakeholders, input, ctx, 'stk');
  },
  'stakeholders.remove': async ({ id }, { store }) => {
    // A person who leaves the map takes their edges along; dangling edges would draw nowhere.
    const edges = await store.relationships.find({ selector: { $or: [{ fromId: id }, { toId: id }] } }).exec();
    await store.relationships.bulkRemove(edges.map((e) => e.id));
    return removeDoc(store.stakeholders, id, 'Stakeholder');
  },
  'buyingGroup.get': async ({ accountId }, { store }) => {
    const account = await mustGet<Account>(store.accounts, accountId, 'Account');
    const [stakeholders, relationships, opportunities, interactions] = await Promise.all([
      store.stakeholders.find({ selector: { accountId }, sort: [{ accountId: 'asc' }, { name: 'asc' }] }).exec(),
      store.relationships.find({ selector: { accountId }, sort: [{ accountId: 'asc' }, { id: 'asc' }] }).exec(),
      store.opportunities.find({ selector: { accountId }, sort: [{ accountId: 'asc' }, { closeDate: 'desc' }] }).exec(),
      store.interactions.find({ selector: { accountId }, sort: [{ accountId: 'asc' }, { at: 'asc' }] }).exec(),
    ]);
    const people = stakeholders.map((d) => plain<Stakeholder>(d));
    const rels = relationships.map((d) => plain<Relationship>(d));
    return {
      account,
      stakeholders: people,
      relationships: rels,
      opportunities: opportunities.map((d) => plain<Opportunity>(d)),
      // The map's ghost edges: what the logged meetings and titles suggest (pure, in shared).
      suggestions: suggestRelationships(people, rels, interactions.map((d) => plain<Interaction>(d))),
    };
  },
  'relationships.upsert': async (input, ctx) => {
    if (input.fromId === input.toId) throw new ApiError('DS_API_INVALID_INPUT', 'A person cannot relate to themselves.');
    const [from, to] = await Promise.all([
      mustGet<Stakeholder>(ctx.store.stakeholders, input.fromId, 'Stakeholder'),
      mustGet<Stakeholder>(ctx.store.stakeholders, input.toId, 'Stakeholder'),
    ]);
    if (from.accountId !== input.accountId || to.accountId !== input.accountId) {
      throw new ApiError('DS_API_INVALID_INPUT', 'Both people must belong to the account of the relationship.');
    }
    return upsertDoc<Relationship>(ctx.store.relationships, input, ctx, 'rel');
  },
  'relationships.remove': ({ id }, { store }) => removeDoc(store.relationships, id, 'Relationship'),
};
