import { describe, expect, it } from 'vitest';
import { suggestRelationships, suggestionKey, titleRank } from './suggest';

const day = (d: number) => Date.UTC(2026, 9, d);
const p = (id: string, title = 'Analyst', department = 'IT', dismissedSuggestions?: string[]) => ({
  id,
  name: id,
  title,
  department,
  dismissedSuggestions,
});

describe('suggestions from interactions', () => {
  it('suggests an alliance for people who keep meeting together, with evidence', () => {
    const meetings = [1, 5, 9, 12].map((d) => ({ at: day(d), attendeeIds: ['a', 'b'] }));
    const out = suggestRelationships([p('a', 'Analyst', 'IT'), p('b', 'Analyst', 'Ops')], [], meetings);
    expect(out).toEqual([
      expect.objectContaining({ kind: 'allied_with', fromId: 'a', toId: 'b', evidence: 'met together 4×, last 12 Oct' }),
    ]);
  });

  it('suggests influence when someone joins later and always with the same person', () => {
    const meetings = [
      { at: day(1), attendeeIds: ['a'] },
      { at: day(2), attendeeIds: ['a'] },
      ...[5, 8, 11].map((d) => ({ at: day(d), attendeeIds: ['a', 'b'] })),
    ];
    const out = suggestRelationships([p('a', 'Analyst', 'IT'), p('b', 'Analyst', 'Ops')], [], meetings);
    expect(out[0]).toMatchObject({ kind: 'influences', fromId: 'a', toId: 'b' });
    expect(out[0]!.evidence).toContain('first 5 Oct');
  });

  it('needs three meetings, skips people already related, and remembers dismissals', () => {
    const two = [1, 2].map((d) => ({ at: day(d), attendeeIds: ['a', 'b'] }));
    expect(suggestRelationships([p('a', 'x', 'A'), p('b', 'x', 'B')], [], two)).toEqual([]);
    const three = [1, 2, 3].map((d) => ({ at: day(d), attendeeIds: ['a', 'b'] }));
    expect(suggestRelationships([p('a', 'x', 'A'), p('b', 'x', 'B')], [{ fromId: 'b', toId: 'a', kind: 'conflicts_with' }], three)).toEqual(
      [],
    );
    const key = suggestionKey('allied_with', 'a', 'b');
    expect(suggestRelationships([p('a', 'x', 'A', [key]), p('b', 'x', 'B')], [], three)).toEqual([]);
  });

  it('suggests reporting lines from titles within a department', () => {
    expect(titleRank('Chief Financial Officer')).toBe(0);
    expect(titleRank('Head of IT')).toBe(1);
    expect(titleRank('IT Manager')).toBe(2);
    const out = suggestRelationships(
      [p('cio', 'Chief Information Officer'), p('m', 'IT Manager'), p('x', 'Analyst')],
      [{ fromId: 'x', toId: 'm', kind: 'reports_to' }],
      [],
    );
    expect(out).toEqual([expect.objectContaining({ kind: 'reports_to', fromId: 'm', toId: 'cio' })]);
  });
});
