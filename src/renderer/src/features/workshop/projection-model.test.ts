import { describe, expect, it } from 'vitest';
import type { JourneyStep, WorkshopNote } from '@shared/domain';
import type { Lane } from '../journey/journey-layout';
import { pinNotes } from '../journey/note-pins';
import { isLaneRevealed, isLoopShown, isPinVisible, loopsInOrder, nextUp, revealWords, visibleSteps } from './projection-model';

const step = (id: string, at: number, job: JourneyStep['job'], move: JourneyStep['move'] = 'forward') =>
  ({ id, at, job, move }) as JourneyStep;
const lane = (id: string, name: string, steps: JourneyStep[]) =>
  ({ stakeholderId: id, name, title: '', role: null, top: 0, height: 10, steps }) as Lane;
const lanes = [
  lane('a', 'Ana', [
    step('a1', 1, 'problem_identification', 'start'),
    step('a2', 5, 'validation'),
    step('a3', 9, 'solution_exploration', 'loop_back'),
  ]),
  lane('b', 'Ben', [step('b1', 2, 'requirements_building', 'start'), step('b2', 4, 'problem_identification', 'loop_back')]),
];

describe('projection model', () => {
  it('person mode reveals whole lanes in order', () => {
    const state = { mode: 'person' as const, step: 1 };
    expect(visibleSteps(lanes[0]!, 0, state)).toHaveLength(3);
    expect(visibleSteps(lanes[1]!, 1, state)).toHaveLength(0);
    expect(isLaneRevealed(1, state)).toBe(false);
    expect(nextUp(lanes, state, (j) => j)).toBe('Ben (2 of 2)');
    expect(revealWords(state, 2, 0)).toBe('1 of 2 people');
  });

  it('job mode shows the steps in the jobs revealed so far', () => {
    const state = { mode: 'job' as const, step: 1 };
    expect(visibleSteps(lanes[0]!, 0, state).map((s) => s.id)).toEqual(['a1']);
    expect(visibleSteps(lanes[1]!, 1, state).map((s) => s.id)).toEqual(['b2']);
  });

  it('lists loops back in time order for loop mode', () => {
    expect(loopsInOrder(lanes).map((l) => l.stepId)).toEqual(['b2', 'a3']);
    expect(nextUp(lanes, { mode: 'loop', step: 0 }, (j) => j)).toBe(
      'Ben went back: requirements_building → problem_identification (1 of 2)',
    );
    expect(nextUp(lanes, { mode: 'loop', step: 2 }, (j) => j)).toBe('Every loop back is shown');
  });

  it('pins a note to the time its person was in its job, free notes to the canvas', () => {
    const note = (id: string, extra: Partial<WorkshopNote>) => ({ id, text: id, color: 'yellow', createdAt: 1, ...extra }) as WorkshopNote;
    const pins = pinNotes(
      [note('n1', { stakeholderId: 'a' as never, job: 'validation' }), note('n2', {}), note('n3', { stakeholderId: 'b' as never })],
      lanes,
    );
    expect(pins.map((p) => [p.lane, p.at])).toEqual([
      [0, 5],
      [null, null],
      [1, 4],
    ]);
    expect(isPinVisible(pins[0]!, { mode: 'person', step: 0 })).toBe(false);
    expect(isPinVisible(pins[1]!, { mode: 'person', step: 0 })).toBe(true);
    expect(isPinVisible(pins[0]!, { mode: 'job', step: 5 })).toBe(true);
  });

  it("pins a note with its own time there, whatever the person's steps say", () => {
    const note = (id: string, extra: Partial<WorkshopNote>) => ({ id, text: id, color: 'yellow', createdAt: 1, ...extra }) as WorkshopNote;
    const pins = pinNotes([note('n1', { stakeholderId: 'a' as never, job: 'validation', at: 7 }), note('n2', { at: 3 })], lanes);
    expect(pins.map((p) => [p.lane, p.job, p.at])).toEqual([
      [0, 'validation', 7],
      [null, null, 3],
    ]);
  });

  it('draws a loop back as one only once loop mode has revealed it', () => {
    expect(isLoopShown(undefined, { mode: 'person', step: 0 })).toBe(true);
    expect(isLoopShown(0, { mode: 'job', step: 0 })).toBe(true);
    expect(isLoopShown(0, { mode: 'loop', step: 0 })).toBe(false);
    expect(isLoopShown(0, { mode: 'loop', step: 1 })).toBe(true);
    expect(isLoopShown(undefined, { mode: 'loop', step: 5 })).toBe(false);
  });
});
