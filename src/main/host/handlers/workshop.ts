// Main process: the 'workshop.*' API — the room's sticky notes on a deal's journey.
import type { WorkshopNote } from '@shared/domain';
import type { HandlerMap } from '../handler';
import { whoAmI } from '../context';
import { ensureExists, removeDoc, upsertDoc } from '../docs';

export const workshopHandlers: HandlerMap = {
  'workshop.upsertNote': async (input, ctx) => {
    await ensureExists(ctx.store.opportunities, input.opportunityId, 'Opportunity');
    const authorId = await whoAmI(ctx, input.authorId);
    const note = { ...input, authorId, createdAt: input.createdAt ?? ctx.now() } as Omit<WorkshopNote, 'id' | 'updatedAt'>;
    return upsertDoc<WorkshopNote>(ctx.store.workshopnotes, note, ctx, 'wsn');
  },
  'workshop.removeNote': ({ id }, { store }) => removeDoc(store.workshopnotes, id, 'Workshop note'),
};
