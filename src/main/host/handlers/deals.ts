// Main process: opportunities, logged interactions, journey steps and workshop notes.
import type {
  Account, Interaction, JourneyStep, Opportunity, Stakeholder, WorkshopNote,
} from '../../../shared/domain';
import { ApiError } from '../../../shared/api';
import type { HandlerMap } from '../handler';
import type { HostContext } from '../context';
import { ensureExists, mustGet, plain, removeDoc, upsertDoc } from '../docs';

async function whoAmI(ctx: HostContext, given: string | undefined): Promise<string> {
  const me = given ?? (await ctx.me());
  if (!me) throw new ApiError('DS_API_INVALID_INPUT', 'Choose who you are in Settings before logging work.');
  return me;
}

export const dealHandlers: HandlerMap = {
  'opportunities.get': async ({ id }, { store }) => {
    const opportunity = await mustGet<Opportunity>(store.opportunities, id, 'Opportunity');
    const memberIds = opportunity.members.map((m) => m.stakeholderId);
    const [account, stakeholders, journey, interactions, notes] = await Promise.all([
      mustGet<Account>(store.accounts, opportunity.accountId, 'Account'),
      store.stakeholders.findByIds(memberIds).exec(),
      store.journeysteps.find({ selector: { opportunityId: id }, sort: [{ opportunityId: 'asc' }, { at: 'asc' }] }).exec(),
      store.interactions
        .find({ selector: { accountId: opportunity.accountId, opportunityId: id }, sort: [{ accountId: 'asc' }, { at: 'asc' }] })
        .exec(),
      store.workshopnotes.find({ selector: { opportunityId: id }, sort: [{ opportunityId: 'asc' }, { createdAt: 'asc' }] }).exec(),
    ]);
    return {
      opportunity,
      account,
      stakeholders: [...stakeholders.values()].map((d) => plain<Stakeholder>(d)),
      journey: journey.map((d) => plain<JourneyStep>(d)),
      interactions: interactions.map((d) => plain<Interaction>(d)),
      notes: notes.map((d) => plain<WorkshopNote>(d)),
    };
  },
  'opportunities.upsert': async (input, ctx) => {
    await ensureExists(ctx.store.accounts, input.accountId, 'Account');
    return upsertDoc<Opportunity>(ctx.store.opportunities, input, ctx, 'opp');
  },
  'interactions.log': async (input, ctx) => {
    await ensureExists(ctx.store.accounts, input.accountId, 'Account');
    if (input.opportunityId) await ensureExists(ctx.store.opportunities, input.opportunityId, 'Opportunity');
    const loggedBy = await whoAmI(ctx, input.loggedBy);
    return upsertDoc<Interaction>(ctx.store.interactions, { ...input, loggedBy } as Omit<Interaction, 'id' | 'updatedAt'>, ctx, 'int');
  },
  'interactions.remove': ({ id }, { store }) => removeDoc(store.interactions, id, 'Interaction'),
  'journey.addStep': async (input, ctx) => {
    await ensureExists(ctx.store.opportunities, input.opportunityId, 'Opportunity');
    await ensureExists(ctx.store.stakeholders, input.stakeholderId, 'Stakeholder');
    return upsertDoc<JourneyStep>(ctx.store.journeysteps, input, ctx, 'jst');
  },
  'journey.removeStep': ({ id }, { store }) => removeDoc(store.journeysteps, id, 'Journey step'),
  'workshop.upsertNote': async (input, ctx) => {
    await ensureExists(ctx.store.opportunities, input.opportunityId, 'Opportunity');
    const authorId = await whoAmI(ctx, input.authorId);
    const note = { ...input, authorId, createdAt: input.createdAt ?? ctx.now() } as Omit<WorkshopNote, 'id' | 'updatedAt'>;
    return upsertDoc<WorkshopNote>(ctx.store.workshopnotes, note, ctx, 'wsn');
  },
  'workshop.removeNote': ({ id }, { store }) => removeDoc(store.workshopnotes, id, 'Workshop note'),
};
