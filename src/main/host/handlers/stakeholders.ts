// Main process: the 'stakeholders.*' API — the people of an account's buying group.
import type { Stakeholder } from '../../../shared/domain';
import { relationshipsTouching } from '../../store';
import type { HandlerMap } from '../handler';
import { ensureExists, removeDoc, upsertDoc } from '../docs';

export const stakeholderHandlers: HandlerMap = {
  'stakeholders.upsert': async (input, ctx) => {
    await ensureExists(ctx.store.accounts, input.accountId, 'Account');
    return upsertDoc<Stakeholder>(ctx.store.stakeholders, input, ctx, 'stk');
  },
  'stakeholders.remove': async ({ id }, { store }) => {
    // A person who leaves the map takes their edges along; dangling edges would draw nowhere.
    const edges = await relationshipsTouching(store, id);
    await store.relationships.bulkRemove(edges.map((e) => e.id));
    return removeDoc(store.stakeholders, id, 'Stakeholder');
  },
};
