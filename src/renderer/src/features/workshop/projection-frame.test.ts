import { describe, expect, it } from 'vitest';
import type { OpportunityDetail } from '@shared/api';
import type { JourneyStep, WorkshopNote } from '@shared/domain';
import type { Lane } from '../journey/journey-layout';
import { initialPresentation, type PresentationState } from './presentation-state';
import { projectionFrame } from './projection-frame';
import { MIN_LANE, PROJECTION_AXIS } from './projection-layout';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 8, 1);
const step = (id: string, at: number, job: JourneyStep['job'], move: JourneyStep['move'] = 'forward') =>
  ({ id, at: T0 + at * DAY, job, move }) as JourneyStep;
const lane = (id: string, steps: JourneyStep[]) =>
  ({ stakeholderId: id, name: id, title: '', role: null, top: 0, height: 0, steps }) as Lane;
const lanes = [
  lane('a', [
    step('a1', 1, 'problem_identification', 'start'),
    step('a2', 20, 'validation'),
    step('a3', 40, 'solution_exploration', 'loop_back'),
  ]),
  lane('b', [step('b1', 5, 'requirements_building', 'start')]),
];
const detail = (status: 'open' | 'won', notes: WorkshopNote[] = []) =>
  ({
    opportunity: { createdAt: T0, closeDate: T0 + 90 * DAY, status, closedAt: status === 'won' ? T0 + 60 * DAY : undefined },
    journey: lanes.flatMap((l) => l.steps),
    interactions: [],
    notes,
  }) as unknown as OpportunityDetail;
const state = (over: Partial<PresentationState> = {}): PresentationState => ({ ...initialPresentation('o', 'w'), ...over });
const size = { width: 1920, height: 1080, legendH: 0 };

describe('projection frame', () => {
  it('lays the lanes under the axis, Today in view while the deal is open', () => {
    const now = T0 + 30 * DAY;
    const f = projectionFrame(lanes, detail('open'), state(), now, size);
    expect(f.shown.map((s) => s.index)).toEqual([0, 1]);
    expect(f.top(0)).toBe(PROJECTION_AXIS);
    expect(f.levelY(0, 'problem_identification')).toBe(PROJECTION_AXIS + 5);
    expect(f.levelY(0, 'consensus_creation')).toBe(PROJECTION_AXIS + f.h - 5);
    expect(f.todayX).toBeCloseTo(f.x(now), 6);
    expect(f.endAt).toBe(now);
    expect(f.drawn).toHaveLength(f.ticks.length);
  });
  it('leaves Today off a closed deal and ends its lines the day it closed', () => {
    const f = projectionFrame(lanes, detail('won'), state(), T0 + 200 * DAY, size);
    expect(f.todayX).toBeNull();
    expect(f.endAt).toBe(T0 + 60 * DAY);
  });
  it('drops the tick labels Today would cover', () => {
    const f = projectionFrame(lanes, detail('open'), state(), T0 + 30 * DAY, size);
    f.axisLabels.forEach((label, i) => {
      const tx = f.x(f.ticks[i]!);
      if (label === null) expect(Math.abs(tx - f.todayX!)).toBeLessThan(150);
    });
  });
  it('pages the lanes when even compact strips do not fit', () => {
    const many = Array.from({ length: 60 }, (_, i) => lane(`p${i}`, []));
    const f = projectionFrame(many, detail('open'), state({ page: 9 }), T0, { width: 1280, height: 720, legendH: 48 });
    expect(f.fit.pages).toBeGreaterThan(1);
    expect(f.page).toBe(f.fit.pages - 1);
    expect(f.h).toBeGreaterThanOrEqual(MIN_LANE);
    expect(f.shown.length).toBeLessThanOrEqual(f.fit.perPage);
  });
  it('in loop mode marks the loop just revealed and zooms on it', () => {
    const f = projectionFrame(lanes, detail('open'), state({ mode: 'loop', step: 1, zoom: 4 }), T0 + 30 * DAY, size);
    expect(f.loops.map((l) => l.stepId)).toEqual(['a3']);
    expect(f.loopRank.get('a3')).toBe(0);
    expect(f.currentLoop?.stepId).toBe('a3');
    const [from, to] = f.x.domain().map((d) => d.getTime()) as [number, number];
    expect(from).toBeLessThan(T0 + 40 * DAY);
    expect(to).toBeGreaterThan(T0 + 40 * DAY);
  });
  it('places the cards of the notes the state shows', () => {
    const note = { id: 'n', text: 'Budget', color: 'yellow', createdAt: 1, stakeholderId: 'b' } as WorkshopNote;
    expect(projectionFrame(lanes, detail('open', [note]), state(), T0, size).cards).toHaveLength(0);
    const shown = projectionFrame(lanes, detail('open', [note]), state({ step: 2 }), T0, size).cards;
    expect(shown.map((c) => c.pin.lane)).toEqual([1]);
  });
});
