// Pure (shared): the cold-start model. It needs no closed deals: a stage base rate plus rules
// that every sales methodology agrees on (executive access, a champion, several threads, no
// unmet blocker, no late scope surprise), each a fixed step in logit space. The values are
// judgement, written down before looking at any data and deliberately modest (each rule moves
// the odds by at most ~1.6×), so the learned model has room to take over as deals close.
//
// Exactness: the prior's logit is *defined* as base + Σ contributions, so its explanation sums
// to its logit by construction (pinned in prior.test.ts).
import { STAGES, type Stage } from '@shared/domain';
import { F, featureCount, type FeatureSpace } from './features';

/**
 * Win rate of a deal sitting in each stage. Close to the defaults CRMs ship (Salesforce's
 * stage probabilities run 10% → 90%) but flatter, because those are known to be optimistic:
 * most B2B teams win 20–30% of all qualified deals.
 */
export const STAGE_WIN_RATE: Record<Stage, number> = { qualify: 0.1, discover: 0.17, propose: 0.3, negotiate: 0.48, commit: 0.68 };
/** Overall win rate assumed before any deal closed (the middle of the usual 20–30%). */
export const DEFAULT_WIN_RATE = 0.25;
/** Pseudo-deals at DEFAULT_WIN_RATE that the observed win rate is shrunk towards. */
export const WIN_RATE_PSEUDO_COUNT = 20;

export const logit = (p: number): number => Math.log(p / (1 - p));
export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export interface PriorParams {
  /** Closed deals seen and how many were won: the intercept moves to the team's own win rate. */
  closed: number;
  won: number;
}

export interface LogitExplanation {
  /** Logit with nothing known about the deal. */
  base: number;
  /** Per feature (model feature index), on the logit scale. */
  contributions: Float64Array;
  /** base + Σ contributions. */
  logit: number;
}

export function priorBaseRate(p: PriorParams): number {
  return (p.won + WIN_RATE_PSEUDO_COUNT * DEFAULT_WIN_RATE) / (p.closed + WIN_RATE_PSEUDO_COUNT);
}

/** Yes/no rule: `yes` when the feature is 1, `no` when 0, nothing when unknown (NaN). */
function flag(v: number, yes: number, no: number): number {
  if (Number.isNaN(v)) return 0;
  return v >= 0.5 ? yes : no;
}

const known = (v: number, f: (v: number) => number): number => (Number.isNaN(v) ? 0 : f(v));

export function explainPrior(row: ArrayLike<number>, space: FeatureSpace, params: PriorParams): LogitExplanation {
  const c = new Float64Array(featureCount(space));
  const stageCode = row[F.stage]!;
  const stage = stageCode >= 0 ? STAGES[stageCode] : undefined;
  if (stage) c[F.stage] = logit(STAGE_WIN_RATE[stage]) - logit(DEFAULT_WIN_RATE);
  c[F.dm_reached] = flag(row[F.dm_reached]!, 0.45, -0.35);
  c[F.eb_reached] = flag(row[F.eb_reached]!, 0.3, -0.2);
  c[F.champion_reached] = flag(row[F.champion_reached]!, 0.35, -0.45);
  c[F.champion_strength] = known(row[F.champion_strength]!, (v) => 1.0 * (v - 0.25));
  c[F.tech_reached] = flag(row[F.tech_reached]!, 0.12, -0.08);
  c[F.user_reached] = flag(row[F.user_reached]!, 0.08, -0.04);
  c[F.engaged_members] = known(row[F.engaged_members]!, (v) => 0.12 * (Math.min(8, Math.max(0, v)) - 3));
  c[F.mean_sentiment] = known(row[F.mean_sentiment]!, (v) => 0.35 * v);
  c[F.opponent_share] = known(row[F.opponent_share]!, (v) => -0.6 * v);
  c[F.supporter_share] = known(row[F.supporter_share]!, (v) => 0.3 * (v - 0.3));
  c[F.blocker_unmet] = flag(row[F.blocker_unmet]!, -0.5, 0);
  c[F.late_requirements_loop] = flag(row[F.late_requirements_loop]!, -0.45, 0);
  c[F.days_since_touch] = known(row[F.days_since_touch]!, (v) => (v > 30 ? -0.35 : v > 14 ? -0.15 : 0));
  const base = logit(priorBaseRate(params));
  let sum = base;
  for (let j = 0; j < c.length; j++) sum += c[j]!;
  return { base, contributions: c, logit: sum };
}
