import { describe, expect, it } from 'vitest';
import type { Stakeholder } from '@shared/domain';
import { EMPTY_HISTORY, personEdit, record, redo, undo } from './map-history';

const move = (id: string, from: number, to: number) => ({
  label: 'Move', changes: [{ id, before: { mapPosition: { x: from, y: 0 } }, after: { mapPosition: { x: to, y: 0 } } }],
});

describe('map history', () => {
  it('undoes the last step by writing its before values, and redoes it', () => {
    let h = record(record(EMPTY_HISTORY, move('a', 0, 10)), move('a', 10, 20));
    const u = undo(h)!;
    expect(u.apply.changes[0]!.after).toEqual({ mapPosition: { x: 10, y: 0 } });
    h = u.history;
    const r = redo(h)!;
    expect(r.apply.changes[0]!.after).toEqual({ mapPosition: { x: 20, y: 0 } });
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
    const p = { id: 'sh_1', accountId: 'ac_1', name: 'A', title: '', department: '', buyingRoles: [], stance: 'neutral',
      influence: 3, needs: [], pains: [], updatedAt: 5, mapPosition: { x: 1, y: 2 } } as unknown as Stakeholder;
    const edit = personEdit(p, { stance: 'champion', mapPosition: undefined });
    expect(edit.stance).toBe('champion');
    expect('mapPosition' in edit).toBe(false);
    expect('updatedAt' in edit).toBe(false);
    expect((edit.base as Stakeholder).mapPosition).toEqual({ x: 1, y: 2 });
  });
});
