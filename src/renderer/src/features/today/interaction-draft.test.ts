import { describe, expect, it } from 'vitest';
import { draftToInput, fromLocalInput, newDraft, toLocalInput } from './interaction-draft';

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
        accountId: 'acc_1', opportunityId: 'opp_1', kind: 'meeting', at: NOW, channel: 'in_person', direction: 'two_way',
        sentiment: 0, attendeeIds: ['st_1'], notes: '',
      },
    });
  });
  it('asks for attendees of a meeting and a valid time', () => {
    const result = draftToInput({ ...newDraft(NOW), at: '' }, 'acc_1', undefined, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['at', 'attendeeIds']);
  });
});
