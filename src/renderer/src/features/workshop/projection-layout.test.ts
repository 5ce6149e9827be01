import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fitLanes,
  fitText,
  MIN_LANE,
  PROJECTION_FONT,
  spacedLabels,
  textWidth,
  wrapWords,
  zoomDomain,
  type AxisLabel,
} from './projection-layout';

/** Left and right edge of a label as drawn. */
const extent = (l: AxisLabel, font: number): [number, number] => {
  const w = textWidth(l.text, font);
  const start = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
  return [start, start + w];
};

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

  it('leaves out tick labels that would run into the one before (weekly ticks in 28 px type)', () => {
    // What a 1920 px projection of a ten-week deal drew: labels 130 px apart, each up to ~190 px wide.
    const texts = ['Oct 25, 2026', 'Nov 1', 'Nov 8', 'Nov 29', 'Dec 6', 'Dec 13', 'Dec 20', 'Dec 27', 'Jan 3, 2027'];
    const labels: (AxisLabel | null)[] = texts.map((text, i) => ({ x: 412 + i * 130, text, anchor: i === 0 ? 'start' : 'middle' }));
    const drawn = spacedLabels(labels, PROJECTION_FONT);
    expect(drawn[0]).toBe(true);
    expect(drawn.filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(drawn.filter(Boolean).length).toBeLessThan(texts.length);
    // A label Today covers is never drawn and does not push the next one out.
    expect(spacedLabels([null, { x: 500, text: 'Nov 8', anchor: 'middle' }], PROJECTION_FONT)).toEqual([false, true]);
  });

  it('never draws two tick labels closer than the gap', () => {
    const label = fc.record({
      x: fc.integer({ min: 0, max: 2000 }),
      text: fc.string({ minLength: 1, maxLength: 14 }),
      anchor: fc.constantFrom('start' as const, 'middle' as const, 'end' as const),
    });
    fc.assert(
      fc.property(fc.array(fc.option(label, { nil: null }), { maxLength: 20 }), (raw) => {
        const labels = [...raw].sort((a, b) => (a?.x ?? 0) - (b?.x ?? 0));
        const drawn = spacedLabels(labels, PROJECTION_FONT);
        const kept = labels.filter((l, i): l is AxisLabel => l !== null && drawn[i] === true).map((l) => extent(l, PROJECTION_FONT));
        for (let i = 1; i < kept.length; i++) expect(kept[i]![0]).toBeGreaterThanOrEqual(kept[i - 1]![1] + PROJECTION_FONT);
      }),
    );
  });
});
