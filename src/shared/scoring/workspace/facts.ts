// Pure (shared): what we know about one opportunity as of a moment — per-member engagement,
// role coverage, stance mix, journey shape. Features, the prior, next best actions and the
// explanation words all read these facts, so they can never disagree with each other.
//
// No leakage: a closed deal is looked at as of `trainingAsOf` (a point inside its life), never
// at its end. Interactions, journey steps and stage changes after asOf are ignored. Stage and
// time in stage come from the deal's stageHistory (the entries up to asOf), so the learned model
// can use them. A closed deal recorded before histories were kept has only its stage *at close*
// (a won deal is always "commit"); for it stage and time in stage are missing, because even "the
// stage had not changed since asOf" leaks: whether it changed later depends on the outcome.
import { BUYING_JOBS, STAGES, type BuyingRole, type Stage } from '@shared/domain';
import { DAY, engagementOf, type EngagementFacts } from './engagement';
import { JOB_INDEX, MOVE_CODE, type ScoredOpportunity, type ScoredStakeholder, type WorkspaceState } from './state';

export interface MemberFacts {
  slot: number;
  stakeholder: ScoredStakeholder | undefined;
  role: BuyingRole;
  engagement: EngagementFacts;
  /**
   * Counted as the deal's champion as well as in `role` (what-if.ts: a decision maker who becomes
   * a champion keeps that role). Never set for a deal as it is.
   */
  alsoChampion?: boolean;
}

export interface OpportunityFacts {
  slot: number;
  opportunity: ScoredOpportunity;
  asOf: number;
  /** Stage as of asOf; null when unknown (see header). */
  stage: Stage | null;
  daysInStage: number;
  ageDays: number;
  members: MemberFacts[];
  /** Core roles with a reached member. */
  reached: Record<'decision_maker' | 'economic_buyer' | 'champion' | 'technical_evaluator' | 'user', boolean>;
  engagedMembers: number;
  totalWeight: number;
  responsiveShare: number;
  meanSentiment: number;
  supporterShare: number;
  opponentShare: number;
  furthestJob: number;
  loopBacks: number;
  /** Looped back to requirements (or earlier) after reaching supplier selection. */
  lateRequirementsLoop: boolean;
  lateLoopStakeholderId: string | null;
  championStrength: number;
  blockerPresent: boolean;
  blockerMet: boolean;
  daysSinceTouch: number;
}

const SUPPORT = new Set(['champion', 'supporter']);
const OPPOSE = new Set(['opponent', 'skeptic']);
const REQUIREMENTS = JOB_INDEX.requirements_building;
const SELECTION = JOB_INDEX.supplier_selection;

/** Where in a closed deal's life we look at it: 40–90% of the way, fixed per deal by its id. */
export function trainingAsOf(o: ScoredOpportunity): number {
  const end = o.closedAt ?? o.closeDate;
  const life = Math.max(0, end - o.createdAt);
  const u = 0.4 + 0.5 * hashUnit(o.id);
  return Math.round(Math.min(o.createdAt + u * life, end - DAY));
}

/** A stable number in [0, 1) from a string (FNV-1a). */
export function hashUnit(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

/** The stage the deal was in at asOf and since when; null when that is not known (see header). */
export function stageAsOf(o: ScoredOpportunity, asOf: number): { stage: Stage; since: number } | null {
  const history = o.stageHistory;
  if (history && history.length > 0) {
    let current: { stage: Stage; at: number } | null = null;
    for (const change of history) {
      if (change.at > asOf) break;
      current = change;
    }
    return current ? { stage: current.stage, since: current.at } : null;
  }
  return o.status === 'open' ? { stage: o.stage, since: o.stageChangedAt } : null;
}

export function opportunityFacts(state: WorkspaceState, slot: number, asOf: number): OpportunityFacts | null {
  const o = state.opportunities[slot];
  if (!o) return null;
  const stageNow = stageAsOf(o, asOf);
  const members: MemberFacts[] = [];
  for (const m of o.members) {
    const s = state.stakeholderIdx.get(m.stakeholderId);
    if (s === undefined) continue;
    members.push({ slot: s, stakeholder: state.stakeholders[s], role: m.role, engagement: engagementOf(state, s, asOf, slot) });
  }
  return {
    slot,
    opportunity: o,
    asOf,
    stage: stageNow?.stage ?? null,
    daysInStage: stageNow ? Math.max(0, (asOf - stageNow.since) / DAY) : NaN,
    ageDays: Math.max(0, (asOf - o.createdAt) / DAY),
    ...journeyFacts(state, slot, asOf),
    ...buyingGroupFacts(members, asOf),
  };
}

/** The facts that come from the buying group's members. */
export type BuyingGroupFacts = Pick<
  OpportunityFacts,
  | 'members'
  | 'reached'
  | 'engagedMembers'
  | 'totalWeight'
  | 'responsiveShare'
  | 'meanSentiment'
  | 'supporterShare'
  | 'opponentShare'
  | 'championStrength'
  | 'blockerPresent'
  | 'blockerMet'
  | 'daysSinceTouch'
>;

/**
 * The one accumulator over a deal's members (engagement, roles reached, stance mix, champion and
 * blocker), used for the deal as it is and for what-ifs (what-if.ts), so a counterfactual is
 * aggregated exactly as the deal's own facts are.
 */
export function buyingGroupFacts(members: MemberFacts[], asOf: number): BuyingGroupFacts {
  let totalWeight = 0;
  let responsive = 0;
  let sentW = 0;
  let sentSum = 0;
  let engaged = 0;
  let supporters = 0;
  let opponents = 0;
  let known = 0;
  let lastTouch = -Infinity;
  let championStrength = 0;
  let blockerPresent = false;
  let blockerMet = false;
  const reached = { decision_maker: false, economic_buyer: false, champion: false, technical_evaluator: false, user: false };
  for (const { stakeholder, role, engagement: e, alsoChampion } of members) {
    totalWeight += e.weight;
    responsive += e.responsiveWeight;
    if (e.weight > 0 && !Number.isNaN(e.sentiment)) {
      sentW += e.weight;
      sentSum += e.weight * e.sentiment;
    }
    if (e.reached) engaged++;
    if (e.lastTouch > lastTouch) lastTouch = e.lastTouch;
    if (role in reached && e.reached) reached[role as keyof typeof reached] = true;
    if (alsoChampion && e.reached) reached.champion = true;
    if (stakeholder && stakeholder.stance !== 'unknown') {
      known++;
      if (SUPPORT.has(stakeholder.stance)) supporters++;
      if (OPPOSE.has(stakeholder.stance)) opponents++;
    }
    if (role === 'champion' || alsoChampion)
      championStrength = Math.max(championStrength, (1 - Math.exp(-e.responsiveWeight / 2)) * ((stakeholder?.influence ?? 3) / 5));
    if (role === 'blocker') {
      blockerPresent = true;
      if (e.responsiveCount > 0) blockerMet = true;
    }
  }
  return {
    members,
    reached,
    engagedMembers: engaged,
    totalWeight,
    responsiveShare: totalWeight > 0 ? responsive / totalWeight : NaN,
    meanSentiment: sentW > 0 ? sentSum / sentW : NaN,
    supporterShare: known > 0 ? supporters / known : NaN,
    opponentShare: known > 0 ? opponents / known : NaN,
    championStrength,
    blockerPresent,
    blockerMet,
    daysSinceTouch: Number.isFinite(lastTouch) ? (asOf - lastTouch) / DAY : NaN,
  };
}

function journeyFacts(state: WorkspaceState, slot: number, asOf: number) {
  const steps = state.stepsUpTo(slot, asOf);
  let furthest = -1;
  let loopBacks = 0;
  let late = false;
  let lateWho: string | null = null;
  for (const s of steps) {
    if (s.move === MOVE_CODE.loop_back) {
      loopBacks++;
      if (s.job <= REQUIREMENTS && furthest >= SELECTION) {
        late = true;
        lateWho = s.stakeholderId;
      }
    }
    if (s.job > furthest) furthest = s.job;
  }
  return { furthestJob: furthest, loopBacks, lateRequirementsLoop: late, lateLoopStakeholderId: lateWho };
}

export const STAGE_INDEX = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<Stage, number>;
export const JOB_COUNT = BUYING_JOBS.length;
