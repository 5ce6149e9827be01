// Main process: the 'interactions.*' API — meetings, calls and emails logged against an account.
import type { Interaction } from '../../../shared/domain';
import type { HandlerMap } from '../handler';
import { whoAmI } from '../context';
import { ensureExists, removeDoc, upsertDoc } from '../docs';

export const interactionHandlers: HandlerMap = {
  'interactions.log': async (input, ctx) => {
    await ensureExists(ctx.store.accounts, input.accountId, 'Account');
    if (input.opportunityId) await ensureExists(ctx.store.opportunities, input.opportunityId, 'Opportunity');
    const loggedBy = await whoAmI(ctx, input.loggedBy);
    return upsertDoc<Interaction>(ctx.store.interactions, { ...input, loggedBy } as Omit<Interaction, 'id' | 'updatedAt'>, ctx, 'int');
  },
  'interactions.remove': ({ id }, { store }) => removeDoc(store.interactions, id, 'Interaction'),
};
