import { describe, expect, it } from 'vitest';
import type { Stakeholder } from '@shared/domain';
import type { Relationship } from '@shared/domain';
import {
  EMPTY_HISTORY,
  inverseOf,
  isRecordStep,
  personEdit,
  record,
  recordDone,
  redo,
  settle,
  undo,
  type MapStep,
  type RecordStep,
} from './map-history';

const move = (id: string, from: number, to: number) => ({
  label: 'Move',
  changes: [{ id, before: { mapPosition: { x: from, y: 0 } }, after: { mapPosition: { x: to, y: 0 } } }],
});

describe('map history', () => {
  it('undoes the last step by writing its before values, and redoes it', () => {
    let h = record(record(EMPTY_HISTORY, move('a', 0, 10)), move('a', 10, 20));
    const u = undo(h)!;
    expect((u.apply as MapStep).changes[0]!.after).toEqual({ mapPosition: { x: 10, y: 0 } });
    h = u.history;
    const r = redo(h)!;
    expect((r.apply as MapStep).changes[0]!.after).toEqual({ mapPosition: { x: 20, y: 0 } });
    expect(r.history.future).toHaveLength(0);
  });

  it('a new step clears what could be redone; empty history has nothing to undo', () => {
    const h = undo(record(EMPTY_HISTORY, move('a', 0, 1)))!.history;
    expect(h.future).toHaveLength(1);
    expect(record(h, move('b', 0, 2)).future).toHaveLength(0);
    expect(undo(EMPTY_HISTORY)).toBeNull();
    expect(redo(EMPTY_HISTORY)).toBeNull();
  });

  it('writes only the named fields over the current person, with the person as base', () => {
    const p = {
      id: 'sh_1',
      accountId: 'ac_1',
      name: 'A',
      title: '',
      department: '',
      buyingRoles: [],
      stance: 'neutral',
      influence: 3,
      needs: [],
      pains: [],
      updatedAt: 5,
      mapPosition: { x: 1, y: 2 },
    } as unknown as Stakeholder;
    const edit = personEdit(p, { stance: 'champion', mapPosition: undefined });
    expect(edit.stance).toBe('champion');
    expect('mapPosition' in edit).toBe(false);
    expect('updatedAt' in edit).toBe(false);
    expect((edit.base as Stakeholder).mapPosition).toEqual({ x: 1, y: 2 });
  });

  it('record edits: each op answers with the op that takes it back, through undo and redo', () => {
    const rel = {
      id: 'rel_1',
      accountId: 'ac_1',
      fromId: 'a',
      toId: 'b',
      kind: 'influences',
      strength: 0.5,
      source: 'manual',
      updatedAt: 1,
    } as unknown as Relationship;
    // Drawn: undo removes it; that removal is taken back by restoring the same document.
    let h = recordDone(EMPTY_HISTORY, 'Add', { method: 'relationships.upsert', input: { ...rel } as never }, rel);
    const u = undo(h)!;
    expect(isRecordStep(u.apply)).toBe(true);
    expect((u.apply as RecordStep).op).toEqual({ method: 'relationships.remove', doc: rel });
    h = settle(u.history, 'undo', u.apply as RecordStep, { ok: true });
    expect(h.past).toHaveLength(0);
    const r = redo(h)!;
    expect((r.apply as RecordStep).op).toMatchObject({ method: 'records.restore', records: { relationships: [rel] } });
    h = settle(r.history, 'redo', r.apply as RecordStep, { ok: true });
    expect((h.past[0] as RecordStep).op).toEqual({ method: 'relationships.remove', doc: rel });

    // A deal role swaps back and forth; a removed person comes back with what the remove took.
    expect(inverseOf({ method: 'opportunities.setMember', opportunityId: 'o', stakeholderId: 'a', role: 'user', was: null }, {})).toEqual({
      method: 'opportunities.setMember',
      opportunityId: 'o',
      stakeholderId: 'a',
      role: null,
      was: 'user',
    });
    const removed = { stakeholders: [{ id: 'sh_9' }], relationships: [rel] };
    const back = inverseOf({ method: 'stakeholders.remove', id: 'sh_9' }, { ok: true, removed });
    expect(back).toMatchObject({
      method: 'records.restore',
      records: { stakeholders: [{ id: 'sh_9' }], relationships: [rel], opportunities: [] },
    });
    expect(inverseOf(back, { ok: true })).toEqual({ method: 'stakeholders.remove', id: 'sh_9' });
    expect(inverseOf({ method: 'stakeholders.upsert', input: {} as never }, { id: 'sh_new' })).toEqual({
      method: 'stakeholders.remove',
      id: 'sh_new',
    });
  });
});
