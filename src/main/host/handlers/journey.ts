// Main process: the 'journey.*' API — where each buyer was in the buying jobs, and when.
import type { JourneyStep } from '../../../shared/domain';
import type { HandlerMap } from '../handler';
import { ensureExists, removeDoc, upsertDoc } from '../docs';

export const journeyHandlers: HandlerMap = {
  'journey.addStep': async (input, ctx) => {
    await ensureExists(ctx.store.opportunities, input.opportunityId, 'Opportunity');
    await ensureExists(ctx.store.stakeholders, input.stakeholderId, 'Stakeholder');
    return upsertDoc<JourneyStep>(ctx.store.journeysteps, input, ctx, 'jst');
  },
  'journey.removeStep': ({ id }, { store }) => removeDoc(store.journeysteps, id, 'Journey step'),
};
