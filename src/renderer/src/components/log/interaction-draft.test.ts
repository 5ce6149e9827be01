import { describe, expect, it } from 'vitest';
import type { Interaction } from '@shared/domain';
import {
  attendeeOptions,
  draftToInput,
  editOf,
  enterSaves,
  fromLocalInput,
  lastSeenOf,
  newDraft,
  quickTimes,
  toLocalInput,
  undoEditOf,
} from './interaction-draft';

const NOW = new Date(2025, 5, 10, 14, 37).getTime();

describe('interaction draft', () => {
  it('round-trips local times to the minute', () => {
    expect(toLocalInput(NOW)).toBe('2025-06-10T14:37');
    expect(fromLocalInput(toLocalInput(NOW))).toBe(NOW);
    expect(fromLocalInput('nope')).toBeNull();
  });
  it('defaults to a two-way, neutral, in-person meeting now with the given people', () => {
    const draft = newDraft(NOW, ['st_1']);
    const result = draftToInput(draft, 'acc_1', 'opp_1', NOW);
    expect(result).toEqual({
      ok: true,
      input: {
        accountId: 'acc_1',
        opportunityId: 'opp_1',
        kind: 'meeting',
        at: NOW,
        channel: 'in_person',
        direction: 'two_way',
        sentiment: 0,
        attendeeIds: ['st_1'],
        notes: '',
      },
    });
  });
  it('asks for attendees of a meeting and a valid time', () => {
    const result = draftToInput({ ...newDraft(NOW), at: '' }, 'acc_1', undefined, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['at', 'attendeeIds']);
  });
  it('offers quick times: now, an hour ago, this morning once past 9, yesterday', () => {
    expect(quickTimes(NOW)).toEqual([
      { key: 'now', at: '2025-06-10T14:37' },
      { key: 'hour', at: '2025-06-10T13:35' },
      { key: 'morning', at: '2025-06-10T09:00' },
      { key: 'yesterday', at: '2025-06-09T14:35' },
    ]);
    expect(quickTimes(new Date(2025, 5, 10, 8, 0).getTime()).map((q) => q.key)).toEqual(['now', 'hour', 'yesterday']);
  });
  it('offers attendees most recently met first, matches by word start before substring, skips the chosen', () => {
    const people = [
      { id: 'a', name: 'Anna Berg', title: 'CFO' },
      { id: 'b', name: 'Bert Annberg', title: 'CTO' },
      { id: 'c', name: 'Carl Ek', title: 'Buyer' },
    ];
    const seen = lastSeenOf([
      { at: 5, attendeeIds: ['c'] },
      { at: 9, attendeeIds: ['b'] },
      { at: 1, attendeeIds: ['c', 'a'] },
    ]);
    expect(attendeeOptions(people, seen, '', []).map((p) => p.id)).toEqual(['b', 'c', 'a']);
    expect(attendeeOptions(people, seen, 'ann', []).map((p) => p.id)).toEqual(['b', 'a']);
    expect(attendeeOptions(people, seen, 'an', ['b']).map((p) => p.id)).toEqual(['a']);
    expect(attendeeOptions(people, seen, 'buy', []).map((p) => p.id)).toEqual(['c']);
  });
  it('edits an interaction over what it was, the deal link following the form', () => {
    const opened = {
      id: 'int_1',
      accountId: 'acc_1',
      opportunityId: 'opp_1',
      kind: 'call',
      at: 1,
      channel: 'phone',
      direction: 'two_way',
      sentiment: 0,
      attendeeIds: ['st_1'],
      notes: 'old',
      updatedAt: 5,
      keptConflicts: [],
    } as unknown as Interaction;
    const result = draftToInput({ ...newDraft(NOW, ['st_2']), notes: 'new' }, 'acc_1', 'opp_2', NOW);
    if (!result.ok) throw new Error('draft should be valid');
    const edit = editOf(opened, result.input, 'opp_2');
    expect(edit).toMatchObject({ id: 'int_1', notes: 'new', attendeeIds: ['st_2'], opportunityId: 'opp_2', kind: 'meeting' });
    expect(edit.base).not.toHaveProperty('updatedAt');
    expect(edit.base).not.toHaveProperty('keptConflicts');
    expect(edit.base).toMatchObject({ notes: 'old', opportunityId: 'opp_1' });
    expect(editOf(opened, result.input, '').opportunityId).toBeUndefined();
    const saved = { ...opened, ...edit, updatedAt: 9 } as Interaction;
    expect(undoEditOf(opened, saved)).toMatchObject({ id: 'int_1', notes: 'old', base: { notes: 'new' } });
  });
  it('saves on Enter from a field, on Ctrl/⌘+Enter in the notes, never from a button or while composing', () => {
    const enter = { key: 'Enter', composing: false, handled: false, ctrlOrMeta: false, target: 'other' as const };
    expect(enterSaves(enter)).toBe(true);
    expect(enterSaves({ ...enter, key: 'a' })).toBe(false);
    expect(enterSaves({ ...enter, composing: true })).toBe(false);
    expect(enterSaves({ ...enter, handled: true })).toBe(false);
    expect(enterSaves({ ...enter, target: 'button', ctrlOrMeta: true })).toBe(false);
    expect(enterSaves({ ...enter, target: 'textarea' })).toBe(false);
    expect(enterSaves({ ...enter, target: 'textarea', ctrlOrMeta: true })).toBe(true);
  });
});
