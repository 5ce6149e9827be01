// Pure (shared): one stakeholder's score — engagement with trend and "gone quiet", the best time
// to reach them and how to approach them. Account-wide: every interaction they attended counts.
import {
  BUYING_JOBS,
  BUYING_JOB_LABEL,
  BUYING_ROLE_LABEL,
  INTERACTION_KINDS,
  SCORE_PAYLOAD_VERSION,
  type BuyingRole,
  type Stakeholder,
  type StakeholderScorePayload,
} from '@shared/domain';
import { bestTime, hourOfWeek, recencyWeight, zoneTable } from './best-time';
import { engagementOf, engagementScore, quietDays, trendOf, type EngagementFacts } from './engagement';
import type { ScoredStakeholder, WorkspaceState } from './state';

const INBOUND = 0;
const TWO_WAY = 2;

export interface StakeholderActivity {
  hist: Float64Array;
  samples: number;
  kinds: Float64Array;
  jobs: Float64Array;
}

/**
 * Hour-of-week histogram of their responses (each weighted by its recency, best-time.ts) plus what
 * kinds of things and jobs they engaged in; `samples` counts the responses themselves.
 */
export function stakeholderActivity(state: WorkspaceState, s: number, asOf: number, zone: string): StakeholderActivity {
  const hist = new Float64Array(168);
  const kinds = new Float64Array(INTERACTION_KINDS.length);
  const jobs = new Float64Array(BUYING_JOBS.length);
  let samples = 0;
  const table = zoneTable(zone);
  for (const i of state.interactionsOf[s] ?? []) {
    const t = state.at[i]!;
    if (t > asOf) continue;
    const d = state.dir[i]!;
    if (d !== INBOUND && d !== TWO_WAY) continue;
    hist[hourOfWeek(zone, t, table)]! += recencyWeight(asOf - t);
    samples++;
    kinds[state.kind[i]!]! += 1;
    if (state.job[i]! >= 0) jobs[state.job[i]!]! += 1;
  }
  return { hist, samples, kinds, jobs };
}

const ROLE_POINT: Record<BuyingRole, string> = {
  decision_maker: 'Tie the proposal to their strategic priorities and the cost of doing nothing.',
  economic_buyer: 'Lead with ROI, payback period and budget timing.',
  champion: 'Arm them with a one-page business case they can take into internal meetings.',
  blocker: 'Ask for their concerns first and show how each one is handled.',
  influencer: 'Give them proof points and references they can repeat.',
  technical_evaluator: 'Go deep on integration, security and architecture; offer a technical session.',
  user: 'Show the day-to-day workflow they get and what it saves them.',
  procurement: 'Have pricing, terms and vendor paperwork ready early.',
  legal: 'Share standard contract terms and the data processing agreement up front.',
  gatekeeper: 'Respect their time and ask how best to reach the right people.',
};

const STANCE_POINT: Partial<Record<Stakeholder['stance'], string>> = {
  champion: 'Ask them who else should hear the story and for an introduction.',
  supporter: 'Ask them to introduce you to the people you have not met yet.',
  skeptic: 'Acknowledge their doubts openly and bring a reference customer like them.',
  opponent: 'Understand what they stand to lose; involve your champion before meeting them.',
  neutral: 'Find out what would make this a win for them personally.',
  unknown: 'Find out where they stand on the project.',
};

const KIND_WORDS = ['meetings', 'calls', 'email', 'events', 'content', 'web visits', 'support cases'];

function topIndex(a: Float64Array): number {
  let best = -1;
  for (let i = 0; i < a.length; i++) if (a[i]! > 0 && (best < 0 || a[i]! > a[best]!)) best = i;
  return best;
}

export function talkingPoints(doc: ScoredStakeholder, activity: StakeholderActivity): string[] {
  const points: string[] = [];
  for (const role of doc.buyingRoles.slice(0, 2)) points.push(`${BUYING_ROLE_LABEL[role]}: ${ROLE_POINT[role]}`);
  for (const need of doc.needs.slice(0, 2)) points.push(`Address their need: ${need}.`);
  for (const pain of doc.pains.slice(0, 2)) points.push(`Speak to their pain: ${pain}.`);
  const kind = topIndex(activity.kinds);
  const job = topIndex(activity.jobs);
  if (kind >= 0) {
    const focus = job >= 0 ? `; their focus so far: ${BUYING_JOB_LABEL[BUYING_JOBS[job]!].toLowerCase()}` : '';
    points.push(`They respond best to ${KIND_WORDS[kind]}${focus}.`);
  }
  const stance = STANCE_POINT[doc.stance];
  if (stance) points.push(stance);
  return points.slice(0, 8);
}

export function stakeholderPayload(state: WorkspaceState, s: number, now: number): StakeholderScorePayload | null {
  const doc = state.stakeholders[s];
  if (!doc) return null;
  const e: EngagementFacts = engagementOf(state, s, now);
  const zone = doc.timezone ?? 'UTC';
  const activity = stakeholderActivity(state, s, now, zone);
  return {
    kind: 'stakeholder',
    version: SCORE_PAYLOAD_VERSION,
    stakeholderId: doc.id,
    accountId: doc.accountId,
    name: doc.name,
    asOf: now,
    engagement: engagementScore(e),
    trend: trendOf(e),
    quietDays: quietDays(e, now),
    lastTouchAt: Number.isFinite(e.lastTouch) ? e.lastTouch : null,
    lastResponseAt: Number.isFinite(e.lastResponsive) ? e.lastResponsive : null,
    interactions: e.count,
    bestTime: bestTime(activity.hist, activity.samples, doc.timezone, now),
    talkingPoints: talkingPoints(doc, activity),
  };
}
