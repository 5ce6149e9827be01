// Renderer (pure): the account's journey — one lane per person per deal, across every deal of the
// account, narrowed by deal, person, channel and buying job. Geometry of time (x) and of the
// canvas is the chart's; this decides what is drawn, so it is tested without a DOM.
//
// Why a lane per person *per deal*: a person in two deals has two journeys. Joining them in one
// lane would draw a move between deals as a loop back that never happened.
import type { AccountJourneyView } from '@shared/api';
import {
  BUYING_ROLES,
  type BuyingJob,
  type BuyingRole,
  type Channel,
  type Interaction,
  type JourneyStep,
  type OpportunityId,
  type StakeholderId,
} from '@shared/domain';
import { laneEnd } from './journey-layout';

export interface AccountJourneyFilter {
  opportunityId: OpportunityId | null;
  stakeholderId: StakeholderId | null;
  channel: Channel | null;
  job: BuyingJob | null;
}

export const NO_FILTER: AccountJourneyFilter = { opportunityId: null, stakeholderId: null, channel: null, job: null };

export interface AccountLane {
  key: string;
  stakeholderId: StakeholderId;
  opportunityId: OpportunityId;
  name: string;
  dealName: string;
  role: BuyingRole | null;
  steps: JourneyStep[];
  /** This person's interactions of this deal that pass the channel and job filters, in time order. */
  interactions: Interaction[];
  /** Where the last job's line ends: today while the deal is open, the day it closed after. */
  endAt: number;
}

/**
 * The lanes to draw. Filters narrow, never reorder: deals keep the account's order (latest close
 * first), people within a deal go by buying role then name. A channel keeps the lanes of people
 * reached over that channel (and only those interactions); a job keeps the lanes of people who
 * were in that job, or talked about it, and only the interactions about it.
 */
export function accountLanes(view: AccountJourneyView, filter: AccountJourneyFilter, now: number): AccountLane[] {
  const people = new Map(view.stakeholders.map((s) => [s.id, s]));
  const stepsOf = new Map<string, JourneyStep[]>();
  for (const s of view.journey) {
    const key = `${s.opportunityId}|${s.stakeholderId}`;
    const list = stepsOf.get(key);
    if (list) list.push(s);
    else stepsOf.set(key, [s]);
  }
  const talksOf = new Map<string, Interaction[]>();
  for (const it of view.interactions) {
    if (!it.opportunityId) continue;
    if (filter.channel && it.channel !== filter.channel) continue;
    if (filter.job && it.buyingJob !== filter.job) continue;
    for (const who of it.attendeeIds) {
      const key = `${it.opportunityId}|${who}`;
      const list = talksOf.get(key);
      if (list) list.push(it);
      else talksOf.set(key, [it]);
    }
  }
  const lanes: AccountLane[] = [];
  for (const deal of view.opportunities) {
    if (filter.opportunityId && deal.id !== filter.opportunityId) continue;
    const roleOf = new Map(deal.members.map((m) => [m.stakeholderId, m.role]));
    const ids = new Set<StakeholderId>(deal.members.map((m) => m.stakeholderId));
    for (const s of view.journey) if (s.opportunityId === deal.id) ids.add(s.stakeholderId);
    const rank = (id: StakeholderId) => {
      const role = roleOf.get(id);
      return role ? BUYING_ROLES.indexOf(role) : BUYING_ROLES.length;
    };
    const ordered = [...ids].sort((a, b) => rank(a) - rank(b) || (people.get(a)?.name ?? '').localeCompare(people.get(b)?.name ?? ''));
    for (const id of ordered) {
      if (filter.stakeholderId && id !== filter.stakeholderId) continue;
      const key = `${deal.id}|${id}`;
      const steps = [...(stepsOf.get(key) ?? [])].sort((a, b) => a.at - b.at);
      const interactions = talksOf.get(key) ?? [];
      if (filter.channel && interactions.length === 0) continue;
      if (filter.job && interactions.length === 0 && !steps.some((s) => s.job === filter.job)) continue;
      lanes.push({
        key,
        stakeholderId: id,
        opportunityId: deal.id,
        name: people.get(id)?.name ?? 'Former group member',
        dealName: deal.name,
        role: roleOf.get(id) ?? null,
        steps,
        interactions: [...interactions].sort((a, b) => a.at - b.at),
        endAt: laneEnd(deal, now),
      });
    }
  }
  return lanes;
}

/**
 * The span to draw: the life of the deals shown (opened to closed, or to their close date and
 * today while open) and every step and interaction drawn, with a little air. The same rule as one
 * deal's journey (journey-layout.ts timeDomain), over several deals.
 */
export function accountTimeDomain(view: AccountJourneyView, lanes: readonly AccountLane[], now: number): [number, number] {
  const dealIds = new Set(lanes.map((l) => l.opportunityId));
  const times: number[] = [];
  for (const o of view.opportunities) {
    if (!dealIds.has(o.id)) continue;
    times.push(o.createdAt);
    if (o.status === 'open') times.push(o.closeDate, now);
    else times.push(o.closedAt ?? o.closeDate);
  }
  for (const lane of lanes) {
    for (const s of lane.steps) times.push(s.at);
    const first = lane.interactions[0];
    const last = lane.interactions[lane.interactions.length - 1];
    if (first) times.push(first.at);
    if (last) times.push(last.at);
  }
  if (times.length === 0) return [now - 30 * 86_400_000, now + 86_400_000];
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of times) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const air = Math.max(86_400_000, (hi - lo) * 0.03);
  return [lo - air, hi + air];
}

/** The first index of a time-sorted list at or after t (binary search): the chart draws only what is in view. */
export function firstAtOrAfter(items: readonly { at: number }[], t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { at: number }).at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
