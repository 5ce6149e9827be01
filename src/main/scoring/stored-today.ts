// Main process: Today without waiting for the scoring worker. Until a launch's worker has read the
// workspace and stored its first full rescore (seconds on a large workspace), Today is answered
// from what the last run stored: its ranking (the `scoring.today` setting, written after every
// full rescore) and the deal scores it ranks. The same items the worker would give for those
// scores; its fresh ones replace them when stored (a scores change refetches Today).
import { OpportunityScorePayload } from '@shared/domain';
import type { TodayItem, TodayRanking } from '@shared/scoring/workspace/engine';
import { scoreDocId } from '@shared/scoring/workspace/engine';
import type { Store } from '../store';
import { readScorePayloads } from '../store/score-payloads';

/** At most this many deals in the stored ranking (the settings value is capped at 5 MB). */
export const STORED_RANKING_MAX = 40_000;

export interface StoredRanking {
  /** False when the ranking was cut at STORED_RANKING_MAX deals. */
  complete: boolean;
  ranking: TodayRanking;
}

export function storedRankingText(ranking: TodayRanking): string {
  const stored: StoredRanking = { complete: ranking.length <= STORED_RANKING_MAX, ranking: ranking.slice(0, STORED_RANKING_MAX) };
  return JSON.stringify(stored);
}

/**
 * Today from the stored ranking and scores, or null when they cannot answer it (nothing stored
 * yet, an unreadable setting, or a cut ranking without enough of this owner's deals).
 */
export async function storedToday(
  store: Store,
  settingId: string,
  limit: number,
  ownerId?: string,
): Promise<{ items: TodayItem[]; total: number } | null> {
  const setting = await store.settings.findOne(settingId).exec();
  if (!setting) return null;
  let stored: StoredRanking;
  try {
    stored = JSON.parse(setting.value) as StoredRanking;
  } catch (err) {
    console.warn('[scoring] ignoring the unreadable stored Today ranking', err);
    return null;
  }
  if (!Array.isArray(stored.ranking)) return null;
  const mine = stored.ranking.filter(([, owner]) => !ownerId || owner === ownerId);
  // Until the worker's first scores: the ranking's count (deals closed since it was stored are
  // in it; the worker's answer, seconds later, counts them right).
  const total = mine.length;
  // A few more than asked: deals closed or deleted since the ranking was stored are skipped.
  const wanted = mine.slice(0, limit * 2 + 10);
  const ids = wanted.map(([id]) => id);
  const [opportunities, scores] = await Promise.all([
    store.opportunities.findByIds(ids).exec(),
    readScorePayloads(
      store,
      ids.map((id) => scoreDocId('opportunity', id)),
    ),
  ]);
  const items: TodayItem[] = [];
  for (const [id, , rank] of wanted) {
    const o = opportunities.get(id);
    const payload = scores.get(scoreDocId('opportunity', id));
    if (!o || o.status !== 'open' || (ownerId && o.ownerId !== ownerId) || payload === undefined) continue;
    const parsed = OpportunityScorePayload.safeParse(JSON.parse(payload));
    if (!parsed.success) continue; // a score stored by an older version: the worker's next one replaces it
    const p = parsed.data;
    items.push({
      opportunityId: o.id,
      opportunityName: o.name,
      accountId: o.accountId,
      ownerId: o.ownerId,
      amount: o.amount,
      currency: o.currency,
      probability: p.probability,
      band: p.band,
      rank,
      action: p.actions[0] ?? null,
    });
    if (items.length === limit) return { items, total };
  }
  // Fewer than asked: right when the ranking holds every deal; a cut one may be missing some.
  return stored.complete ? { items, total: Math.min(total, items.length + Math.max(0, mine.length - wanted.length)) } : null;
}
