// Renderer (pure): what the projection draws at a reveal step — which lanes, which of their steps,
// which notes and where they are pinned. Kept apart from the SVG so it is tested without a DOM.
import { BUYING_JOBS, type BuyingJob, type JourneyStep } from '@shared/domain';
import { isLoopBack, jobIndex, type Lane } from '../journey/journey-layout';
import type { NotePin } from '../journey/note-pins';
import type { PresentationState } from './presentation-state';

/** The steps of a lane the room may see at this state (person by person, job by job; loop mode shows every step). */
export function visibleSteps(lane: Lane, laneIndex: number, state: Pick<PresentationState, 'mode' | 'step'>): JourneyStep[] {
  if (state.mode === 'person') return laneIndex < state.step ? lane.steps : [];
  if (state.mode === 'loop') return lane.steps;
  return lane.steps.filter((s) => jobIndex(s.job) < state.step);
}

export function isLaneRevealed(laneIndex: number, state: Pick<PresentationState, 'mode' | 'step'>): boolean {
  return state.mode === 'person' ? laneIndex < state.step : state.mode === 'loop' ? true : state.step > 0;
}

export interface LoopBack {
  lane: number;
  /** The step that went back. */
  stepId: string;
  at: number;
  from: BuyingJob;
  to: BuyingJob;
}

/** Every "here they went back" of the group, in time order (ties: lane order): loop mode reveals them one by one. */
export function loopsInOrder(lanes: readonly Pick<Lane, 'steps'>[]): LoopBack[] {
  const out: LoopBack[] = [];
  lanes.forEach((lane, i) => {
    for (let k = 1; k < lane.steps.length; k++) {
      const a = lane.steps[k - 1] as JourneyStep;
      const b = lane.steps[k] as JourneyStep;
      if (isLoopBack(a, b)) out.push({ lane: i, stepId: b.id, at: b.at, from: a.job, to: b.job });
    }
  });
  return out.sort((x, y) => x.at - y.at || x.lane - y.lane);
}

/**
 * Whether a loop back drawn at this state looks like one. In loop mode a loop not yet revealed
 * (`rank`: its place in loopsInOrder) is drawn as a plain move, so the room sees it only when told.
 */
export function isLoopShown(rank: number | undefined, state: Pick<PresentationState, 'mode' | 'step'>): boolean {
  return state.mode !== 'loop' || (rank !== undefined && rank < state.step);
}

/** "3 of 20 people", "2 of 6 jobs", "1 of 4 loops back". */
export function revealWords(state: Pick<PresentationState, 'mode' | 'step'>, lanes: number, loops: number): string {
  if (state.mode === 'person') return `${Math.min(state.step, lanes)} of ${lanes} people`;
  if (state.mode === 'job') return `${state.step} of 6 jobs`;
  return `${Math.min(state.step, loops)} of ${loops} loops back`;
}

/** What the next press of the clicker will show, in words, for the facilitator. */
export function nextUp(
  lanes: readonly Pick<Lane, 'name' | 'steps'>[],
  state: Pick<PresentationState, 'mode' | 'step'>,
  jobLabel: (job: BuyingJob) => string,
): string {
  if (state.mode === 'loop') {
    const loops = loopsInOrder(lanes);
    const loop = loops[state.step];
    return loop
      ? `${lanes[loop.lane]?.name ?? 'Someone'} went back: ${jobLabel(loop.from)} → ${jobLabel(loop.to)} (${state.step + 1} of ${loops.length})`
      : 'Every loop back is shown';
  }
  if (state.mode === 'person') {
    const lane = lanes[state.step];
    return lane ? `${lane.name} (${state.step + 1} of ${lanes.length})` : 'Everyone is shown';
  }
  const job = BUYING_JOBS[state.step];
  return job ? `${jobLabel(job)} (${state.step + 1} of ${BUYING_JOBS.length})` : 'Every job is shown';
}

/** Whether a pinned note is shown at this state: with its person (or job) once revealed; free notes always. */
export function isPinVisible(pin: NotePin, state: Pick<PresentationState, 'mode' | 'step'>): boolean {
  if (state.mode === 'person') return pin.lane === null || pin.lane < state.step;
  if (state.mode === 'loop') return true;
  return pin.job === null || jobIndex(pin.job) < state.step;
}
