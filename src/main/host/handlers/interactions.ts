// Main process: the 'interactions.*' API — meetings, calls and emails logged against an account.
import type { Interaction } from '@shared/domain';
import type { HandlerMap } from '../handler';
import { whoAmI } from '../context';
import { ensureExists, upsertDoc } from '../docs';

// interactions.remove and interactions.update live with the other record edits (records.ts).
export const interactionHandlers: HandlerMap = {
  'interactions.log': async (input, ctx) => {
    await ensureExists(ctx.store.accounts, input.accountId, 'Account');
    if (input.opportunityId) await ensureExists(ctx.store.opportunities, input.opportunityId, 'Opportunity');
    const loggedBy = await whoAmI(ctx, input.loggedBy);
    return upsertDoc<Interaction>(ctx.store.interactions, { ...input, loggedBy } as Omit<Interaction, 'id' | 'updatedAt'>, ctx, 'int');
  },
};
