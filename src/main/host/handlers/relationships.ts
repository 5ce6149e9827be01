// Main process: the 'relationships.*' API — who reports to, influences, backs or opposes whom.
import { ApiError } from '@shared/api';
import type { Relationship, Stakeholder } from '@shared/domain';
import type { HandlerMap } from '../handler';
import { mustGet, removeDoc, upsertDoc } from '../docs';

export const relationshipHandlers: HandlerMap = {
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
