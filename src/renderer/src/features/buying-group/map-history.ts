// Renderer (pure): undo and redo for map edits. A step is a list of person changes, each with
// the fields before and after; undo writes `before` back, redo writes `after`. Writes go through
// the host with the person's current state as base, so undoing never clobbers a field someone
// else changed meanwhile (only the fields the step names are written).
import type { Stakeholder } from '@shared/domain';

export type MapFields = Pick<Stakeholder, 'mapPosition' | 'stance' | 'buyingRoles' | 'influence' | 'dismissedSuggestions'>;

export interface PersonChange {
  id: string;
  before: Partial<MapFields>;
  after: Partial<MapFields>;
}

export interface MapStep {
  label: string;
  changes: PersonChange[];
}

export interface MapHistory {
  past: readonly MapStep[];
  future: readonly MapStep[];
}

export const EMPTY_HISTORY: MapHistory = { past: [], future: [] };
const LIMIT = 100;

export function record(h: MapHistory, step: MapStep): MapHistory {
  if (step.changes.length === 0) return h;
  return { past: [...h.past, step].slice(-LIMIT), future: [] };
}

/** The step to apply to undo (its changes reversed), and the history after it. */
export function undo(h: MapHistory): { history: MapHistory; apply: MapStep } | null {
  const step = h.past[h.past.length - 1];
  if (!step) return null;
  return {
    history: { past: h.past.slice(0, -1), future: [step, ...h.future] },
    apply: { label: step.label, changes: step.changes.map((c) => ({ id: c.id, before: c.after, after: c.before })) },
  };
}

export function redo(h: MapHistory): { history: MapHistory; apply: MapStep } | null {
  const step = h.future[0];
  if (!step) return null;
  return { history: { past: [...h.past, step], future: h.future.slice(1) }, apply: step };
}

/**
 * The stakeholders.upsert input that writes `fields` onto `current`: the whole document as the
 * edit, the current document as base. A field set to undefined is cleared (the merge reads a
 * field present in base and absent from the edit as cleared).
 */
export function personEdit(current: Stakeholder, fields: Partial<MapFields>): Record<string, unknown> {
  const { updatedAt: _u, keptConflicts: _k, ...doc } = current;
  const { keptConflicts: _kb, ...base } = current;
  const edit: Record<string, unknown> = { ...doc };
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) delete edit[k];
    else edit[k] = v;
  }
  return { ...edit, base };
}
