import { describe, expect, it, vi } from 'vitest';
import * as d3 from 'd3';
// The real d3, with forceSimulation watched: a map of placed people must not start one.
vi.mock('d3', async (original) => {
  const real = await original<typeof import('d3')>();
  return { ...real, forceSimulation: vi.fn(real.forceSimulation) };
});

import { boxOf, clearDownwards, forceLayout, overlappingPairs, treePositions, type LayoutLine, type LayoutPerson } from './map-layout';

function group(n: number, edges: number): { people: LayoutPerson[]; lines: LayoutLine[] } {
  const people = Array.from({ length: n }, (_, i) => ({
    id: `sh_${i.toString(36).padStart(3, '0')}`,
    radius: 14 + (i % 5) * 4,
    level: Math.min(4, Math.floor(Math.log2(i + 1))),
    labelWidth: 60 + ((i * 37) % 90),
  }));
  const lines: LayoutLine[] = [];
  for (let i = 1; i < n; i++) lines.push({ source: people[i]!.id, target: people[Math.floor((i - 1) / 2)]!.id, kind: 'reports_to' });
  for (let k = 0; lines.length < edges; k++)
    lines.push({ source: people[(k * 7) % n]!.id, target: people[(k * 13 + 5) % n]!.id, kind: 'influences' });
  return { people, lines };
}

describe('map layout', () => {
  it('gives the same picture for the same data, never asking Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    const { people, lines } = group(40, 60);
    const a = forceLayout(people, lines);
    const b = forceLayout([...people].reverse(), [...lines].reverse());
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
  });

  it('leaves placed people exactly where the planner put them', () => {
    const { people, lines } = group(30, 40);
    const pinned = new Map([
      [people[3]!.id, { x: 1234, y: -567 }],
      [people[7]!.id, { x: 0, y: 0 }],
    ]);
    const at = forceLayout(people, lines, { pinned });
    expect(at.get(people[3]!.id)).toEqual({ x: 1234, y: -567 });
    expect(at.get(people[7]!.id)).toEqual({ x: 0, y: 0 });
  });

  it('keeps everyone on screen still when a newcomer is added', () => {
    const { people, lines } = group(25, 30);
    const before = forceLayout(people, lines);
    const newcomer = { id: 'sh_new', radius: 20, level: 1, labelWidth: 90 };
    const after = forceLayout([...people, newcomer], [...lines, { source: 'sh_new', target: people[0]!.id, kind: 'reports_to' }], {
      keep: before,
    });
    for (const p of people) expect(after.get(p.id)).toEqual(before.get(p.id));
    expect(after.get('sh_new')).toBeDefined();
  });

  it('lets no two labels overlap at 80 people', () => {
    const { people, lines } = group(80, 160);
    const at = forceLayout(people, lines);
    expect(overlappingPairs(people.map((p) => boxOf(p, at.get(p.id)!)))).toEqual([]);
  });

  it('clears a crowd stacked on one spot, moving only down and leaving fixed people where they are', () => {
    const { people } = group(12, 0);
    const at = new Map(people.map((p) => [p.id, { x: 0, y: 0 }]));
    clearDownwards(people, at, new Set([people[5]!.id]));
    expect(at.get(people[5]!.id)).toEqual({ x: 0, y: 0 });
    for (const p of at.values()) {
      expect(p.x).toBe(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
    }
    expect(overlappingPairs(people.map((p) => boxOf(p, at.get(p.id)!)))).toEqual([]);
  });

  it('starts from the reporting trees: a manager centred over their reports, one band per level, whatever the list order', () => {
    const p = (id: string, level: number) => ({ id, radius: 20, level, labelWidth: 80 });
    const people = [p('ceo', 0), p('cfo', 1), p('cto', 1), p('dev1', 2), p('dev2', 2), p('loner', 0)];
    const lines: LayoutLine[] = [
      { source: 'cfo', target: 'ceo', kind: 'reports_to' },
      { source: 'cto', target: 'ceo', kind: 'reports_to' },
      { source: 'dev1', target: 'cto', kind: 'reports_to' },
      { source: 'dev2', target: 'cto', kind: 'reports_to' },
      { source: 'dev1', target: 'loner', kind: 'influences' },
    ];
    const at = treePositions(people, lines);
    expect(at.get('cto')!.x).toBe((at.get('dev1')!.x + at.get('dev2')!.x) / 2);
    expect(at.get('ceo')!.x).toBe((at.get('cfo')!.x + at.get('cto')!.x) / 2);
    expect(new Set(people.map((q) => at.get(q.id)!.x)).size).toBe(people.length);
    for (const q of people) expect(at.get(q.id)!.y).toBe(q.level * 150);
    expect(treePositions([...people].reverse(), [...lines].reverse())).toEqual(at);
  });

  it('lays out a map whose people were all placed without running the forces: they sit where they were put', () => {
    const { people, lines } = group(80, 120);
    const pinned = new Map(people.map((p, i) => [p.id, { x: (i % 10) * 200.04, y: Math.floor(i / 10) * 150 }]));
    const simulate = vi.mocked(d3.forceSimulation);
    simulate.mockClear();
    const at = forceLayout(people, lines, { pinned });
    expect(simulate).not.toHaveBeenCalled();
    expect([...at.keys()].sort()).toEqual(people.map((p) => p.id).sort());
    for (const [id, p] of pinned) expect(at.get(id)).toEqual({ x: Math.round(p.x * 10) / 10, y: p.y });
    // One person not placed yet: the forces run for them (and the placed stay put).
    const one = new Map(pinned);
    one.delete(people[5]!.id);
    const some = forceLayout(people, lines, { pinned: one });
    expect(simulate).toHaveBeenCalledTimes(1);
    expect(some.get(people[9]!.id)).toEqual(at.get(people[9]!.id));
  });
});
