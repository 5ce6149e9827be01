// Renderer (pure): the journey map's geometry — which lanes, in what order, how tall, and how
// each stakeholder's steps become dwell lines, forward moves and loops back. Time-to-x is a
// d3 scale in the chart; everything here is plain numbers so it is tested without a DOM.
import {
  BUYING_JOBS,
  BUYING_ROLE_LABEL,
  BUYING_ROLES,
  type BuyingJob,
  type BuyingRole,
  type Interaction,
  type JourneyMove,
  type JourneyStep,
  type Opportunity,
  type Stakeholder,
  type StakeholderId,
} from '@shared/domain';

export const JOB_SHORT: Record<BuyingJob, string> = {
  problem_identification: 'Problem',
  solution_exploration: 'Exploration',
  requirements_building: 'Requirements',
  supplier_selection: 'Selection',
  validation: 'Validation',
  consensus_creation: 'Consensus',
};

export interface LaneMetrics {
  /** Height of one job band inside a lane. */
  band: number;
  /** Space above and below the six bands of a lane. */
  pad: number;
  /** Left column with names and job labels. */
  labelWidth: number;
  /** Room for the time axis above the first lane. */
  axis: number;
  font: number;
}

export const SCREEN_METRICS: LaneMetrics = { band: 17, pad: 10, labelWidth: 280, axis: 34, font: 13 };
export const PROJECTOR_METRICS: LaneMetrics = { band: 22, pad: 12, labelWidth: 380, axis: 44, font: 18 };

export interface Lane {
  stakeholderId: StakeholderId;
  name: string;
  title: string;
  role: BuyingRole | null;
  top: number;
  height: number;
  steps: JourneyStep[];
}

export type Transition = 'forward' | 'loop_back' | 'stay';

export interface Segment {
  from: JourneyStep;
  to: JourneyStep;
  /** How the lane moved at `to.at`. A declared loop back to the same job still draws as a loop. */
  transition: Transition;
}

export const jobIndex = (job: BuyingJob): number => BUYING_JOBS.indexOf(job);

/** Whether the move from one step to the next went back: to an earlier job, or declared a loop back (even to the same job). */
export function isLoopBack(from: Pick<JourneyStep, 'job'>, to: Pick<JourneyStep, 'job' | 'move'>): boolean {
  return jobIndex(to.job) < jobIndex(from.job) || to.move === 'loop_back';
}

/** What a lane's label says under the name: the person's role in the group, if they still have one. */
export function roleWords(role: BuyingRole | null): string {
  return role ? BUYING_ROLE_LABEL[role] : 'Not in the group now';
}

/**
 * Where the last job's line of a lane ends: today while the deal is open, the day it closed
 * after — its close date when no closing day was recorded (an imported closed deal), the end the
 * host holds steps to too (journeyStepWindow), never today for a deal long closed.
 */
export function laneEnd(opportunity: Pick<Opportunity, 'status' | 'closedAt' | 'closeDate'>, now: number): number {
  return opportunity.status === 'open' ? now : (opportunity.closedAt ?? opportunity.closeDate);
}

/** Lanes: the deal's group in role order (decision makers first), then anyone else with steps. */
export function buildLanes(
  opportunity: Pick<Opportunity, 'members'>,
  stakeholders: readonly Pick<Stakeholder, 'id' | 'name' | 'title'>[],
  journey: readonly JourneyStep[],
  m: LaneMetrics,
): Lane[] {
  const people = new Map(stakeholders.map((s) => [s.id, s]));
  const roleOf = new Map(opportunity.members.map((x) => [x.stakeholderId, x.role]));
  const ids = [...new Set([...opportunity.members.map((x) => x.stakeholderId), ...journey.map((s) => s.stakeholderId)])];
  const rank = (id: StakeholderId) => {
    const role = roleOf.get(id);
    return role ? BUYING_ROLES.indexOf(role) : BUYING_ROLES.length;
  };
  ids.sort((a, b) => rank(a) - rank(b) || (people.get(a)?.name ?? '').localeCompare(people.get(b)?.name ?? ''));
  const height = laneHeight(m);
  return ids.map((id, i) => ({
    stakeholderId: id,
    name: people.get(id)?.name ?? 'Former group member',
    title: people.get(id)?.title ?? '',
    role: roleOf.get(id) ?? null,
    top: m.axis + i * height,
    height,
    steps: journey.filter((s) => s.stakeholderId === id).sort((a, b) => a.at - b.at),
  }));
}

export function laneHeight(m: LaneMetrics): number {
  return m.pad * 2 + m.band * BUYING_JOBS.length;
}

/** Centre y of a job band inside a lane (problem identification on top, reading order). */
export function jobY(lane: Pick<Lane, 'top'>, job: BuyingJob, m: LaneMetrics): number {
  return lane.top + m.pad + (jobIndex(job) + 0.5) * m.band;
}

/** Which job band a y inside a lane falls in (clamped), for "click a lane and job". */
export function jobAtY(lane: Pick<Lane, 'top'>, y: number, m: LaneMetrics): BuyingJob {
  const i = Math.floor((y - lane.top - m.pad) / m.band);
  return BUYING_JOBS[Math.min(BUYING_JOBS.length - 1, Math.max(0, i))] as BuyingJob;
}

/** A click in a lane's job band: whose lane, which job, and when. */
export interface CellPick {
  stakeholderId: StakeholderId;
  job: BuyingJob;
  at: number;
}

/**
 * What a click at time `t` and height `y` in a lane picks. A click in the margin past the deal's
 * end still means its last day (the host refuses later): `t` is clamped to the step window.
 */
export function pickCell(
  lane: Pick<Lane, 'stakeholderId' | 'top'>,
  t: number,
  y: number,
  m: LaneMetrics,
  window: readonly [number, number],
): CellPick {
  const [lo, hi] = window;
  return { stakeholderId: lane.stakeholderId, job: jobAtY(lane, y, m), at: Math.min(hi, Math.max(lo, Math.round(t))) };
}

export function segments(steps: readonly JourneyStep[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 1; i < steps.length; i++) {
    const from = steps[i - 1] as JourneyStep;
    const to = steps[i] as JourneyStep;
    const transition: Transition = isLoopBack(from, to) ? 'loop_back' : jobIndex(to.job) > jobIndex(from.job) ? 'forward' : 'stay';
    out.push({ from, to, transition });
  }
  return out;
}

/** The job a lane is in at time t, or null before its first step. */
export function jobAt(steps: readonly JourneyStep[], t: number): BuyingJob | null {
  let job: BuyingJob | null = null;
  for (const s of steps) {
    if (s.at > t) break;
    job = s.job;
  }
  return job;
}

/** The move a new step most likely is, given where the lane was at that time. */
export function suggestMove(steps: readonly JourneyStep[], job: BuyingJob, at: number): JourneyMove {
  const current = jobAt(steps, at);
  if (current === null) return 'start';
  const d = jobIndex(job) - jobIndex(current);
  return d > 0 ? 'forward' : d < 0 ? 'loop_back' : 'stay';
}

/**
 * Time span to draw: the deal's life — from its start (or its first step) to its close date while
 * open (and today, if today is later), to the day it closed once closed — with a little air either
 * side. A closed deal fills the width: today is not part of its life, so it is not on its axis.
 */
export function timeDomain(
  opportunity: Pick<Opportunity, 'createdAt' | 'closeDate' | 'status' | 'closedAt'>,
  journey: readonly Pick<JourneyStep, 'at'>[],
  interactions: readonly Pick<Interaction, 'at'>[],
  now: number,
): [number, number] {
  const times = [opportunity.createdAt, ...journey.map((s) => s.at), ...interactions.map((x) => x.at)];
  if (opportunity.status === 'open') times.push(opportunity.closeDate, now);
  else times.push(opportunity.closedAt ?? opportunity.closeDate);
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  const air = Math.max(86_400_000, (hi - lo) * 0.03);
  return [lo - air, hi + air];
}

/** Whether "today" belongs on the axis: only when it lies inside the span drawn. */
export function showsToday(domain: readonly [number, number], now: number): boolean {
  return now >= domain[0] && now <= domain[1];
}

/** A time scale as far as the axis needs it (d3's scaleTime is one). */
export interface TickScale {
  ticks(count: number): Date[];
}

/**
 * The ticks of a time axis `span` px wide, about one per `spacing` px (never fewer than two), with
 * their labels (see tickLabels). The screen, the account's canvas and the projection differ only
 * in the spacing.
 */
export function axisTicks(x: TickScale, span: number, spacing: number, locale?: string): { ticks: Date[]; labels: string[] } {
  const ticks = x.ticks(Math.max(2, Math.floor(span / spacing)));
  return {
    ticks,
    labels: tickLabels(
      ticks.map((t) => t.getTime()),
      locale,
    ),
  };
}

/**
 * Tick labels that never repeat: days ("4 Nov") when ticks are less than four weeks apart, with
 * the year on the first tick and wherever it changes; months ("Nov 2026") otherwise.
 */
export function tickLabels(ticks: readonly number[], locale?: string): string[] {
  const DAY = 86_400_000;
  const gap = ticks.length > 1 ? Math.min(...ticks.slice(1).map((t, i) => t - ticks[i]!)) : Infinity;
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const dayYear = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  if (gap >= 28 * DAY) return ticks.map((t) => month.format(t));
  return ticks.map((t, i) => {
    const year = new Date(t).getUTCFullYear();
    const newYear = i === 0 || new Date(ticks[i - 1]!).getUTCFullYear() !== year;
    return (newYear ? dayYear : day).format(t);
  });
}
