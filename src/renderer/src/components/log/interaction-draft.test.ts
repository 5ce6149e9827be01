import { describe, expect, it } from 'vitest';
import { attendeeOptions, draftToInput, fromLocalInput, lastSeenOf, newDraft, quickTimes, toLocalInput } from './interaction-draft';

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
});
