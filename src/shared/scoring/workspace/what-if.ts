// Pure (shared): what would change the odds. For an open deal, each suggested action the model
// can see is turned into counterfactual facts (what the deal would look like had it happened
// this week), rescored with the same model and the same feature row builder, and explained with
// the same factors: the what-if's odds ARE the model's score of the modified features, and "no
// change" reproduces the deal's own score exactly.
//
// What an action changes, and only what the model has a feature for:
//   - meet someone (cover a role, re-engage a quiet champion, meet the blocker, multi-thread,
//     agree the next step with someone): one two-way meeting with them today — their engagement,
//     the roles reached, people engaged, two-way share, champion strength, blocker met and days
//     since the last touch all follow, as opportunityFacts would compute them;
//   - find a role nobody holds: a new member in that role, met today;
//   - a person becoming a champion (the map's "if she became a champion"): their stance becomes
//     champion; someone who holds a role the deal needs reached (decision maker, economic buyer,
//     technical evaluator, user) keeps it and counts as the deal's champion too (alsoChampion:
//     the group's size, engagement and tone stay as they are), so "the CEO becomes your
//     champion" does not read as losing the CEO; anyone else (a blocker, an influencer…) takes
//     the champion's role.
// Re-validating requirements and moving a passed close date change nothing the model reads, so
// they get no what-if: an estimate must not pretend to know what its model cannot see.
import { CORE_ROLES, type BuyingRole } from '@shared/domain';
import { noEngagement, type EngagementFacts } from './engagement';
import { buyingGroupFacts, type MemberFacts, type OpportunityFacts } from './facts';
import { FIXED_FEATURES, featureCount, featureLabel, featureRow, type FeatureSpace } from './features';
import { scoreRow, type RowScore, type WorkspaceModel } from './model';
import type { NextBestAction } from '@shared/domain';
import type { PriorParams } from './prior';
import type { ScoredStakeholder } from './state';
import { whatIfTitle } from './what-if-title';

/** Roles a deal needs reached that a person keeps when they also become its champion. */
const KEEPS_ROLE: ReadonlySet<BuyingRole> = new Set(['decision_maker', 'economic_buyer', 'technical_evaluator', 'user']);

/** Weight of one two-way meeting today (engagement.ts: kind meeting 1.0 × direction two-way 1.0, age 0). */
const MEETING_WEIGHT = 1.0;

export type Counterfactual =
  | { kind: 'none' }
  | { kind: 'meet'; stakeholderId: string }
  | { kind: 'add_member'; role: BuyingRole }
  | { kind: 'becomes_champion'; stakeholderId: string };

export interface WhatIfFactor {
  feature: string;
  label: string;
  /** Change of this factor's share of the logit. */
  change: number;
}

export interface WhatIf {
  /** What the seller would do, in words ("Meet economic buyer Carla Finance this week"). */
  title: string;
  change: Counterfactual;
  stakeholderId: string | null;
  from: number;
  to: number;
  /** The factors that moved most, with the same names the deal's explanation uses. */
  factors: WhatIfFactor[];
}

export interface WhatIfContext {
  space: FeatureSpace;
  prior: PriorParams;
  model: WorkspaceModel | null;
}

const met = (e: EngagementFacts, asOf: number): EngagementFacts => ({
  ...e,
  weight: e.weight + MEETING_WEIGHT,
  responsiveWeight: e.responsiveWeight + MEETING_WEIGHT,
  count: e.count + 1,
  responsiveCount: e.responsiveCount + 1,
  lastTouch: asOf,
  lastResponsive: asOf,
  reached: true,
  // A neutral meeting (sentiment 0) moves the weighted mean toward 0, as a logged one would.
  sentiment: e.weight + MEETING_WEIGHT > 0 ? (Number.isNaN(e.sentiment) ? 0 : e.sentiment * e.weight) / (e.weight + MEETING_WEIGHT) : NaN,
});

/** The member-derived facts from `members`, by the same accumulator as opportunityFacts. */
export function withMembers(f: OpportunityFacts, members: MemberFacts[]): OpportunityFacts {
  return { ...f, ...buyingGroupFacts(members, f.asOf) };
}

/** The deal's facts had `change` happened today. */
export function counterfactualFacts(f: OpportunityFacts, change: Counterfactual): OpportunityFacts {
  switch (change.kind) {
    case 'none':
      return withMembers(f, f.members);
    case 'meet': {
      // Every membership of the person (someone can hold two roles) sees the meeting.
      return withMembers(
        f,
        f.members.map((m) => (m.stakeholder?.id === change.stakeholderId ? { ...m, engagement: met(m.engagement, f.asOf) } : m)),
      );
    }
    case 'add_member': {
      const added: MemberFacts = { slot: -1, stakeholder: undefined, role: change.role, engagement: met(noEngagement(), f.asOf) };
      return withMembers(f, [...f.members, added]);
    }
    case 'becomes_champion': {
      const members = f.members.map((m): MemberFacts => {
        if (m.stakeholder?.id !== change.stakeholderId) return m;
        const stakeholder: ScoredStakeholder = { ...m.stakeholder, stance: 'champion' };
        return KEEPS_ROLE.has(m.role) ? { ...m, stakeholder, alsoChampion: true } : { ...m, stakeholder, role: 'champion' };
      });
      return withMembers(f, members);
    }
  }
}

/** The counterfactual an action stands for, or null when the model cannot see what it changes. */
export function counterfactualOf(
  action: Pick<NextBestAction, 'kind' | 'stakeholderId' | 'title'>,
  f: OpportunityFacts,
): Counterfactual | null {
  switch (action.kind) {
    case 'cover_role': {
      if (action.stakeholderId) return { kind: 'meet', stakeholderId: action.stakeholderId };
      // "Find the X": the role nobody holds.
      const missing = CORE_ROLES.find(
        (r) => !f.members.some((m) => m.role === r) && action.title.toLowerCase().includes(r.replace('_', ' ')),
      );
      return missing ? { kind: 'add_member', role: missing } : null;
    }
    case 'champion_quiet':
    case 'meet_blocker':
    case 'multi_thread':
    case 'stale_stage':
      return action.stakeholderId ? { kind: 'meet', stakeholderId: action.stakeholderId } : null;
    case 'revalidate_requirements':
    case 'close_date_passed':
      return null;
  }
}

/** The model's score of these facts, exactly as the deal's own score is computed. */
export function scoreFacts(f: OpportunityFacts, ctx: WhatIfContext): RowScore {
  return scoreRow(featureRow(f, ctx.space, new Float64Array(featureCount(ctx.space))), ctx.space, ctx.prior, ctx.model);
}

const TOP_FACTORS = 3;

/** The odds had `change` happened, with the factors that moved. */
export function whatIf(f: OpportunityFacts, title: string, change: Counterfactual, ctx: WhatIfContext, base = scoreFacts(f, ctx)): WhatIf {
  const after = scoreFacts(counterfactualFacts(f, change), ctx);
  const names = featureNames(ctx.space);
  const factors: WhatIfFactor[] = [];
  for (let j = 0; j < after.contributions.length; j++) {
    const d = after.contributions[j]! - base.contributions[j]!;
    if (Math.abs(d) >= 0.005) factors.push({ feature: names[j]!, label: featureLabel(names[j]!, ctx.space), change: d });
  }
  factors.sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  const stakeholderId = change.kind === 'meet' || change.kind === 'becomes_champion' ? change.stakeholderId : null;
  return { title, change, stakeholderId, from: base.probability, to: after.probability, factors: factors.slice(0, TOP_FACTORS) };
}

/** Column names in featureRow's order. */
function featureNames(space: FeatureSpace): string[] {
  return [...FIXED_FEATURES, ...space.crm.map((c) => `crm:${c.key}`)];
}

/** What-ifs for a deal's suggested actions the model can see, best gain first. */
export function actionWhatIfs(
  f: OpportunityFacts,
  actions: readonly Pick<NextBestAction, 'kind' | 'stakeholderId' | 'title'>[],
  ctx: WhatIfContext,
): WhatIf[] {
  const base = scoreFacts(f, ctx);
  const out: WhatIf[] = [];
  const seen = new Set<string>();
  for (const a of actions) {
    const change = counterfactualOf(a, f);
    if (!change) continue;
    const key = JSON.stringify(change);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(whatIf(f, whatIfTitle(a.title), change, ctx, base));
  }
  return out.sort((a, b) => b.to - a.to);
}
