import { describe, expect, it } from 'vitest';
import type { AccountJourneyView } from '@shared/api';
import type { Interaction, JourneyStep, Opportunity } from '@shared/domain';
import { accountLanes, accountTimeDomain, firstAtOrAfter, NO_FILTER } from './account-journey';

const DAY = 86_400_000;
const step = (
  id: string,
  opportunityId: string,
  stakeholderId: string,
  job: JourneyStep['job'],
  at: number,
  move: JourneyStep['move'] = 'forward',
) => ({ id, accountId: 'a', opportunityId, stakeholderId, job, at, move, updatedAt: 0 }) as JourneyStep;
const talk = (
  id: string,
  opportunityId: string | undefined,
  attendeeIds: string[],
  channel: Interaction['channel'],
  at: number,
  buyingJob?: Interaction['buyingJob'],
) =>
  ({
    id,
    accountId: 'a',
    opportunityId,
    attendeeIds,
    channel,
    at,
    buyingJob,
    kind: 'meeting',
    direction: 'outbound',
    sentiment: 0,
    loggedBy: 't',
    notes: '',
  }) as unknown as Interaction;
const deal = (id: string, name: string, members: [string, string][], extra: Partial<Opportunity>) =>
  ({
    id,
    name,
    members: members.map(([stakeholderId, role]) => ({ stakeholderId, role })),
    createdAt: 0,
    closeDate: 100 * DAY,
    status: 'open',
    ...extra,
  }) as unknown as Opportunity;

const view = {
  account: { id: 'a', name: 'Acme' },
  stakeholders: [
    { id: 'ann', name: 'Ann' },
    { id: 'bob', name: 'Bob' },
    { id: 'cy', name: 'Cy' },
  ],
  opportunities: [
    deal(
      'o1',
      'Renewal',
      [
        ['bob', 'user'],
        ['ann', 'decision_maker'],
      ],
      { createdAt: 10 * DAY, closeDate: 60 * DAY, status: 'won', closedAt: 50 * DAY },
    ),
    deal('o2', 'Expansion', [['ann', 'champion']], { createdAt: 40 * DAY, closeDate: 120 * DAY }),
  ],
  journey: [
    step('s1', 'o1', 'ann', 'problem_identification', 11 * DAY, 'start'),
    step('s2', 'o1', 'ann', 'validation', 20 * DAY),
    step('s3', 'o1', 'cy', 'supplier_selection', 30 * DAY, 'start'),
    step('s4', 'o2', 'ann', 'requirements_building', 45 * DAY, 'start'),
  ],
  interactions: [
    talk('i1', 'o1', ['ann', 'bob'], 'phone', 12 * DAY, 'problem_identification'),
    talk('i2', 'o1', ['bob'], 'email', 13 * DAY),
    talk('i3', 'o2', ['ann'], 'video', 46 * DAY, 'validation'),
    talk('i4', undefined, ['ann'], 'phone', 47 * DAY),
  ],
} as unknown as AccountJourneyView;

describe('account journey', () => {
  it('has a lane per person per deal: the deal order, then role, then people who only have steps', () => {
    const lanes = accountLanes(view, NO_FILTER, 80 * DAY);
    expect(lanes.map((l) => l.key)).toEqual(['o1|ann', 'o1|bob', 'o1|cy', 'o2|ann']);
    // Ann's two deals stay two journeys: no step of one deal in the other's lane.
    expect(lanes[0]!.steps.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(lanes[3]!.steps.map((s) => s.id)).toEqual(['s4']);
    expect(lanes[2]!.role).toBeNull();
    // Interactions go to the lanes of their deal and attendees; one logged against no deal is on none.
    expect(lanes[1]!.interactions.map((i) => i.id)).toEqual(['i1', 'i2']);
    expect(lanes.flatMap((l) => l.interactions.map((i) => i.id))).not.toContain('i4');
    // A closed deal's lines end when it closed; an open one's today.
    expect(lanes[0]!.endAt).toBe(50 * DAY);
    expect(lanes[3]!.endAt).toBe(80 * DAY);
  });

  it('filters by deal, person, channel and job', () => {
    const now = 80 * DAY;
    expect(accountLanes(view, { ...NO_FILTER, opportunityId: 'o2' as never }, now).map((l) => l.key)).toEqual(['o2|ann']);
    expect(accountLanes(view, { ...NO_FILTER, stakeholderId: 'ann' as never }, now).map((l) => l.key)).toEqual(['o1|ann', 'o2|ann']);
    const phone = accountLanes(view, { ...NO_FILTER, channel: 'phone' }, now);
    expect(phone.map((l) => l.key)).toEqual(['o1|ann', 'o1|bob']);
    expect(phone.flatMap((l) => l.interactions.map((i) => i.channel))).toEqual(['phone', 'phone']);
    // A job keeps who was in it or talked about it, and only the interactions about it.
    const validation = accountLanes(view, { ...NO_FILTER, job: 'validation' }, now);
    expect(validation.map((l) => l.key)).toEqual(['o1|ann', 'o2|ann']);
    expect(validation.flatMap((l) => l.interactions.map((i) => i.id))).toEqual(['i3']);
    expect(accountLanes(view, { ...NO_FILTER, opportunityId: 'o2' as never, channel: 'email' }, now)).toEqual([]);
  });

  it('spans the life of the deals shown: a closed deal alone fills the width and leaves today out', () => {
    const now = 200 * DAY;
    const closed = accountLanes(view, { ...NO_FILTER, opportunityId: 'o1' as never }, now);
    const [lo, hi] = accountTimeDomain(view, closed, now);
    expect(lo).toBeLessThan(10 * DAY);
    expect(hi).toBeGreaterThanOrEqual(50 * DAY);
    expect(hi).toBeLessThan(60 * DAY);
    const all = accountTimeDomain(view, accountLanes(view, NO_FILTER, now), now);
    expect(all[1]).toBeGreaterThan(now);
  });

  it('finds the first item in view by binary search', () => {
    const items = [1, 3, 3, 7, 9].map((at) => ({ at }));
    expect([0, 1, 3, 4, 9, 10].map((t) => firstAtOrAfter(items, t))).toEqual([0, 0, 1, 3, 4, 5]);
  });
});
