import { describe, expect, it } from 'vitest';
import type { Opportunity, Relationship, Stakeholder } from '@shared/domain';
import { buildGraph, edgeBends, edgePath, initials, nodeRadius, reportLevels, rolesLine, stanceMix, uncoveredRoles } from './graph-model';

const person = (id: string, patch: Partial<Stakeholder> = {}): Stakeholder =>
  ({
    id,
    accountId: 'a',
    name: `Person ${id}`,
    title: '',
    department: '',
    buyingRoles: [],
    stance: 'neutral',
    influence: 3,
    needs: [],
    pains: [],
    updatedAt: 0,
    ...patch,
  }) as Stakeholder;
const rel = (id: string, fromId: string, toId: string, kind: Relationship['kind'] = 'reports_to'): Relationship =>
  ({ id, accountId: 'a', fromId, toId, kind, strength: 0.5, source: 'manual', updatedAt: 0 }) as Relationship;
const deal = (members: [string, Opportunity['members'][number]['role']][]): Opportunity =>
  ({ id: 'o', members: members.map(([stakeholderId, role]) => ({ stakeholderId, role })) }) as unknown as Opportunity;

describe('graph model', () => {
  it('sizes by influence and clamps', () => {
    expect(nodeRadius(1)).toBe(14);
    expect(nodeRadius(5)).toBe(30);
    expect(nodeRadius(9)).toBe(30);
  });
  it('makes initials', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('  mary ann  de la cruz ')).toBe('MC');
    expect(initials('Cher')).toBe('C');
    expect(initials('')).toBe('?');
  });
  it('levels people below the lower of two managers and survives cycles', () => {
    const levels = reportLevels(
      ['ceo', 'cfo', 'vp', 'ic'],
      [rel('1', 'cfo', 'ceo'), rel('2', 'vp', 'ceo'), rel('3', 'ic', 'vp'), rel('4', 'ic', 'cfo')],
    );
    expect(Object.fromEntries(levels)).toEqual({ ceo: 0, cfo: 1, vp: 1, ic: 2 });
    const cyclic = reportLevels(['a', 'b'], [rel('1', 'a', 'b'), rel('2', 'b', 'a')]);
    expect([...cyclic.values()].every((n) => n <= 2)).toBe(true);
  });
  it('spreads parallel edges either side, same side for both directions', () => {
    const bends = edgeBends([
      { id: 'x', fromId: 'a', toId: 'b' },
      { id: 'y', fromId: 'b', toId: 'a' },
      { id: 'z', fromId: 'a', toId: 'c' },
    ]);
    expect(bends.get('z')).toBe(0);
    expect(bends.get('x')).toBe(-13);
    expect(bends.get('y')).toBe(-13); // canonical +13, flipped because it runs b→a
  });
  it('drops edges to people who are not on the map', () => {
    const { nodes, edges } = buildGraph([person('a'), person('b')], [rel('1', 'a', 'b'), rel('2', 'a', 'gone')], null);
    expect(nodes).toHaveLength(2);
    expect(edges.map((e) => e.id)).toEqual(['1']);
    expect(nodes.every((n) => n.inDeal)).toBe(true);
  });
  it('marks deal members with their deal role', () => {
    const { nodes } = buildGraph([person('a'), person('b')], [], deal([['b', 'champion']]));
    expect(nodes.find((n) => n.id === 'b')).toMatchObject({ inDeal: true, dealRole: 'champion' });
    expect(nodes.find((n) => n.id === 'a')).toMatchObject({ inDeal: false, dealRole: null });
  });
  it('lists core roles nobody covers, for the account or a deal', () => {
    const people = [person('a', { buyingRoles: ['decision_maker', 'champion'] }), person('b', { buyingRoles: ['user'] })];
    expect(uncoveredRoles(people, null)).toEqual(['economic_buyer', 'technical_evaluator']);
    expect(uncoveredRoles(people, deal([['a', 'decision_maker']]))).toEqual(['economic_buyer', 'champion', 'technical_evaluator', 'user']);
  });
  it('counts the stance mix in vocabulary order', () => {
    expect(stanceMix([{ stance: 'opponent' }, { stance: 'champion' }, { stance: 'opponent' }])).toEqual([
      { stance: 'champion', count: 1 },
      { stance: 'opponent', count: 2 },
    ]);
  });
  it('ends edges on the circle rims', () => {
    const { d, mid } = edgePath({ x: 0, y: 0, r: 10 }, { x: 100, y: 0, r: 20 }, 0, 0);
    expect(d).toBe('M10,0Q50,0 80,0');
    expect(mid).toEqual({ x: 47.5, y: 0 });
  });

  it('names roles in words, never codes, and keeps the line short', () => {
    expect(rolesLine(['user'], null)).toBe('User');
    expect(rolesLine(['user', 'decision_maker', 'legal'], null)).toBe('Decision maker · User +1');
    expect(rolesLine(['user'], 'economic_buyer')).toBe('On deal: Economic buyer');
    const { nodes } = buildGraph([person('1', { buyingRoles: ['champion'], stance: 'supporter', mapPosition: { x: 5, y: 6 } })], [], null);
    expect(nodes[0]!.ariaLabel).toBe('P1 + Person 1 Champion; Champion; stance: Supporter; nobody on our team has met them');
    expect(nodes[0]!.placed).toEqual({ x: 5, y: 6 });
  });

  it('carries coverage: our teammate beside the person, a gap in words', () => {
    const coverage = {
      coveredBy: {
        '1': [
          { name: 'Ana Seller', meetings: 4 },
          { name: 'Bo Lee', meetings: 1 },
        ],
      },
      flags: new Map([['1', 'gap: blocker never met']]),
    };
    const { nodes } = buildGraph([person('1', { buyingRoles: ['blocker'], stance: 'opponent' })], [], null, coverage);
    expect(nodes[0]).toMatchObject({ coverInitials: 'AS', coverText: 'Ana Seller (4×), Bo Lee (1×)', flag: 'gap: blocker never met' });
    // The visible initials end the first part of the accessible name (label-content-name-mismatch).
    expect(nodes[0]!.ariaLabel).toMatch(
      /^P1 − Person 1 Blocker AS; .*covered by Ana Seller \(4×\), Bo Lee \(1×\); gap: blocker never met$/,
    );
  });
});
