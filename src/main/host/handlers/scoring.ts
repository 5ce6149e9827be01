// Main process: the 'scoring.*' API. Deal scores are read from the local-only `scores` collection
// the worker fills (the same data the UI can subscribe to); what only the worker knows (Today's
// ranking over every deal, one account's people, model status, training, CSV import) is asked of
// it. The service itself is built and closed by createHost (see ../scoring-handle.ts).
import { ApiError, TodayView, type ModelStatusView } from '@shared/api';
import { OpportunityScorePayload, type TeamMemberId } from '@shared/domain';
import { scoreDocId } from '@shared/scoring/workspace/engine';
import { featureLabel } from '@shared/scoring/workspace/features';
import type { WhatIf } from '@shared/scoring/workspace/what-if';
import type { ModelStatus } from '@main/scoring/protocol';
import { TODAY_SETTING, type ScoringService } from '@main/scoring/service';
import { storedToday } from '@main/scoring/stored-today';
import type { HandlerMap } from '../handler';
import { whoIsMe } from '../me';
import type { ScoringHandle } from '../scoring-handle';
import { readScorePayloads, type Store } from '@main/store';

const num = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : v);

/** The Model page's figures with their intervals: the model alone once it scores alone, else the blend. */
function shownOf(which: 'model' | 'blended', v: NonNullable<ModelStatus['model']>['validation']) {
  const i = v.intervals?.[which];
  if (!i) return null;
  return {
    auc: num(which === 'model' ? v.auc : v.blendedAuc),
    aucLo: num(i.auc[0]),
    aucHi: num(i.auc[1]),
    brier: num(i.brier),
    brierLo: num(i.brierCi[0]),
    brierHi: num(i.brierCi[1]),
  };
}

export function modelStatusView(s: ModelStatus | null): ModelStatusView {
  const m = s?.model ?? null;
  const v = m?.validation;
  return {
    source: s?.source ?? 'prior',
    closedDealsAvailable: s?.closedDealsAvailable ?? 0,
    importedHistory: s?.importedHistory ?? 0,
    closedDealsLearned: m?.closedDeals ?? 0,
    modelWeight: m ? (s?.source === 'model' ? 1 : m.closedDeals / (m.closedDeals + m.k)) : 0,
    blendK: m?.k ?? null,
    trainedAt: m?.trainedAt ?? null,
    validation: v
      ? {
          n: v.n,
          auc: num(v.auc),
          logloss: num(v.logloss),
          priorAuc: num(v.priorAuc),
          priorLogloss: num(v.priorLogloss),
          blendedAuc: num(v.blendedAuc),
          blendedLogloss: num(v.blendedLogloss),
          constantLogloss: num(v.constantLogloss),
          shown: shownOf(s?.source === 'model' ? 'model' : 'blended', v),
        }
      : null,
    reliability: (v?.reliability ?? []).map((b) => ({
      lo: b.lo,
      hi: b.hi,
      count: b.count,
      meanPredicted: num(b.meanPredicted),
      observedRate: num(b.observedRate),
    })),
    importance: (m?.importance ?? []).slice(0, 20).map((i) => ({ ...i, label: featureLabel(i.feature, m?.space) })),
    training: s?.training ?? { inProgress: false, fraction: 0, message: 'Scoring is starting', error: null },
  };
}

/**
 * Today's items with each deal's factors, what scored it and its account's name: the page needs
 * nothing else for its first cards (it used to read every account's name, 1.1 MB on L, beside
 * this answer). Factors are read from the stored scores (the listed deals only), so the worker
 * does not keep ~25 contributions for each of thousands of open deals it ranks. `unstored` gives
 * the payload of a listed deal whose score is not stored yet (first open).
 */
async function withFactors<T extends { opportunityId: string; accountId: string }>(
  store: Store,
  items: T[],
  unstored?: (opportunityId: string) => Promise<OpportunityScorePayload | null>,
): Promise<(T & { factors: TodayFactor[]; accountName: string; scoredBy: TodayScoredBy | null })[]> {
  const [stored, accounts] = await Promise.all([
    readScorePayloads(
      store,
      items.map((i) => scoreDocId('opportunity', i.opportunityId)),
    ),
    store.accounts.findByIds([...new Set(items.map((i) => i.accountId))]).exec(),
  ]);
  return Promise.all(
    items.map(async (item) => {
      const text = stored.get(scoreDocId('opportunity', item.opportunityId));
      const parsed = text === undefined ? null : OpportunityScorePayload.safeParse(JSON.parse(text));
      const accountName = accounts.get(item.accountId)?.name ?? '';
      const payload = parsed?.success ? parsed.data : parsed || !unstored ? null : await unstored(item.opportunityId);
      if (!payload) return { ...item, accountName, factors: [], scoredBy: null };
      const words = new Map([...payload.for, ...payload.against].map((f) => [f.feature, f.words]));
      const factors = payload.explanation.contributions.map((c) => ({
        feature: c.feature,
        contribution: c.contribution,
        words: words.get(c.feature) ?? null,
      }));
      return { ...item, accountName, factors, scoredBy: { source: payload.source, closedDeals: payload.closedDeals } };
    }),
  );
}

/** A deal's score computed by the worker now, past the queue of scores being stored (first open). */
async function computedScore(service: ScoringService, id: string): Promise<OpportunityScorePayload | null> {
  return (await service.request({ kind: 'scoreOpportunity', id }, { urgent: true })).payload;
}
type TodayFactor = { feature: string; contribution: number; words: string | null };
type TodayScoredBy = Pick<OpportunityScorePayload, 'source' | 'closedDeals'>;

export function scoringHandlers(scoring: ScoringHandle): HandlerMap {
  return {
    'scoring.forOpportunity': async ({ id }, ctx) => {
      // First scores at once: a score stored by an earlier run is shown right away, before the
      // worker has read the workspace (seconds on a large one); its newer scores replace it as they
      // are stored (the scores collection's change event refetches). Only a deal with no stored
      // score waits for the worker.
      const docId = scoreDocId('opportunity', id);
      const stored = (await readScorePayloads(ctx.store, [docId])).get(docId);
      if (stored !== undefined) {
        const parsed = OpportunityScorePayload.safeParse(JSON.parse(stored));
        if (parsed.success) return parsed.data;
        // A score stored by an older version of the app: the worker's next one replaces it.
      }
      // Not stored: a first open whose first scores are still being stored, a closed deal, a
      // deal created a moment ago. The worker computes it as its rescore does, as soon as it has
      // read the workspace.
      const payload = await computedScore(await scoring.service(), id);
      if (!payload) throw new ApiError('DS_NOT_FOUND', `Opportunity ${id} was not found.`);
      return payload;
    },
    'scoring.forAccount': async ({ accountId }) => {
      const service = await scoring.service();
      await service.ready();
      // Computed by the worker for this account's people when asked (a few ms), not read from
      // stored docs: see StakeholderScoring in the engine for why people's scores are not stored.
      const reply = await service.request({ kind: 'account', accountId });
      const stakeholders = reply.stakeholders.sort((a, b) => b.engagement - a.engagement || a.name.localeCompare(b.name));
      return { accountId, stakeholders };
    },
    'scoring.today': async ({ limit, ownerId: owner, mine }, ctx) => {
      if (mine && owner) throw new ApiError('DS_API_INVALID_INPUT', 'Ask for one member’s deals or for mine, not both.');
      // Started here (the first call that needs it) but not waited for: until the worker's first
      // scores are stored, the last run's ranking and stored scores answer (stored-today.ts), so a
      // relaunch's Today does not wait for the worker to start; only a workspace never scored waits.
      const starting = scoring.service();
      starting.catch(() => undefined); // its error reaches whoever awaits it below
      const me = mine ? await whoIsMe(ctx.store) : null;
      const ownerId = me ? ((me.member?.id as TeamMemberId | undefined) ?? undefined) : owner;
      if (!scoring.current()?.hasFirstScores()) {
        const stored = await storedToday(ctx.store, TODAY_SETTING, limit ?? 20, ownerId);
        if (stored) return TodayView.parse({ items: await withFactors(ctx.store, stored.items), total: stored.total });
      }
      const service = await starting;
      if (!service.hasFirstScores()) {
        // Nothing stored (first open): the worker's ranking right after its first full rescore,
        // while those scores are still being stored; the listed deals' factors computed for them.
        const first = await service.request({ kind: 'today', limit: limit ?? 20, ...(ownerId ? { ownerId } : {}) }, { urgent: true });
        if (!service.hasFirstScores())
          return TodayView.parse({
            items: await withFactors(ctx.store, first.items, (id) => computedScore(service, id)),
            total: first.total,
            provisional: first.provisional === true,
          });
      }
      await service.ready();
      const { items, total } = await service.request({ kind: 'today', limit: limit ?? 20, ...(ownerId ? { ownerId } : {}) });
      // The ranking crosses from the scoring process as plain JSON: parsed here, at that boundary,
      // which also brands its ids for the renderer.
      return TodayView.parse({ items: await withFactors(ctx.store, items), total });
    },
    'scoring.whatIf': async ({ opportunityId, stakeholderId }) => {
      const service = await scoring.service();
      await service.ready();
      const { result } = await service.request({ kind: 'whatIf', opportunityId, ...(stakeholderId ? { stakeholderId } : {}) });
      if (!result) throw new ApiError('DS_NOT_FOUND', `Opportunity ${opportunityId} was not found.`);
      const view = (w: WhatIf) => ({ title: w.title, stakeholderId: w.stakeholderId, from: w.from, to: w.to, factors: w.factors });
      return {
        opportunityId,
        probability: result.probability,
        actions: result.whatIfs.map(view),
        person: result.person ? view(result.person) : null,
      };
    },
    'scoring.model': async (_input) => {
      const service = await scoring.service();
      await service.ready();
      return modelStatusView(service.modelStatus());
    },
    'scoring.retrain': async (_input) => {
      const service = await scoring.service();
      service.retrain();
      return { started: true as const };
    },
    'scoring.importHistory': async (input) => {
      const service = await scoring.service();
      const { imported, skipped, errors } = await service.request({ kind: 'importHistory', ...input });
      return { imported, skipped, errors };
    },
  };
}
