import { describe, expect, it } from 'vitest';
import { boxOf, overlappingPairs, type LayoutLine, type LayoutPerson } from './map-layout';
import { maxRowWidth, orgLayout } from './org-layout';

const person = (id: string, level: number): LayoutPerson => ({
  id,
  level,
  radius: 14 + (id.length % 4) * 4,
  labelWidth: 80 + (id.charCodeAt(id.length - 1) % 60),
});

describe('org chart layout', () => {
  const people = [
    person('ceo', 0),
    person('cfo', 1),
    person('cto', 1),
    person('dev1', 2),
    person('dev2', 2),
    person('fin1', 2),
    person('matrix', 2),
    person('loner', 0),
  ];
  const lines: LayoutLine[] = [
    { source: 'cfo', target: 'ceo', kind: 'reports_to' },
    { source: 'cto', target: 'ceo', kind: 'reports_to' },
    { source: 'dev1', target: 'cto', kind: 'reports_to' },
    { source: 'dev2', target: 'cto', kind: 'reports_to' },
    { source: 'fin1', target: 'cfo', kind: 'reports_to' },
    // Two managers: the matrix report sits under both.
    { source: 'matrix', target: 'cfo', kind: 'reports_to' },
    { source: 'matrix', target: 'cto', kind: 'reports_to' },
    { source: 'dev1', target: 'fin1', kind: 'influences' },
  ];

  it('puts managers above their reports, people with two managers below both', () => {
    const at = orgLayout(people, lines);
    expect(at.get('ceo')!.y).toBeLessThan(at.get('cfo')!.y);
    expect(at.get('cto')!.y).toBeLessThan(at.get('dev1')!.y);
    expect(at.get('matrix')!.y).toBeGreaterThan(at.get('cfo')!.y);
    expect(at.get('matrix')!.y).toBeGreaterThan(at.get('cto')!.y);
    // The loner is under the chart, not in its top row.
    expect(at.get('loner')!.y).toBeGreaterThan(at.get('dev1')!.y);
  });

  it('is deterministic and its label boxes never overlap', () => {
    const a = orgLayout(people, lines);
    const b = orgLayout([...people].reverse(), [...lines].reverse());
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
    expect(overlappingPairs(people.map((p) => boxOf(p, a.get(p.id)!)))).toEqual([]);
  });

  it('survives a reporting cycle in entered data', () => {
    const at = orgLayout(
      [person('a', 0), person('b', 1)],
      [
        { source: 'a', target: 'b', kind: 'reports_to' },
        { source: 'b', target: 'a', kind: 'reports_to' },
      ],
    );
    expect(at.size).toBe(2);
  });

  it('wraps a wide level onto staggered rows at 70 people: no strip, no overlap, managers still above', () => {
    const big = [
      person('chief', 0),
      ...Array.from({ length: 6 }, (_, i) => person(`head${i}`, 1)),
      ...Array.from({ length: 63 }, (_, i) => person(`r${String(i).padStart(2, '0')}`, 2)),
    ];
    const bigLines: LayoutLine[] = [
      ...Array.from({ length: 6 }, (_, i) => ({ source: `head${i}`, target: 'chief', kind: 'reports_to' })),
      ...Array.from({ length: 63 }, (_, i) => ({ source: `r${String(i).padStart(2, '0')}`, target: `head${i % 6}`, kind: 'reports_to' })),
    ];
    const at = orgLayout(big, bigLines);
    const xs = [...at.values()].map((p) => p.x);
    const ys = [...at.values()].map((p) => p.y);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    expect(width).toBeLessThanOrEqual(maxRowWidth(big.length) + 200);
    // Not a strip: at most about 3:1 wide.
    expect(width / height).toBeLessThan(3);
    expect(overlappingPairs(big.map((p) => boxOf(p, at.get(p.id)!)))).toEqual([]);
    for (let i = 0; i < 63; i++) expect(at.get(`r${String(i).padStart(2, '0')}`)!.y).toBeGreaterThan(at.get(`head${i % 6}`)!.y);
  });
});
