// Main process: the 'workshop.*' API — the room's sticky notes on a deal's journey.
import { ApiError } from '@shared/api';
import { journeyStepWindow, type Opportunity, type WorkshopNote } from '@shared/domain';
import type { HandlerMap } from '../handler';
import { whoAmI } from '../context';
import { mustGet, removeDoc, upsertDoc } from '../docs';

/** A note's time points into the journey, so it lies where a step may (shared/domain/journey-dates.ts). */
function checkNoteDate(deal: Opportunity, at: number, now: number): void {
  const [lo, hi] = journeyStepWindow(deal, now);
  if (at >= lo && at <= hi) return;
  const fmt = (t: number) => new Date(t).toISOString().slice(0, 10);
  const why =
    at > hi
      ? `A note's time cannot be after ${fmt(hi)}, when this deal ${deal.status === 'open' ? 'is expected to close' : 'closed'}. Pick an earlier date or leave the time empty.`
      : `A note's time cannot be more than a year before the deal was opened (${fmt(deal.createdAt)}). Check the date or leave it empty.`;
  throw new ApiError('DS_API_INVALID_INPUT', why, [{ path: ['at'], message: why }]);
}

export const workshopHandlers: HandlerMap = {
  'workshop.upsertNote': async (input, ctx) => {
    const deal = await mustGet<Opportunity>(ctx.store.opportunities, input.opportunityId, 'Opportunity');
    if (input.at !== undefined) checkNoteDate(deal, input.at, ctx.now());
    const authorId = await whoAmI(ctx, input.authorId);
    const note = { ...input, authorId, createdAt: input.createdAt ?? ctx.now() } as Omit<WorkshopNote, 'id' | 'updatedAt'>;
    return upsertDoc<WorkshopNote>(ctx.store.workshopnotes, note, ctx, 'wsn');
  },
  'workshop.removeNote': ({ id }, { store }) => removeDoc(store.workshopnotes, id, 'Workshop note'),
};
