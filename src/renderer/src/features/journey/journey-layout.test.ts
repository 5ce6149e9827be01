import { describe, expect, it } from 'vitest';
import type { JourneyStep, Opportunity } from '@shared/domain';
import * as d3 from 'd3';
import {
  axisTicks,
  buildLanes,
  isLoopBack,
  jobAtY,
  jobY,
  laneEnd,
  laneHeight,
  pickCell,
  roleWords,
  SCREEN_METRICS as M,
  segments,
  showsToday,
  suggestMove,
  tickLabels,
  timeDomain,
} from './journey-layout';

const step = (id: string, stakeholderId: string, job: JourneyStep['job'], at: number, move: JourneyStep['move'] = 'forward'): JourneyStep =>
  ({ id, accountId: 'a', opportunityId: 'o', stakeholderId, job, at, move, updatedAt: 0 }) as JourneyStep;
const opp = {
  members: [
    { stakeholderId: 'u', role: 'user' },
    { stakeholderId: 'd', role: 'decision_maker' },
  ],
} as unknown as Opportunity;

describe('journey layout', () => {
  it('orders lanes by deal role, then adds people who only have steps', () => {
    const lanes = buildLanes(
      opp,
      [
        { id: 'u', name: 'Uma', title: '' },
        { id: 'd', name: 'Dan', title: '' },
      ] as never,
      [step('1', 'x', 'validation', 5), step('2', 'u', 'validation', 9), step('3', 'u', 'problem_identification', 1)],
      M,
    );
    expect(lanes.map((l) => l.stakeholderId)).toEqual(['d', 'u', 'x']);
    expect(lanes[2]!.name).toBe('Former group member');
    expect(lanes[1]!.steps.map((s) => s.id)).toEqual(['3', '2']);
    expect(lanes[1]!.top).toBe(M.axis + laneHeight(M));
  });
  it('maps jobs to bands and back', () => {
    const lane = { top: 100 };
    expect(jobAtY(lane, jobY(lane, 'validation', M), M)).toBe('validation');
    expect(jobAtY(lane, -50, M)).toBe('problem_identification');
    expect(jobAtY(lane, 10_000, M)).toBe('consensus_creation');
  });
  it('classifies forward moves, loops back and stays', () => {
    const s = [
      step('1', 'a', 'problem_identification', 1, 'start'),
      step('2', 'a', 'requirements_building', 2),
      step('3', 'a', 'solution_exploration', 3, 'loop_back'),
      step('4', 'a', 'solution_exploration', 4, 'stay'),
      step('5', 'a', 'solution_exploration', 5, 'loop_back'),
    ];
    expect(segments(s).map((x) => x.transition)).toEqual(['forward', 'loop_back', 'stay', 'loop_back']);
  });
  it('suggests the move from where the lane was', () => {
    const s = [step('1', 'a', 'problem_identification', 10, 'start'), step('2', 'a', 'validation', 20)];
    expect(suggestMove(s, 'validation', 5)).toBe('start');
    expect(suggestMove(s, 'supplier_selection', 15)).toBe('forward');
    expect(suggestMove(s, 'solution_exploration', 25)).toBe('loop_back');
    expect(suggestMove(s, 'validation', 25)).toBe('stay');
  });
  it('a closed deal spans its own life and leaves today off its axis', () => {
    const day = 86_400_000;
    const now = 900 * day;
    const domain = timeDomain(
      { createdAt: 100 * day, closeDate: 190 * day, status: 'won', closedAt: 200 * day },
      [{ at: 120 * day }],
      [],
      now,
    );
    expect(domain[1]).toBeLessThan(210 * day);
    expect(domain[0]).toBeGreaterThan(90 * day);
    expect(showsToday(domain, now)).toBe(false);
    expect(showsToday(timeDomain({ createdAt: 100 * day, closeDate: 200 * day, status: 'open' }, [], [], 150 * day), 150 * day)).toBe(true);
  });
  it('labels ticks without repeating a month', () => {
    const day = 86_400_000;
    const weekly = [0, 1, 2, 3, 4, 5].map((w) => Date.UTC(2026, 10, 2) + w * 7 * day);
    const labels = tickLabels(weekly, 'en-GB');
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[0]).toBe('2 Nov 2026');
    expect(labels[1]).toBe('9 Nov');
    expect(labels[5]).toBe('7 Dec');
    const monthly = [0, 1, 2].map((mo) => Date.UTC(2026, 10 + mo, 1));
    expect(tickLabels(monthly, 'en-GB')).toEqual(['Nov 2026', 'Dec 2026', 'Jan 2027']);
    const acrossYear = [Date.UTC(2026, 11, 28), Date.UTC(2027, 0, 4)];
    expect(tickLabels(acrossYear, 'en-GB')).toEqual(['28 Dec 2026', '4 Jan 2027']);
  });
  it('spans the deal, its steps and today', () => {
    const day = 86_400_000;
    const [lo, hi] = timeDomain({ createdAt: 100 * day, closeDate: 200 * day, status: 'open' }, [{ at: 90 * day }], [], 150 * day);
    expect(lo).toBeLessThan(90 * day);
    expect(hi).toBeGreaterThan(200 * day);
  });
  it('calls a move back a loop back, and one declared so even to the same job', () => {
    const from = step('1', 'a', 'validation', 1);
    expect(isLoopBack(from, step('2', 'a', 'problem_identification', 2))).toBe(true);
    expect(isLoopBack(from, step('2', 'a', 'validation', 2, 'loop_back'))).toBe(true);
    expect(isLoopBack(from, step('2', 'a', 'validation', 2, 'stay'))).toBe(false);
    expect(isLoopBack(from, step('2', 'a', 'consensus_creation', 2))).toBe(false);
  });
  it('says the role under a name, or that the person left the group', () => {
    expect(roleWords('decision_maker')).toBe('Decision maker');
    expect(roleWords(null)).toBe('Not in the group now');
  });
  it("ends a lane's line today while the deal is open, the day it closed after (its close date when none was recorded)", () => {
    expect(laneEnd({ status: 'open', closedAt: 5, closeDate: 40 }, 50)).toBe(50);
    expect(laneEnd({ status: 'won', closedAt: 5, closeDate: 40 }, 50)).toBe(5);
    expect(laneEnd({ status: 'lost', closeDate: 40 }, 50)).toBe(40);
  });
  it("picks a lane's job and time from a click, the time held inside the step window", () => {
    const lane = { stakeholderId: 's' as never, top: 100 };
    const y = jobY(lane, 'supplier_selection', M);
    expect(pickCell(lane, 20.4, y, M, [10, 30])).toEqual({ stakeholderId: 's', job: 'supplier_selection', at: 20 });
    expect(pickCell(lane, 99, y, M, [10, 30]).at).toBe(30);
    expect(pickCell(lane, 2, y, M, [10, 30]).at).toBe(10);
  });
  it('asks the scale for about one tick per spacing, never fewer than two, with their labels', () => {
    const x = d3
      .scaleTime()
      .domain([Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31)])
      .range([0, 1000]);
    const wide = axisTicks(x, 1300, 130, 'en-GB');
    expect(wide.labels).toHaveLength(wide.ticks.length);
    expect(wide.ticks.length).toBeGreaterThan(6);
    expect(wide.labels[0]).toBe('Jan 2026');
    const asked: number[] = [];
    axisTicks({ ticks: (n) => (asked.push(n), []) }, 50, 130);
    axisTicks({ ticks: (n) => (asked.push(n), []) }, 1300, 130);
    expect(asked).toEqual([2, 10]);
  });
});
