// Renderer (pure): where a workshop note sits on a journey map — the projection, the facilitator's
// preview and the PDF all pin notes by this one rule.
import type { BuyingJob, WorkshopNote } from '@shared/domain';
import type { Lane } from './journey-layout';

export interface NotePin {
  note: WorkshopNote;
  /** Lane index, or null for a note free on the canvas. */
  lane: number | null;
  job: BuyingJob | null;
  /**
   * The time the note points at: the time written on the note; else when that person was in that
   * job (their first step there), or their last step; null for a free note without a time.
   */
  at: number | null;
}

/** Where each note is pinned: to a person, a job and a time; notes about no person float on the canvas. */
export function pinNotes(notes: readonly WorkshopNote[], lanes: readonly Pick<Lane, 'stakeholderId' | 'steps'>[]): NotePin[] {
  const laneOf = new Map(lanes.map((l, i) => [l.stakeholderId, i]));
  return [...notes]
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .map((note) => {
      const lane = note.stakeholderId !== undefined ? (laneOf.get(note.stakeholderId) ?? null) : null;
      const steps = lane === null ? [] : (lanes[lane]?.steps ?? []);
      const inJob = note.job ? steps.find((s) => s.job === note.job) : undefined;
      const at = note.at ?? (lane === null ? null : (inJob?.at ?? steps[steps.length - 1]?.at ?? null));
      return { note, lane, job: note.job ?? null, at };
    });
}
