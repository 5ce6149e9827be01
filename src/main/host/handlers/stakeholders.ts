// Main process: the 'stakeholders.*' API — the people of an account's buying group.
import type { Stakeholder } from '@shared/domain';
import type { HandlerMap } from '../handler';
import { ensureExists, upsertDoc } from '../docs';

// stakeholders.get and stakeholders.remove (which cascades) live with the record edits (records.ts).
export const stakeholderHandlers: HandlerMap = {
  'stakeholders.upsert': async (input, ctx) => {
    await ensureExists(ctx.store.accounts, input.accountId, 'Account');
    return upsertDoc<Stakeholder>(ctx.store.stakeholders, input, ctx, 'stk');
  },
};
