// Renderer (pure): undo and redo for map edits. A step is a list of person changes, each with
// the fields before and after; undo writes `before` back, redo writes `after`. Writes go through
// the host with the person's current state as base, so undoing never clobbers a field someone
// else changed meanwhile (only the fields the step names are written).
import type { RelationshipInput, RemovedRecords, StakeholderInput } from '@shared/api';
import type { BuyingRole, Relationship, Stakeholder } from '@shared/domain';

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

/**
 * Record edits (a deal role, a relationship drawn or deleted, a person added or removed) are
 * undone by another write: each op knows, from its own answer, the op that reverses it
 * (`inverseOf`). Removes answer with what they took, so the reverse restores exactly that.
 */
export type RecordOp =
  | { method: 'opportunities.setMember'; opportunityId: string; stakeholderId: string; role: BuyingRole | null; was: BuyingRole | null }
  | { method: 'relationships.upsert'; input: RelationshipInput }
  | { method: 'relationships.remove'; doc: Relationship }
  | { method: 'stakeholders.upsert'; input: StakeholderInput }
  | { method: 'stakeholders.remove'; id: string }
  | { method: 'records.restore'; records: RemovedRecords };

/** A record edit in the history: `op` is what to run to take this entry (undo or redo). */
export interface RecordStep {
  label: string;
  op: RecordOp;
}

export type HistoryEntry = MapStep | RecordStep;

export const isRecordStep = (e: HistoryEntry): e is RecordStep => 'op' in e;

export interface MapHistory {
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
}

const NO_RECORDS: RemovedRecords = {
  accounts: [],
  stakeholders: [],
  relationships: [],
  opportunities: [],
  interactions: [],
  journeysteps: [],
  workshopnotes: [],
};

/** The op that reverses `op`, given what the host answered to it. */
export function inverseOf(op: RecordOp, answer: unknown): RecordOp {
  switch (op.method) {
    case 'opportunities.setMember':
      return { ...op, role: op.was, was: op.role };
    case 'relationships.upsert':
      return { method: 'relationships.remove', doc: answer as Relationship };
    case 'relationships.remove':
      return { method: 'records.restore', records: { ...NO_RECORDS, relationships: [op.doc] } };
    case 'stakeholders.upsert':
      return { method: 'stakeholders.remove', id: (answer as Stakeholder).id };
    case 'stakeholders.remove':
      return { method: 'records.restore', records: { ...NO_RECORDS, ...(answer as { removed: RemovedRecords }).removed } };
    case 'records.restore': {
      const person = op.records.stakeholders[0];
      if (person) return { method: 'stakeholders.remove', id: person.id };
      const rel = op.records.relationships[0];
      if (rel) return { method: 'relationships.remove', doc: rel };
      throw new Error('DS_MAP_UNDO_EMPTY: nothing to take back in this step.');
    }
  }
}

/** A record step done now: remembered with the op that reverses it. */
export function recordDone(h: MapHistory, label: string, op: RecordOp, answer: unknown): MapHistory {
  return { past: [...h.past, { label, op: inverseOf(op, answer) }].slice(-LIMIT), future: [] };
}

/** After running a popped record step's op: its reverse goes on the other stack. */
export function settle(h: MapHistory, which: 'undo' | 'redo', step: RecordStep, answer: unknown): MapHistory {
  const back = { label: step.label, op: inverseOf(step.op, answer) };
  return which === 'undo' ? { past: h.past, future: [back, ...h.future] } : { past: [...h.past, back], future: h.future };
}

export const EMPTY_HISTORY: MapHistory = { past: [], future: [] };
const LIMIT = 100;

export function record(h: MapHistory, step: MapStep): MapHistory {
  if (step.changes.length === 0) return h;
  return { past: [...h.past, step].slice(-LIMIT), future: [] };
}

/**
 * The step to apply to undo (a field step's changes reversed), and the history after it. A
 * record step comes back as is and off both stacks: run its op, then `settle`.
 */
export function undo(h: MapHistory): { history: MapHistory; apply: HistoryEntry } | null {
  const step = h.past[h.past.length - 1];
  if (!step) return null;
  if (isRecordStep(step)) return { history: { past: h.past.slice(0, -1), future: h.future }, apply: step };
  return {
    history: { past: h.past.slice(0, -1), future: [step, ...h.future] },
    apply: { label: step.label, changes: step.changes.map((c) => ({ id: c.id, before: c.after, after: c.before })) },
  };
}

export function redo(h: MapHistory): { history: MapHistory; apply: HistoryEntry } | null {
  const step = h.future[0];
  if (!step) return null;
  if (isRecordStep(step)) return { history: { past: h.past, future: h.future.slice(1) }, apply: step };
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
