// Main process: the 'journey.*' API — where each buyer was in the buying jobs, and when.
import { ApiError } from '@shared/api';
import { journeyStepWindow, type JourneyStep, type Opportunity } from '@shared/domain';
import type { HandlerMap } from '../handler';
import { ensureExists, mustGet, removeDoc, upsertDoc } from '../docs';

/** A journey step lies within the deal's life (shared/domain/journey-dates.ts says what that is). */
function checkStepDate(deal: Opportunity, at: number, now: number): void {
  const [lo, hi] = journeyStepWindow(deal, now);
  if (at >= lo && at <= hi) return;
  const fmt = (t: number) => new Date(t).toISOString().slice(0, 10);
  const why =
    at > hi
      ? deal.status === 'open'
        ? `This deal is expected to close on ${fmt(deal.closeDate)}; a step cannot come after that. Move the close date first.`
        : `This deal closed on ${fmt(deal.closedAt ?? deal.closeDate)}; a step cannot come after that. Pick an earlier date.`
      : `This step is more than a year before the deal was opened (${fmt(deal.createdAt)}). Check the date.`;
  throw new ApiError('DS_API_INVALID_INPUT', why, [{ path: ['at'], message: why }]);
}

export const journeyHandlers: HandlerMap = {
  'journey.addStep': async (input, ctx) => {
    const deal = await mustGet<Opportunity>(ctx.store.opportunities, input.opportunityId, 'Opportunity');
    checkStepDate(deal, input.at, ctx.now());
    await ensureExists(ctx.store.stakeholders, input.stakeholderId, 'Stakeholder');
    return upsertDoc<JourneyStep>(ctx.store.journeysteps, input, ctx, 'jst');
  },
  'journey.removeStep': ({ id }, { store }) => removeDoc(store.journeysteps, id, 'Journey step'),
};
