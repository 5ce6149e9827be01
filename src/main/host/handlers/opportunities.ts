// Main process: the 'opportunities.*' API — one deal with everything its pages show, its edits,
// and its stage history.
import { ApiError } from '@shared/api';
import {
  STAGE_HISTORY_MAX,
  withActionState,
  type Account,
  type Interaction,
  type JourneyStep,
  type Opportunity,
  type Stage,
  type StageChange,
  type Stakeholder,
  type WorkshopNote,
} from '@shared/domain';
import { interactionsOfOpportunity, journeyOfOpportunity, notesOfOpportunity } from '@main/store';
import type { HandlerMap } from '../handler';
import { ensureExists, mustGet, plain, upsertDoc } from '../docs';
import { whoAmI } from '../context';

/**
 * The history with the deal entering `stage` at `at`. A deal recorded before histories were kept
 * starts from what is known: its current stage since stageChangedAt. The oldest entries give
 * way when the history is full; the recent path is what scoring and people look at.
 */
function withStage(o: Opportunity, stage: Stage, at: number): StageChange[] {
  const known = o.stageHistory ?? [{ stage: o.stage, at: o.stageChangedAt }];
  return [...known, { stage, at }].slice(-STAGE_HISTORY_MAX);
}

export const opportunityHandlers: HandlerMap = {
  'opportunities.list': async (_input, { store }) => {
    const [deals, accounts] = await Promise.all([store.opportunities.find().exec(), store.accounts.find().exec()]);
    const names = new Map(accounts.map((a) => [a.id as string, a.name]));
    return deals
      .map((d) => plain<Opportunity>(d))
      .map((o) => ({
        id: o.id,
        name: o.name,
        accountId: o.accountId,
        accountName: names.get(o.accountId) ?? '',
        stage: o.stage,
        status: o.status,
        amount: o.amount,
        currency: o.currency,
        closeDate: o.closeDate,
        ownerId: o.ownerId,
      }))
      .sort(
        (a, b) => Number(a.status !== 'open') - Number(b.status !== 'open') || a.closeDate - b.closeDate || a.name.localeCompare(b.name),
      );
  },
  'opportunities.get': async ({ id }, { store }) => {
    const opportunity = await mustGet<Opportunity>(store.opportunities, id, 'Opportunity');
    const memberIds = opportunity.members.map((m) => m.stakeholderId);
    const [account, stakeholders, journey, interactions, notes] = await Promise.all([
      mustGet<Account>(store.accounts, opportunity.accountId, 'Account'),
      store.stakeholders.findByIds(memberIds).exec(),
      journeyOfOpportunity(store, id),
      interactionsOfOpportunity(store, opportunity.accountId, id),
      notesOfOpportunity(store, id),
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
      ? moved
        ? withStage(before, input.stage, stageChangedAt)
        : input.base
          ? input.base.stageHistory
          : before.stageHistory
      : [{ stage: input.stage, at: input.stageChangedAt }];
    return upsertDoc<Opportunity>(
      ctx.store.opportunities,
      { ...input, stageChangedAt, ...(stageHistory ? { stageHistory } : {}) },
      ctx,
      'opp',
    );
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
  'opportunities.setActionState': async ({ opportunityId, key, state, until }, ctx) => {
    const doc = await ctx.store.opportunities.findOne(opportunityId).exec();
    if (!doc) throw new ApiError('DS_NOT_FOUND', `Opportunity ${opportunityId} was not found.`);
    const at = ctx.now();
    if (state === 'snoozed' && until! <= at)
      throw new ApiError('DS_API_INVALID_INPUT', 'A snooze must end later than now; pick a later time.');
    const by = await whoAmI(ctx, undefined);
    // incrementalModify: a sync write landing between read and write is not lost.
    const written = await doc.incrementalModify((current) => ({
      ...current,
      actionStates: withActionState(
        current.actionStates,
        key,
        state === 'open' ? null : { state, at, by, ...(state === 'snoozed' ? { until: until! } : {}) },
      ),
      updatedAt: at,
    }));
    return plain<Opportunity>(written);
  },
};
