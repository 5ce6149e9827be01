// Pure (shared): the model's feature vector of an opportunity. Fixed features come first (their
// index never moves); the CRM's categorical fields follow, as many as the FeatureSpace learned
// from the data (keys seen on deals or in imported history, each with its most common levels).
import { STAGES } from '@shared/domain';
import type { FeatureInfo } from '../learn';
import type { OpportunityFacts } from './facts';
import { STAGE_INDEX } from './facts';

export const FIXED_FEATURES = [
  'log_amount',
  'age_days',
  'stage',
  'days_in_stage',
  'dm_reached',
  'eb_reached',
  'champion_reached',
  'tech_reached',
  'user_reached',
  'engaged_members',
  'member_count',
  'engagement_total',
  'responsive_share',
  'mean_sentiment',
  'supporter_share',
  'opponent_share',
  'furthest_job',
  'loop_backs',
  'late_requirements_loop',
  'champion_strength',
  'blocker_present',
  'blocker_unmet',
  'days_since_touch',
] as const;
export type FixedFeature = (typeof FIXED_FEATURES)[number];
export const F = Object.fromEntries(FIXED_FEATURES.map((n, i) => [n, i])) as Record<FixedFeature, number>;

/** Plain words for a feature name, used when nothing more specific can be said. */
export const FEATURE_LABEL: Record<FixedFeature, string> = {
  log_amount: 'Deal size',
  age_days: 'Deal age',
  stage: 'Stage',
  days_in_stage: 'Time in stage',
  dm_reached: 'Decision maker reached',
  eb_reached: 'Economic buyer reached',
  champion_reached: 'Champion reached',
  tech_reached: 'Technical evaluator reached',
  user_reached: 'Users reached',
  engaged_members: 'People engaged',
  member_count: 'Buying group size',
  engagement_total: 'Overall engagement',
  responsive_share: 'Two-way share',
  mean_sentiment: 'Sentiment',
  supporter_share: 'Supporters',
  opponent_share: 'Opponents',
  furthest_job: 'Journey progress',
  loop_backs: 'Loop-backs',
  late_requirements_loop: 'Late loop back to requirements',
  champion_strength: 'Champion strength',
  blocker_present: 'Blocker in the group',
  blocker_unmet: 'Blocker not met',
  days_since_touch: 'Days since last touch',
};

export interface CrmFeature {
  key: string;
  levels: string[];
  /**
   * The field's own name as the data spells it most often ("Route To Market" in a CSV,
   * "routeToMarket" on a deal), for people to read. Absent in models saved before it was kept.
   */
  label?: string;
}
export interface FeatureSpace {
  crm: CrmFeature[];
}

const MAX_CRM_KEYS = 8;
const MAX_LEVELS = 30;

/** Normalised CRM key, so "Route To Market" in a CSV meets `routeToMarket` on a deal. */
export function crmKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The CRM keys and levels worth modelling: the most common keys, each with its most common values. */
export function buildFeatureSpace(records: Iterable<Readonly<Record<string, string>> | undefined>): FeatureSpace {
  const counts = new Map<string, Map<string, number>>();
  const names = new Map<string, Map<string, number>>();
  for (const rec of records) {
    for (const [k, v] of Object.entries(rec ?? {})) {
      const key = crmKey(k);
      if (!key || v === '') continue;
      let levels = counts.get(key);
      if (!levels) counts.set(key, (levels = new Map()));
      levels.set(v, (levels.get(v) ?? 0) + 1);
      let spellings = names.get(key);
      if (!spellings) names.set(key, (spellings = new Map()));
      spellings.set(k, (spellings.get(k) ?? 0) + 1);
    }
  }
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const mostCommon = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l]) => l);
  const crm = [...counts.entries()]
    // One value per record (an id) or a single value everywhere carries no signal.
    .filter(([, levels]) => levels.size >= 2 && levels.size <= 200)
    .sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]))
    .slice(0, MAX_CRM_KEYS)
    .map(([key, levels]) => ({ key, levels: mostCommon(levels).slice(0, MAX_LEVELS), label: mostCommon(names.get(key)!)[0]! }));
  return { crm };
}

/**
 * A feature's name for people: fixed features in words, CRM fields by their own name from the
 * data ("CRM: Route To Market"), not by the normalised key the model matches them on.
 */
export function featureLabel(feature: string, space?: FeatureSpace): string {
  if (feature.startsWith('crm:')) {
    const key = feature.slice(4);
    const name = space?.crm.find((c) => c.key === key)?.label;
    return `CRM: ${name ? readableName(name) : key}`;
  }
  return (FEATURE_LABEL as Record<string, string>)[feature] ?? feature;
}

/** A column name reads as it is; an identifier ("routeToMarket", "route_to_market") as words. */
function readableName(name: string): string {
  if (/\s/.test(name)) return name;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

export function featureInfos(space: FeatureSpace): FeatureInfo[] {
  return [
    ...FIXED_FEATURES.map((name): FeatureInfo =>
      name === 'stage' ? { name, kind: 'categorical', levels: STAGES } : { name, kind: 'numeric' },
    ),
    ...space.crm.map((c): FeatureInfo => ({ name: `crm:${c.key}`, kind: 'categorical', levels: c.levels })),
  ];
}

export function featureCount(space: FeatureSpace): number {
  return FIXED_FEATURES.length + space.crm.length;
}

/** CRM codes of a record into `row` after the fixed features; unknown or absent values are -1. */
export function writeCrm(space: FeatureSpace, crm: Readonly<Record<string, string>> | undefined, row: Float64Array): void {
  const byKey = new Map(Object.entries(crm ?? {}).map(([k, v]) => [crmKey(k), v]));
  space.crm.forEach((c, j) => {
    const v = byKey.get(c.key);
    row[FIXED_FEATURES.length + j] = v === undefined ? -1 : c.levels.indexOf(v);
  });
}

const b = (x: boolean): number => (x ? 1 : 0);

export function featureRow(facts: OpportunityFacts, space: FeatureSpace, out?: Float64Array): Float64Array {
  const row = out ?? new Float64Array(featureCount(space));
  const o = facts.opportunity;
  row[F.log_amount] = Math.log1p(o.amount);
  row[F.age_days] = facts.ageDays;
  row[F.stage] = facts.stage === null ? -1 : STAGE_INDEX[facts.stage];
  row[F.days_in_stage] = facts.daysInStage;
  row[F.dm_reached] = b(facts.reached.decision_maker);
  row[F.eb_reached] = b(facts.reached.economic_buyer);
  row[F.champion_reached] = b(facts.reached.champion);
  row[F.tech_reached] = b(facts.reached.technical_evaluator);
  row[F.user_reached] = b(facts.reached.user);
  row[F.engaged_members] = facts.engagedMembers;
  row[F.member_count] = facts.members.length;
  row[F.engagement_total] = facts.totalWeight;
  row[F.responsive_share] = facts.responsiveShare;
  row[F.mean_sentiment] = facts.meanSentiment;
  row[F.supporter_share] = facts.supporterShare;
  row[F.opponent_share] = facts.opponentShare;
  row[F.furthest_job] = facts.furthestJob;
  row[F.loop_backs] = facts.loopBacks;
  row[F.late_requirements_loop] = b(facts.lateRequirementsLoop);
  row[F.champion_strength] = facts.championStrength;
  row[F.blocker_present] = b(facts.blockerPresent);
  row[F.blocker_unmet] = b(facts.blockerPresent && !facts.blockerMet);
  row[F.days_since_touch] = facts.daysSinceTouch;
  writeCrm(space, o.crm, row);
  return row;
}
