// Main process: opportunities, logged interactions, journey steps and workshop notes.
import { STAGE_HISTORY_MAX } from '../../../shared/domain';
import type {
  Account, Interaction, JourneyStep, Opportunity, Stage, StageChange, Stakeholder, WorkshopNote,
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

/**
 * The history with the deal entering `stage` at `at`. A deal recorded before histories were kept
 * starts from what is known: its current stage since stageChangedAt. The oldest entries give
 * way when the history is full; the recent path is what scoring and people look at.
 */
function withStage(o: Opportunity, stage: Stage, at: number): StageChange[] {
  const known = o.stageHistory ?? [{ stage: o.stage, at: o.stageChangedAt }];
  return [...known, { stage, at }].slice(-STAGE_HISTORY_MAX);
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
    const existing = input.id ? await ctx.store.opportunities.findOne(input.id).exec() : null;
    const before = existing ? plain<Opportunity>(existing) : null;
    // Moved by this edit: against what the form saw (base), else against the current stage.
    const from = input.base?.stage ?? before?.stage;
    const moved = before !== null && from !== input.stage;
    const stageChangedAt = moved ? ctx.now() : input.stageChangedAt;
    const stageHistory = before
      ? moved ? withStage(before, input.stage, stageChangedAt) : input.base ? input.base.stageHistory : before.stageHistory
      : [{ stage: input.stage, at: input.stageChangedAt }];
    return upsertDoc<Opportunity>(ctx.store.opportunities, { ...input, stageChangedAt, ...(stageHistory ? { stageHistory } : {}) }, ctx, 'opp');
  },
  'opportunities.setStage': async ({ id, stage }, ctx) => {
    const doc = await ctx.store.opportunities.findOne(id).exec();
    if (!doc) throw new ApiError('DS_NOT_FOUND', `Opportunity ${id} was not found.`);
    const before = plain<Opportunity>(doc);
    if (before.stage === stage) return before;
    const at = ctx.now();
    const patched = await doc.incrementalPatch({ stage, stageChangedAt: at, stageHistory: withStage(before, stage, at), updatedAt: at });
    return plain<Opportunity>(patched);
  },
  'interactions.log': async (input, ctx) => {
    await ensureExists(ctx.store.accounts, input.accountId, 'Account');
    if (input.opportunityId) await ensureExists(ctx.store.opportunities, input.opportunityId, 'Opportunity');
    const loggedBy = await whoAmI(ctx, input.loggedBy);
    return upsertDoc<Interaction>(ctx.store.interactions, { ...input, loggedBy } as Omit<Interaction, 'id' | 'updatedAt'>, ctx, 'int');
  },
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
