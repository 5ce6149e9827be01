import { describe, expect, it } from 'vitest';
import { ACCOUNT_LANE, ACCOUNT_LANE_H, accountChartHeights, clipText, lanesInView, zoomKeyAction } from './account-journey-canvas';

describe('account journey canvas', () => {
  it('is as tall as its lanes up to a limit, past which the view scrolls', () => {
    expect(ACCOUNT_LANE_H).toBe(64);
    expect(accountChartHeights(2)).toEqual({ height: 30 + 128 + 2, total: 30 + 128 + 2 });
    expect(accountChartHeights(100)).toEqual({ height: 640, total: 30 + 6400 + 2 });
  });
  it('paints only the lanes a scroll position shows', () => {
    expect(lanesInView(0, 640, 100)).toEqual([0, 9]);
    expect(lanesInView(ACCOUNT_LANE_H * 20 + 5, 640, 100)).toEqual([20, 29]);
    expect(lanesInView(0, 640, 3)).toEqual([0, 2]);
    const [first, last] = lanesInView(0, ACCOUNT_LANE.axis, 0);
    expect(last).toBeLessThan(first);
  });
  it('cuts a label with an ellipsis to fit its column', () => {
    const measure = (text: string) => text.length * 10;
    expect(clipText('Short', 100, measure)).toBe('Short');
    expect(clipText('A much longer name', 100, measure)).toBe('A much lo…');
    expect(clipText('Wide', 5, measure)).toBe('W…');
  });
  it('zooms with + = −, moves in time with ← →, shows the whole time with 0', () => {
    expect(zoomKeyAction('+')).toEqual({ zoom: 1.5 });
    expect(zoomKeyAction('=')).toEqual({ zoom: 1.5 });
    expect(zoomKeyAction('-')).toEqual({ zoom: 1 / 1.5 });
    expect(zoomKeyAction('ArrowLeft')).toEqual({ pan: 120 });
    expect(zoomKeyAction('ArrowRight')).toEqual({ pan: -120 });
    expect(zoomKeyAction('0')).toBe('fit');
    expect(zoomKeyAction('a')).toBeNull();
  });
});
