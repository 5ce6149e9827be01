// Renderer (pure): what the projection draws at a reveal step — which lanes, which of their steps,
// which notes and where they are pinned. Kept apart from the SVG so it is tested without a DOM.
import { BUYING_JOBS, type BuyingJob, type JourneyStep, type WorkshopNote } from '@shared/domain';
import { jobIndex, type Lane } from '../journey/journey-layout';
import type { PresentationState } from './presentation-state';

/** The steps of a lane the room may see at this state (person by person, or job by job). */
export function visibleSteps(lane: Lane, laneIndex: number, state: Pick<PresentationState, 'mode' | 'step'>): JourneyStep[] {
  if (state.mode === 'person') return laneIndex < state.step ? lane.steps : [];
  return lane.steps.filter((s) => jobIndex(s.job) < state.step);
}

export function isLaneRevealed(laneIndex: number, state: Pick<PresentationState, 'mode' | 'step'>): boolean {
  return state.mode === 'person' ? laneIndex < state.step : state.step > 0;
}

/** What the next press of the clicker will show, in words, for the facilitator. */
export function nextUp(lanes: readonly Pick<Lane, 'name'>[], state: Pick<PresentationState, 'mode' | 'step'>, jobLabel: (job: BuyingJob) => string): string {
  if (state.mode === 'person') {
    const lane = lanes[state.step];
    return lane ? `${lane.name} (${state.step + 1} of ${lanes.length})` : 'Everyone is shown';
  }
  const job = BUYING_JOBS[state.step];
  return job ? `${jobLabel(job)} (${state.step + 1} of ${BUYING_JOBS.length})` : 'Every job is shown';
}

export interface NotePin {
  note: WorkshopNote;
  /** Lane index, or null for a note free on the canvas. */
  lane: number | null;
  job: BuyingJob | null;
  /** The time the note points at: when that person was in that job (their first step there), or their last step. */
  at: number | null;
}

/** Where each note is pinned: to a person, a job and a time; notes about no person float on the canvas. */
export function pinNotes(notes: readonly WorkshopNote[], lanes: readonly Lane[]): NotePin[] {
  const laneOf = new Map(lanes.map((l, i) => [l.stakeholderId, i]));
  return [...notes].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)).map((note) => {
    const lane = note.stakeholderId !== undefined ? (laneOf.get(note.stakeholderId) ?? null) : null;
    const steps = lane === null ? [] : (lanes[lane]?.steps ?? []);
    const inJob = note.job ? steps.find((s) => s.job === note.job) : undefined;
    const at = inJob?.at ?? steps[steps.length - 1]?.at ?? null;
    return { note, lane, job: note.job ?? null, at };
  });
}

/** Whether a pinned note is shown at this state: with its person (or job) once revealed; free notes always. */
export function isPinVisible(pin: NotePin, state: Pick<PresentationState, 'mode' | 'step'>): boolean {
  if (state.mode === 'person') return pin.lane === null || pin.lane < state.step;
  return pin.job === null || jobIndex(pin.job) < state.step;
}
