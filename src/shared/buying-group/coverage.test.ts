import { describe, expect, it } from 'vitest';
import type { BuyingRole } from '../domain';
import { computeCoverage, gapsFor, type CoverageDeal, type CoveragePerson } from './coverage';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1);
const person = (id: string, roles: BuyingRole[] = [], influence = 3, stance = 'neutral'): CoveragePerson => ({
  id,
  name: `P ${id}`,
  buyingRoles: roles,
  influence,
  stance,
});
const team = [
  { id: 'tm1', name: 'Ana Seller' },
  { id: 'tm2', name: 'Bo Planner' },
];
const meet = (daysAgo: number, who: string[], by = 'tm1', opportunityId?: string) => ({
  at: NOW - daysAgo * DAY,
  attendeeIds: who,
  loggedBy: by,
  opportunityId,
});

/** The open deal 'd1' ("Big deal") with these members and their roles on it. */
const bigDeal = (members: [string, CoverageDeal['members'][number]['role']][]): CoverageDeal => ({
  id: 'd1',
  name: 'Big deal',
  status: 'open',
  members: members.map(([stakeholderId, role]) => ({ stakeholderId, role })),
});

describe('coverage', () => {
  it('lists our team members beside the people they met, most meetings first', () => {
    const out = computeCoverage([person('a'), person('b')], [], [meet(3, ['a']), meet(2, ['a'], 'tm2'), meet(1, ['a'], 'tm2')], team, NOW);
    expect(out.coveredBy['a']!.map((c) => [c.name, c.meetings])).toEqual([
      ['Bo Planner', 2],
      ['Ana Seller', 1],
    ]);
    expect(out.coveredBy['b']).toBeUndefined();
  });

  it('per open deal: unfilled and unmet core roles, each with an action', () => {
    const people = [person('a', [], 5, 'champion'), person('b'), person('c')];
    const deal = bigDeal([
      ['a', 'champion'],
      ['b', 'decision_maker'],
      ['c', 'economic_buyer'],
    ]);
    const out = computeCoverage(people, [deal], [meet(5, ['a'], 'tm1', 'd1'), meet(4, ['c'], 'tm1', 'd1')], team, NOW);
    const unfilled = out.gaps.filter((g) => g.kind === 'role_unfilled').map((g) => g.role);
    expect(unfilled).toEqual(['technical_evaluator', 'user']);
    const unmet = out.gaps.filter((g) => g.kind === 'role_unmet');
    expect(unmet).toEqual([expect.objectContaining({ role: 'decision_maker', stakeholderIds: ['b'], dealId: 'd1' })]);
    expect(unmet[0]!.action).toBe('Ask P a to introduce you to P b');
    // Two people met recently: not single-threaded.
    expect(out.gaps.some((g) => g.kind === 'single_threaded')).toBe(false);
  });

  it('a role the deal lacks but someone at the account holds: add them, most influential first', () => {
    const people = [person('a', [], 5, 'champion'), person('b', ['decision_maker'], 2), person('c', ['decision_maker'], 4), person('d')];
    const deal = bigDeal([
      ['a', 'champion'],
      ['d', 'economic_buyer'],
    ]);
    const out = computeCoverage(people, [deal], [meet(5, ['a'], 'tm1', 'd1')], team, NOW);
    const gap = (role: string) => out.gaps.find((g) => g.kind === 'role_unfilled' && g.role === role)!;
    expect(gap('decision_maker').action).toBe('Add P c (decision maker at the account) to this deal’s group if that is their part in it');
    // Nobody at the account holds the role: ask the best-placed contact, as before.
    expect(gap('user').action).toBe('Ask P a who acts as user, then add them to the group');
  });

  it('flags a deal that runs through one person, and suggests the most influential other member', () => {
    const people = [person('a'), person('b', [], 2), person('c', [], 5)];
    const deal: CoverageDeal = {
      id: 'd1',
      name: 'Thin deal',
      status: 'open',
      members: ['a', 'b', 'c'].map((id) => ({ stakeholderId: id, role: 'user' as const })),
    };
    // c was met, but long ago: only a counts in the window.
    const out = computeCoverage(people, [deal], [meet(10, ['a'], 'tm1', 'd1'), meet(200, ['c'], 'tm1', 'd1')], team, NOW);
    const st = out.gaps.find((g) => g.kind === 'single_threaded')!;
    expect(st).toMatchObject({ dealId: 'd1', stakeholderIds: ['a'] });
    expect(st.text).toContain('through P a alone');
    expect(st.action).toBe('Multi-thread: meet P c — ask P a to bring them in');
  });

  it('closed deals are not judged; a blocker nobody met is, account-wide', () => {
    const people = [person('a', ['blocker']), person('b', ['champion'], 4, 'champion')];
    const closed: CoverageDeal = { id: 'd0', name: 'Old', status: 'lost', members: [{ stakeholderId: 'b', role: 'user' }] };
    const out = computeCoverage(people, [closed], [meet(3, ['b'])], team, NOW);
    expect(out.gaps.filter((g) => g.dealId === 'd0')).toEqual([]);
    const blocker = out.gaps.find((g) => g.kind === 'blocker_never_met')!;
    expect(blocker).toMatchObject({ stakeholderIds: ['a'] });
    expect(blocker.action).toContain('ask P b for an introduction');
    // No open deal: roles judged on the people's profiles, once.
    expect(out.gaps.filter((g) => g.kind === 'role_unfilled').map((g) => g.role)).toEqual([
      'decision_maker',
      'economic_buyer',
      'technical_evaluator',
      'user',
    ]);
    // Met once: no longer flagged.
    const after = computeCoverage(people, [closed], [meet(3, ['b']), meet(1, ['a'])], team, NOW);
    expect(after.gaps.some((g) => g.kind === 'blocker_never_met')).toBe(false);
  });

  it('gapsFor keeps the highlighted deal and account-wide blockers', () => {
    const people = [person('a', ['blocker']), person('b'), person('c')];
    const deals: CoverageDeal[] = ['d1', 'd2'].map((id) => ({
      id,
      name: id,
      status: 'open',
      members: [
        { stakeholderId: 'b', role: 'user' },
        { stakeholderId: 'c', role: 'user' },
      ],
    }));
    const out = computeCoverage(people, deals, [], team, NOW);
    const d1 = gapsFor(out, 'd1');
    expect(d1.every((g) => g.dealId === 'd1' || g.kind === 'blocker_never_met')).toBe(true);
    expect(d1.some((g) => g.kind === 'blocker_never_met')).toBe(true);
    expect(gapsFor(out, null)).toHaveLength(out.gaps.length);
  });

  it('is deterministic: shuffled input, same answer', () => {
    const people = [person('a', ['blocker']), person('b', ['user']), person('c', ['champion'])];
    const ms = [meet(3, ['b', 'c']), meet(2, ['c'], 'tm2'), meet(1, ['b'], 'tm2')];
    const one = computeCoverage(people, [], ms, team, NOW);
    const two = computeCoverage([...people].reverse(), [], [...ms].reverse(), team, NOW);
    expect(two).toEqual(one);
  });
});
