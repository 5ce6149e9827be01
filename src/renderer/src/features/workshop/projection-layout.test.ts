import { describe, expect, it } from 'vitest';
import { fitLanes, fitText, MIN_LANE, PROJECTION_FONT, wrapWords, zoomDomain } from './projection-layout';

describe('projection layout', () => {
  it('fits 20 lanes on one page at 1080p and 720p chrome budgets, each at least one line of 28 px type', () => {
    for (const height of [1080 - 140, 720 - 136]) {
      const fit = fitLanes(20, height);
      expect(fit.pages).toBe(1);
      expect(fit.laneHeight).toBeGreaterThanOrEqual(MIN_LANE);
      expect(fit.laneHeight * 20).toBeLessThanOrEqual(height);
    }
    expect(MIN_LANE).toBeGreaterThanOrEqual(PROJECTION_FONT);
  });

  it('pages in even groups only when compact lanes do not fit', () => {
    const fit = fitLanes(45, 560);
    expect(fit.pages).toBe(3);
    expect(fit.perPage).toBe(15);
    expect(fit.laneHeight).toBeGreaterThanOrEqual(MIN_LANE);
    expect(fitLanes(3, 900).laneHeight).toBe(120);
  });

  it('wraps at word boundaries and never splits a word that fits a line', () => {
    const lines = wrapWords('Procurement wants a second security review before Procurement signs', 14);
    expect(lines).toEqual(['Procurement', 'wants a second', 'security', 'review before', 'Procurement', 'signs']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(14);
    expect(wrapWords('https://example.com/averyveryverylongpath', 10).every((l) => l.length <= 10)).toBe(true);
    expect(wrapWords('one\ntwo', 20)).toEqual(['one', 'two']);
  });

  it('cuts long names with an ellipsis, leaves short ones', () => {
    expect(fitText('Ana Li', 300, 28)).toBe('Ana Li');
    const cut = fitText('Maximiliane Oberhauser-Winterfeld', 300, 28);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan(33);
  });

  it('zooms around the focus, clamped inside the span', () => {
    expect(zoomDomain([0, 100], 1, 50)).toEqual([0, 100]);
    expect(zoomDomain([0, 100], 2, 50)).toEqual([25, 75]);
    expect(zoomDomain([0, 100], 4, 2)).toEqual([0, 25]);
    expect(zoomDomain([0, 100], 4, 99)).toEqual([75, 100]);
  });
});
