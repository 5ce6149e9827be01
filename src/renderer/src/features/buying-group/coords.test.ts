import { describe, expect, it } from 'vitest';
import { boundsOf, fitTransform, graphPoint, screenPoint, toGraph, toScreen } from './coords';

describe('coords', () => {
  it('round-trips between screen and graph space', () => {
    const t = { k: 2, x: 30, y: -10 };
    const g = toGraph(screenPoint(130, 90), t);
    expect(g).toEqual({ x: 50, y: 50 });
    expect(toScreen(graphPoint(g.x, g.y), t)).toEqual({ x: 130, y: 90 });
  });
  it('bounds circles including their radius', () => {
    expect(boundsOf([])).toBeNull();
    expect(
      boundsOf([
        { x: 0, y: 0, r: 10 },
        { x: 100, y: 50, r: 5 },
      ]),
    ).toEqual({ minX: -10, minY: -10, maxX: 105, maxY: 55 });
  });
  it('fits bounds centred, capped at maxScale', () => {
    const t = fitTransform({ minX: 0, minY: 0, maxX: 100, maxY: 100 }, 1000, 500, 50, 10);
    expect(t.k).toBe(4);
    expect(toScreen(graphPoint(50, 50), t)).toEqual({ x: 500, y: 250 });
    expect(fitTransform({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, 1000, 1000).k).toBe(1.4);
  });
});
