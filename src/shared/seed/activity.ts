// Pure (shared): a deal's interactions. Times fall in each attendee's business hours in their
// own zone, clustered on their preferred weekday and hour; sentiment follows stance and deal
// health; deals heading for a loss go quiet, champion first.
import type {
  AccountId,
  BuyingJob,
  Channel,
  Direction,
  Interaction,
  InteractionId,
  InteractionKind,
  StakeholderId,
  TeamMemberId,
} from '../domain';
import type { Deal, GroupMember } from './deal';
import { type Journey, jobAt } from './journey';
import type { Person } from './org';
import { type Rng, clamp } from './prng';
import { DAY } from './sizes';
import { localDayOf, localToUtc } from './timezone';
import { noteFor } from './words/notes';

const KINDS: readonly InteractionKind[] = ['email', 'call', 'meeting', 'web_visit', 'content', 'event', 'support_case'];
const KIND_SHARE = [0.36, 0.18, 0.18, 0.12, 0.08, 0.04, 0.04];
const STANCE_MOOD = { champion: 1.1, supporter: 0.6, neutral: 0, skeptic: -0.6, opponent: -1.1, unknown: 0 } as const;
const EXTRA_ATTENDEES: Record<InteractionKind, number> = {
  meeting: 3,
  call: 1,
  email: 2,
  event: 1,
  content: 0,
  web_visit: 0,
  support_case: 0,
};

function channelOf(rng: Rng, kind: InteractionKind): { channel: Channel; direction: Direction; durationMin?: number } {
  switch (kind) {
    case 'meeting':
      return { channel: rng.chance(0.3) ? 'in_person' : 'video', direction: 'two_way', durationMin: rng.pick([30, 45, 60, 60, 90]) };
    case 'call':
      return { channel: rng.chance(0.7) ? 'phone' : 'video', direction: 'two_way', durationMin: rng.pick([15, 20, 30, 30, 45]) };
    case 'email':
      return { channel: 'email', direction: rng.chance(0.72) ? 'outbound' : 'inbound' };
    case 'event':
      return { channel: 'event', direction: 'two_way', durationMin: rng.pick([60, 120, 240]) };
    case 'content':
      return { channel: 'web', direction: 'inbound' };
    case 'web_visit':
      return { channel: 'web', direction: 'inbound', durationMin: rng.int(1, 12) };
    case 'support_case':
      return { channel: rng.chance(0.6) ? 'chat' : 'email', direction: 'inbound' };
  }
}

/** A business-hours instant near `t`, shaped by the person's preferred days and hour. */
function businessTime(rng: Rng, p: Person, t: number, kind: InteractionKind): { at: number; inSlot: boolean } {
  let day = localDayOf(p.zone, t);
  let dow = new Date(day).getUTCDay();
  const favour = kind === 'meeting' || kind === 'call' || kind === 'email' ? 0.6 : 0.3;
  let inSlot = false;
  if (rng.chance(favour)) {
    const want = rng.pick(p.prefDays);
    day += (want - (dow === 0 ? 7 : dow)) * DAY;
    dow = want;
    inSlot = true;
  } else if (dow === 0 || dow === 6) {
    day += (dow === 6 ? -1 : 1) * DAY;
  }
  let minute: number;
  if (inSlot && rng.chance(0.75)) minute = p.prefMinute + Math.round(rng.normal(0, 25));
  else {
    minute = rng.int(8 * 60, 17 * 60 + 30);
    inSlot = false;
  }
  if (kind === 'meeting' || kind === 'call') minute = Math.round(minute / 15) * 15;
  return { at: localToUtc(p.zone, day, clamp(minute, 7 * 60, 19 * 60)), inSlot };
}

export interface ActivityInput {
  deal: Deal;
  journeys: Journey[];
  accountId: AccountId;
  team: readonly TeamMemberId[];
  nextId: () => InteractionId;
}

export function buildInteractions(rng: Rng, input: ActivityInput): Interaction[] {
  const { deal, journeys, accountId, team, nextId } = input;
  const { plan } = deal;
  const engaged = journeys.filter((j) => j.member.engaged);
  if (!engaged.length) return [];
  const span = Math.max(DAY, deal.end - deal.start);
  const shape = plan.status === 'lost' ? 1.35 : plan.status === 'won' ? 0.85 : 1;
  const out: Interaction[] = [];
  for (let n = 0; n < plan.interactions; n++) {
    const x = Math.pow(rng.next(), shape);
    const t = deal.start + x * span;
    const dealLevel = rng.chance(0.95);
    const kind = dealLevel ? rng.weighted(KINDS, KIND_SHARE) : rng.pick(['web_visit', 'support_case', 'content'] as const);
    // Who is around at t; a losing deal's champion fades in its last third.
    const fading = plan.status === 'lost' && x > 0.65;
    const weights = engaged.map(
      (j) => (j.member.joinFrac > x + 0.02 ? 0.02 : 1) * j.member.weight * (fading && j.member.role === 'champion' ? 0.25 : 1),
    );
    const primary = engaged[rng.weightedIndex(weights)] as Journey;
    const attendees: GroupMember[] = [primary.member];
    const extra = rng.int(0, EXTRA_ATTENDEES[kind]);
    for (let e = 0; e < extra; e++) {
      const other = (engaged[rng.weightedIndex(weights)] as Journey).member;
      if (!attendees.includes(other)) attendees.push(other);
    }
    const person = primary.member.person;
    const slot = businessTime(rng, person, t, kind);
    const inSlot = slot.inSlot;
    let at = slot.at;
    if (at > deal.end) at -= 7 * DAY;
    if (at < deal.start - 3 * DAY) at += 7 * DAY;
    at = Math.max(0, Math.min(at, deal.end));
    const job: BuyingJob = jobAt(primary.steps, at);
    const meanMood = attendees.reduce((s, a) => s + STANCE_MOOD[a.person.doc.stance], 0) / attendees.length;
    const mood =
      0.7 * meanMood + 0.35 * plan.latents.mood + (inSlot ? 0.25 : -0.1) + (fading ? -0.5 : 0) + (kind === 'support_case' ? -0.6 : 0);
    const ch = channelOf(rng, kind);
    const attendeeIds: StakeholderId[] = attendees.map((a) => a.person.doc.id);
    out.push({
      id: nextId(),
      accountId,
      ...(dealLevel ? { opportunityId: deal.doc.id } : {}),
      kind,
      at,
      ...(ch.durationMin !== undefined ? { durationMin: ch.durationMin } : {}),
      channel: ch.channel,
      direction: ch.direction,
      sentiment: clamp(Math.round(mood + rng.normal(0, 0.75)), -2, 2),
      ...(dealLevel ? { buyingJob: job } : {}),
      attendeeIds,
      loggedBy: rng.chance(0.85) ? deal.doc.ownerId : rng.pick(team),
      notes: noteFor(rng, kind, job, person),
      updatedAt: at,
    });
  }
  return out;
}
