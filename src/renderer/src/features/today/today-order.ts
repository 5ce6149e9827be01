// Renderer (pure): Today's list as the seller sees it while working through it. The rules:
//  1. The order is held once the seller has touched the list (a click, a key, the wheel): a
//     logged meeting or an edit that moves a deal's rank does not move its card until the seller
//     moves on (leaves the page or asks for the fresh order). Until then, and over a first open's
//     provisional list, a new ranking is simply shown (`holdFor`). Deals the held order does not
//     know (Show more, a new deal) come after it, in ranked order.
//  2. A card the seller marked done or snoozed leaves at once (`cleared`).
//  3. A card whose odds moved since it was first shown says by how much and why: the factor
//     whose part of the score moved most the same way ("85% → 92%: Economic buyer met"; a factor
//     outside the deal's worded top three by its name, "63% → 70%: economic buyer reached"), or,
//     when a new model scored it (the first open's first scores replaced by the learned model's,
//     a retraining), that: every factor moves then, and naming one would blame the deal.
import type { TodayItemView } from '@shared/api';
import type { z } from 'zod';
import { plural } from '@renderer/lib/format';
import { featureLabel } from '@shared/scoring/workspace/features';

type Item = z.infer<typeof TodayItemView>;

export interface HeldToday {
  order: string[];
  /** Each deal as it was when first shown: what "changed" is measured against. */
  seen: Map<string, Item>;
}

export const holdToday = (items: readonly Item[]): HeldToday => ({
  order: items.map((i) => i.opportunityId),
  seen: new Map(items.map((i) => [i.opportunityId, i])),
});

/**
 * The order to arrange a new ranking by (rule 1): the one held, once the seller has touched the
 * list and unless it was a first open's provisional list; else the new ranking itself.
 */
export function holdFor(
  held: HeldToday | null,
  items: readonly Item[],
  state: { touched: boolean; heldWasProvisional: boolean },
): HeldToday {
  return held && state.touched && !state.heldWasProvisional ? held : holdToday(items);
}

/** The held order with deals it did not know added after it (rule 1); the held value is updated in place. */
export function arrangeToday(held: HeldToday, items: readonly Item[], cleared: ReadonlySet<string>): Item[] {
  const byId = new Map(items.map((i) => [i.opportunityId, i]));
  for (const i of items) {
    if (!held.seen.has(i.opportunityId)) {
      held.order.push(i.opportunityId);
      held.seen.set(i.opportunityId, i);
    }
  }
  const out: Item[] = [];
  for (const id of held.order) {
    const item = byId.get(id as Item['opportunityId']);
    if (item && !cleared.has(id)) out.push(item);
  }
  return out;
}

/** True when the live ranking differs from the held order (the "Refresh order" button shows). */
export function orderMoved(shown: readonly Item[], items: readonly Item[], cleared: ReadonlySet<string>): boolean {
  const live = items.filter((i) => !cleared.has(i.opportunityId));
  return live.some((i, k) => shown[k]?.opportunityId !== i.opportunityId);
}

const pct = (p: number): number => Math.round(p * 100);

/** Rule 3: null when the shown percentage is the same. */
export function whatChanged(before: Item, after: Item): string | null {
  const from = pct(before.probability);
  const to = pct(after.probability);
  if (from === to) return null;
  const a = before.scoredBy;
  const b = after.scoredBy;
  if (a && b && (a.source !== b.source || a.closedDeals !== b.closedDeals)) return `${from}% → ${to}%: ${rescoredWords(b)}`;
  const up = to > from;
  const was = new Map(before.factors.map((f) => [f.feature, f]));
  const now = new Map(after.factors.map((f) => [f.feature, f]));
  let best: { feature: string; delta: number; words: string | null } | null = null;
  for (const feature of new Set([...was.keys(), ...now.keys()])) {
    const delta = (now.get(feature)?.contribution ?? 0) - (was.get(feature)?.contribution ?? 0);
    if (up ? delta <= 0 : delta >= 0) continue;
    const words = now.get(feature)?.words ?? was.get(feature)?.words ?? null;
    // The biggest move that can be said in words; unworded factors only when none can.
    if (
      !best ||
      (words !== null && best.words === null) ||
      ((words !== null) === (best.words !== null) && Math.abs(delta) > Math.abs(best.delta))
    ) {
      best = { feature, delta, words };
    }
  }
  const head = `${from}% → ${to}%`;
  // Only a deal's top three factors each way carry words; a move elsewhere (meeting the economic
  // buyer of a deal whose top three are about its stage and size) is named by its factor.
  return best ? `${head}: ${lowerFirst(best.words ?? featureLabel(best.feature))}` : head;
}

function rescoredWords(by: NonNullable<Item['scoredBy']>): string {
  if (by.source === 'prior') return 'scored from general buying research';
  return `re-estimated by the model learned from ${plural(by.closedDeals, 'closed deal', 'closed deals')} of your team`;
}

const lowerFirst = (s: string): string => (s.length > 1 && s[1] === s[1]!.toLowerCase() ? s[0]!.toLowerCase() + s.slice(1) : s);
