// Renderer (pure): sticky notes into the board's columns — one per buying job, then "Any job".
import { BUYING_JOBS, type BuyingJob, type WorkshopNote } from '@shared/domain';

export type NoteColor = WorkshopNote['color'];
export const NOTE_COLORS: readonly NoteColor[] = ['yellow', 'blue', 'green', 'pink', 'grey'];
export const NOTE_COLOR_LABEL: Record<NoteColor, string> = { yellow: 'Yellow', blue: 'Blue', green: 'Green', pink: 'Pink', grey: 'Grey' };

export interface BoardColumn {
  job: BuyingJob | null;
  notes: WorkshopNote[];
}

/** Six job columns in journey order plus a last column for notes about no job; oldest first. */
export function boardColumns(notes: readonly WorkshopNote[]): BoardColumn[] {
  const sorted = [...notes].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return [...BUYING_JOBS, null].map((job) => ({ job, notes: sorted.filter((n) => (n.job ?? null) === job) }));
}
