import { describe, expect, it } from 'vitest';
import type { Interaction, JourneyStep } from '@shared/domain';
import { CHART_COLORS } from '@renderer/lib/chart-theme';
import { interactionTitle, JOURNEY_COLORS, loopMark, loopTitle, markerLabelFlips, stepFill, stepTitle } from './journey-marks';

const step = (job: JourneyStep['job'], move: JourneyStep['move'], note?: string) =>
  ({ id: 's', at: Date.UTC(2026, 10, 4, 12), job, move, ...(note ? { note } : {}) }) as JourneyStep;

describe('journey marks', () => {
  it("fills a step's dot in its move's colour, a stay hollow", () => {
    expect(stepFill('loop_back')).toBe(JOURNEY_COLORS.loop);
    expect(stepFill('forward')).toBe(JOURNEY_COLORS.forward);
    expect(stepFill('start')).toBe(JOURNEY_COLORS.dwell);
    expect(stepFill('stay')).toBe(CHART_COLORS.paper);
  });
  it('curls a loop back to the same job above the band, and curves one to another job back up', () => {
    const same = loopMark(100, 50, 50, 10);
    expect(same.d).toBe('M97,50C90,40 104,40 102,47');
    expect(same).toMatchObject({ labelX: 88, labelY: 44 });
    const up = loopMark(100, 80, 40, 10);
    expect(up.d).toBe('M100,80C90,80 90,40 96,40');
    expect(up).toMatchObject({ labelX: 88, labelY: 60 });
  });
  it('names the jobs and the note in the tooltips', () => {
    expect(loopTitle({ from: step('validation', 'forward'), to: step('problem_identification', 'loop_back', 'Budget cut') })).toBe(
      'Loop back: Validation → Problem identification — Budget cut',
    );
    const title = stepTitle(step('solution_exploration', 'loop_back'));
    expect(title).toMatch(/ · Solution exploration · loop back$/);
    const it_ = { at: Date.UTC(2026, 10, 4), kind: 'web_visit', notes: 'x'.repeat(200) } as Interaction;
    expect(interactionTitle(it_)).toMatch(/ · web visit: x{120}$/);
  });
  it("flips a marker's label to the left near the right edge", () => {
    expect(markerLabelFlips(800, 1000)).toBe(false);
    expect(markerLabelFlips(891, 1000)).toBe(true);
  });
});
