// Pure (shared): how engaged a stakeholder is, from the interactions they attended.
//
// Each interaction counts with weight kind × direction × 0.5^(age / HALF_LIFE): a meeting last
// week says more than an opened newsletter last quarter. "Responsive" (what the brief calls
// two-way) means the stakeholder took part rather than just received: a two-way meeting or call,
// or something they sent us (inbound). The 0–100 score saturates, so a handful of recent real
// conversations already reads as well engaged, and piling on emails cannot buy 100.
import type { WorkspaceState } from './state';

export const DAY = 86_400_000;
export const HALF_LIFE_DAYS = 21;
/** A core role counts as reached with at least one responsive interaction in this window. */
export const REACHED_WINDOW_DAYS = 60;
/** Someone who used to respond and has not for this long has "gone quiet". */
export const QUIET_DAYS = 21;
const SCORE_SCALE = 2.5;

// Indexed by KIND_CODE (meeting, call, email, event, content, web_visit, support_case).
const KIND_WEIGHT = [1.0, 0.8, 0.35, 0.5, 0.25, 0.15, 0.3];
// Indexed by DIR_CODE (inbound, outbound, two_way): outbound alone shows our effort, not theirs.
const DIR_WEIGHT = [0.8, 0.3, 1.0];
const OUTBOUND = 1;

export interface EngagementFacts {
  /** Recency-weighted activity (sum of weights). */
  weight: number;
  /** Same, for responsive interactions only. */
  responsiveWeight: number;
  count: number;
  /** Weighted mean sentiment; NaN without interactions. */
  sentiment: number;
  lastTouch: number;
  lastResponsive: number;
  responsiveCount: number;
  /** Responsive within REACHED_WINDOW_DAYS of asOf. */
  reached: boolean;
  /** Recency-free weights in the last 30 days and the 30 before (for the trend). */
  recent30: number;
  previous30: number;
}

/**
 * Engagement of stakeholder slot `s` as of `asOf`. With `oppSlot` >= 0 only interactions of that
 * deal or of no deal count (another deal in the same account is not this deal's engagement).
 */
/** The facts of someone nobody has touched: the start of every tally. */
export const noEngagement = (): EngagementFacts => ({
  weight: 0,
  responsiveWeight: 0,
  count: 0,
  sentiment: NaN,
  lastTouch: -Infinity,
  lastResponsive: -Infinity,
  responsiveCount: 0,
  reached: false,
  recent30: 0,
  previous30: 0,
});

export function engagementOf(state: WorkspaceState, s: number, asOf: number, oppSlot = -1): EngagementFacts {
  const f = noEngagement();
  const list = state.interactionsOf[s];
  if (!list) return f;
  const { at, dir, kind, sentiment, opp } = state;
  const decay = Math.LN2 / (HALF_LIFE_DAYS * DAY);
  let sentSum = 0;
  for (let k = 0; k < list.length; k++) {
    const i = list[k]!;
    const t = at[i]!;
    if (t > asOf) continue;
    if (oppSlot >= 0 && opp[i] !== oppSlot && opp[i] !== -1) continue;
    const age = asOf - t;
    const base = KIND_WEIGHT[kind[i]!]! * DIR_WEIGHT[dir[i]!]!;
    const w = base * Math.exp(-decay * age);
    f.weight += w;
    f.count++;
    sentSum += w * sentiment[i]!;
    if (t > f.lastTouch) f.lastTouch = t;
    if (age <= 30 * DAY) f.recent30 += base;
    else if (age <= 60 * DAY) f.previous30 += base;
    if (dir[i] !== OUTBOUND) {
      f.responsiveWeight += w;
      f.responsiveCount++;
      if (t > f.lastResponsive) f.lastResponsive = t;
      if (age <= REACHED_WINDOW_DAYS * DAY) f.reached = true;
    }
  }
  f.sentiment = f.weight > 0 ? sentSum / f.weight : NaN;
  return f;
}

export function engagementScore(f: EngagementFacts): number {
  return Math.round(100 * (1 - Math.exp(-(f.responsiveWeight + 0.5 * (f.weight - f.responsiveWeight)) / SCORE_SCALE)));
}

export type Trend = 'rising' | 'steady' | 'cooling';

/** Last 30 days against the 30 before; a small absolute margin keeps one email from being a "trend". */
export function trendOf(f: EngagementFacts): Trend {
  if (f.recent30 > f.previous30 * 1.3 + 0.3) return 'rising';
  if (f.recent30 < f.previous30 * 0.7 - 0.3) return 'cooling';
  return 'steady';
}

/** Days since they last responded, when they used to respond and have stopped; else null. */
export function quietDays(f: EngagementFacts, asOf: number): number | null {
  if (f.responsiveCount < 2 || !Number.isFinite(f.lastResponsive)) return null;
  const days = Math.floor((asOf - f.lastResponsive) / DAY);
  return days >= QUIET_DAYS ? days : null;
}
