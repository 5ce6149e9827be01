import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundsOf } from './coords';
import {
  LABEL_K0,
  LABEL_MAX_SCALE,
  READABLE_PX,
  fitWithLabels,
  labelBounds,
  labelPlacement,
  labelScale,
  placeLabels,
  prepareLabels,
  type LabelledNode,
} from './label-zoom';

const person = (id: string, x: number, y: number, over: Partial<LabelledNode> = {}): LabelledNode => ({
  id,
  x,
  y,
  radius: 20,
  nameWidth: 70,
  rolesWidth: 90,
  rank: 0,
  ...over,
});

describe('labelScale', () => {
  it('changes nothing at or above K0', () => {
    for (const k of [LABEL_K0, 1, 1.4, 4]) expect(labelScale(k)).toBe(1);
  });
  it('keeps names at ≥ 11 px on screen at a 26-person fit (k ≈ 0.4)', () => {
    for (const k of [0.4, 0.5, 0.7]) expect(13 * k * labelScale(k)).toBeGreaterThanOrEqual(11);
  });
  it('grows as K0 / k, up to the cap', () => {
    expect(labelScale(LABEL_K0 / 2)).toBeCloseTo(2);
    expect(labelScale(0.15)).toBe(LABEL_MAX_SCALE);
    expect(labelScale(0)).toBe(1);
  });
});

describe('labelPlacement', () => {
  it('is the old placement at s = 1', () => {
    expect(labelPlacement(24, 1)).toEqual({ nameY: 40, rolesY: 54 });
  });
  it('never brings a larger name up into its own circle', () => {
    fc.assert(
      fc.property(fc.double({ min: 4, max: 60, noNaN: true }), fc.double({ min: 1, max: LABEL_MAX_SCALE, noNaN: true }), (r, s) => {
        const { nameY, rolesY } = labelPlacement(r, s);
        // The name's cap height (~0.75 em of 13 × s) stays below the circle, roles below the name.
        expect(nameY - 0.75 * 13 * s).toBeGreaterThan(r);
        expect(rolesY - 0.75 * 11.5 * s).toBeGreaterThan(nameY);
      }),
    );
  });
});

describe('placeLabels', () => {
  const at = (nodes: LabelledNode[], k: number) => new Map(placeLabels(prepareLabels(nodes), k).map((d) => [d.id, d]));
  it('a lone person’s label grows to the full scale', () => {
    expect(at([person('a', 0, 0)], 0.45).get('a')).toEqual({ id: 'a', level: 'full', scale: 2 });
  });
  it('changes nothing at k ≥ K0, even where labels already crowd', () => {
    const draws = at([person('a', 0, 0), person('b', 10, 0, { rank: 1 })], LABEL_K0);
    expect([...draws.values()].map((d) => [d.level, d.scale])).toEqual([
      ['full', 1],
      ['full', 1],
    ]);
  });
  it('side by side: the lower-ranked label stays as large as fits, then drops its role line, then hides', () => {
    // Centres 150 apart, full blocks 94 wide (90 + halo): b's full label touches a's at s = 150 / 94 − 1 (a at s).
    const pair = (k: number) => at([person('a', 0, 0), person('b', 150, 0, { rank: 1 })], k).get('b')!;
    // k = 0.75, s = 1.2: a at 1.2 reaches x = 56.4; b's full label fits up to (150 − 56.4) / 47 ≈ 1.99 ≥ s.
    expect(pair(0.75)).toEqual({ id: 'b', level: 'full', scale: 1.2 });
    // k = 0.4, s = 2.25, centres 200 apart: a reaches x = 105.75; b's full label fits to 2.0 (10.4 px
    // names, too small to stay smaller than s), its name (37 half width) to 2.5, so at s.
    expect(at([person('a', 0, 0), person('b', 200, 0, { rank: 1 })], 0.4).get('b')).toEqual({ id: 'b', level: 'name', scale: 2.25 });
    // 150 apart: the name fits only to 1.2, a 6 px name; b waits for hover (at the full size).
    expect(pair(0.4)).toEqual({ id: 'b', level: 'none', scale: 2.25 });
    // Closer still: no room even at s = 1.
    expect(at([person('a', 0, 0), person('b', 110, 0, { rank: 1 })], 0.4).get('b')).toEqual({ id: 'b', level: 'none', scale: 2.25 });
  });
  it('a label never grows over someone’s circle below it', () => {
    // b right under a: a's block (top at y = 20, 34 tall per unit s) meets b's circle (top at y = 80) at s = 60 / 34,
    // which is readable at k = 0.5 (13 × 0.5 × 1.76 ≈ 11.5 px), so a keeps both lines at that size.
    const a = at([person('a', 0, 0), person('b', 0, 100, { rank: 1 })], 0.5).get('a')!;
    expect(a.level).toBe('full');
    expect(a.scale).toBeCloseTo(60 / 34);
  });
  it('no two drawn labels overlap, and none covers a circle, at any zoom below K0', () => {
    const people = fc.array(
      fc.record({
        x: fc.integer({ min: -400, max: 400 }),
        y: fc.integer({ min: -400, max: 400 }),
        radius: fc.integer({ min: 10, max: 40 }),
        nameWidth: fc.integer({ min: 30, max: 200 }),
        rolesWidth: fc.oneof(fc.constant(0), fc.integer({ min: 30, max: 200 })),
        rank: fc.integer({ min: 0, max: 5 }),
      }),
      { minLength: 2, maxLength: 12 },
    );
    fc.assert(
      fc.property(people, fc.double({ min: 0.1, max: LABEL_K0 - 0.01, noNaN: true }), (raw, k) => {
        const nodes = raw.map((p, i) => ({ ...p, id: `p${i}` }));
        const byId = new Map(nodes.map((n) => [n.id, n]));
        type Box = { left: number; right: number; top: number; bottom: number };
        // What is drawn of each label: its box, or nothing.
        const drawn = new Map<string, Box>();
        for (const d of placeLabels(prepareLabels(nodes), k)) {
          const n = byId.get(d.id)!;
          if (d.level === 'none') continue;
          expect(d.scale).toBeGreaterThanOrEqual(1);
          // Drawn smaller than s only while readable.
          if (d.scale < labelScale(k)) expect(13 * k * d.scale).toBeGreaterThanOrEqual(READABLE_PX - 1e-9);
          const roles = d.level === 'full' && n.rolesWidth > 0;
          const halfW = (Math.max(n.nameWidth, roles ? n.rolesWidth : 0) / 2 + 2) * d.scale;
          const top = n.y + n.radius;
          drawn.set(n.id, { left: n.x - halfW, right: n.x + halfW, top, bottom: top + (4 + (roles ? 30 : 16)) * d.scale });
        }
        const hit = (P: Box, Q: Box) =>
          P.left < Q.right - 1e-6 && Q.left < P.right - 1e-6 && P.top < Q.bottom - 1e-6 && Q.top < P.bottom - 1e-6;
        for (const [id, A] of drawn) {
          for (const b of nodes) {
            if (b.id === id) continue;
            expect(hit(A, { left: b.x - b.radius, right: b.x + b.radius, top: b.y - b.radius, bottom: b.y + b.radius })).toBe(false);
            const B = drawn.get(b.id);
            if (B) expect(hit(A, B)).toBe(false);
          }
        }
      }),
    );
  });
});

describe('fitWithLabels', () => {
  it('keeps everyone’s whole label in view at the zoom it lands on', () => {
    const spot = fc.record({ x: fc.integer({ min: -900, max: 900 }), y: fc.integer({ min: -600, max: 600 }) });
    fc.assert(
      fc.property(fc.array(spot, { minLength: 1, maxLength: 30 }), fc.integer({ min: 500, max: 1900 }), (spots, width) => {
        const height = Math.round(width * 0.6);
        const nodes = spots.map((p, i) => person(`p${i}`, p.x, p.y, { nameWidth: 60 + ((i * 37) % 90), rolesWidth: 140 }));
        const prepared = prepareLabels(nodes);
        const t = fitWithLabels(boundsOf(nodes.map((n) => ({ ...n, r: n.radius })))!, prepared, width, height);
        const b = labelBounds(prepared, labelScale(t.k))!;
        // Within the view, give or take the fit's 40 px padding.
        expect(b.minX * t.k + t.x).toBeGreaterThan(-0.5);
        expect(b.maxX * t.k + t.x).toBeLessThan(width + 0.5);
        expect(b.minY * t.k + t.y).toBeGreaterThan(-0.5);
        expect(b.maxY * t.k + t.y).toBeLessThan(height + 0.5);
      }),
    );
  });
});
