// The largest buying group the generator makes (L, generator v4: 60–80 people across business
// units), laid out by both layouts the map offers: no two people's label boxes overlap at the
// default zoom. The people, lines and label widths are the map's own (buildGraph), not a
// synthetic group, so the generator's real name and role lengths are what is checked.
import { describe, expect, it } from 'vitest';
import { generateAccount, peoplePerAccount } from '@shared/seed';
import { buildGraph } from './graph-model';
import { boxOf, forceLayout, overlappingPairs, type LayoutPerson } from './map-layout';
import { orgLayout } from './org-layout';

const L = { size: 'L', seed: 1 } as const;
const counts = peoplePerAccount(L);
const most = Math.max(...counts);
const largest = counts.indexOf(most);
const ws = generateAccount(L, largest);
// The map opens with the account's first open deal highlighted: its deal roles lengthen labels.
const deal = ws.opportunities.find((o) => o.status === 'open') ?? null;
const { nodes, edges } = buildGraph(ws.stakeholders, ws.relationships, deal);
const people: LayoutPerson[] = nodes.map((n) => ({ id: n.id, radius: n.radius, level: n.level, labelWidth: n.labelWidth }));

describe('the largest generated L buying group', () => {
  it('is a big group: 60–80 people, reporting lines and cross lines', () => {
    expect(most).toBeGreaterThanOrEqual(60);
    expect(most).toBeLessThanOrEqual(80);
    expect(nodes).toHaveLength(most);
    expect(edges.some((e) => e.kind === 'reports_to')).toBe(true);
    expect(edges.some((e) => e.kind !== 'reports_to')).toBe(true);
  });

  it.each([
    ['network (force)', () => forceLayout(people, edges)],
    ['org chart', () => orgLayout(people, edges)],
  ])('%s: everyone placed, no two label boxes overlap', (_name, layout) => {
    const at = layout();
    expect(at.size).toBe(people.length);
    expect(overlappingPairs(people.map((p) => boxOf(p, at.get(p.id)!)))).toEqual([]);
  });
});
