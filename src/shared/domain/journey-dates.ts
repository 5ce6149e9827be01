// Pure (shared): when a journey step may be dated — within the deal's life. The host refuses
// other dates; the journey chart keeps a click inside the same window.
import type { Opportunity } from './entities';

const DAY = 86_400_000;
/** Buyers research before a deal is opened; a step this long before it is a typo, not research. */
export const RESEARCH_BEFORE_DEAL = 365 * DAY;

/**
 * [earliest, latest] for a step: from a year before the deal was opened to the day it closed;
 * for an open deal to its close date (or today, when that has passed), since a facilitator may
 * sketch where the room expects the group to go before then.
 */
export function journeyStepWindow(
  deal: Pick<Opportunity, 'createdAt' | 'closeDate' | 'status' | 'closedAt'>,
  now: number,
): [number, number] {
  const end = deal.status === 'open' ? Math.max(deal.closeDate, now) : (deal.closedAt ?? deal.closeDate);
  return [deal.createdAt - RESEARCH_BEFORE_DEAL, end + DAY - 1];
}
