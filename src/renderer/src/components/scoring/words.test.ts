import { describe, expect, it } from 'vitest';
import { actionSlot, windowWords, engagementWords, percent, readsAsMove, slotIsNow, slotWords, sourceWords } from './words';

describe('scoring words', () => {
  it('rounds probabilities to whole percents', () => {
    expect(percent(0.726)).toBe('73%');
    expect(percent(0)).toBe('0%');
  });
  it('says where the score comes from', () => {
    expect(sourceWords('prior', 0)).toMatch(/not yet learned/);
    expect(sourceWords('blended', 1)).toContain('1 closed deal ');
    expect(sourceWords('model', 120)).toContain('120 closed deals');
  });
  it('counts a what-if as a move only when its whole percents differ', () => {
    expect(readsAsMove(0.948, 0.952)).toBe(false);
    expect(readsAsMove(0.5, 0.63)).toBe(true);
    expect(readsAsMove(0.944, 0.946)).toBe(true);
  });
  it('names reach-out moments relative to the local day', () => {
    const now = new Date(2025, 5, 10, 9, 0).getTime();
    expect(slotWords(now + 60_000, now)).toBe('now');
    expect(slotIsNow(now + 60_000, now)).toBe(true);
    expect(slotIsNow(now + 10 * 60_000, now)).toBe(false);
    expect(slotWords(new Date(2025, 5, 10, 14, 30).getTime(), now)).toMatch(/^today /);
    expect(slotWords(new Date(2025, 5, 11, 9, 0).getTime(), now)).toMatch(/^tomorrow /);
    expect(slotWords(new Date(2025, 5, 14, 9, 0).getTime(), now)).not.toMatch(/today|tomorrow/);
  });
  it('puts engagement in a word', () => {
    expect(engagementWords(85)).toBe('strong');
    expect(engagementWords(5)).toBe('very weak');
  });

  it("proposes an action's first slot that is not at night for the user, and says so when every one is", () => {
    // 04:30 UTC = 10:00 in Kolkata, the person's morning: night for a seller in London (winter, UTC).
    const kolkataMorning = Date.UTC(2026, 11, 8, 4, 30);
    const londonDay = Date.UTC(2026, 11, 8, 14, 0);
    const now = Date.UTC(2026, 11, 8, 1, 0);
    const action = { when: kolkataMorning, whenSlots: [kolkataMorning, londonDay] };
    expect(actionSlot(action, 'Europe/London', now)).toEqual({ at: londonDay, atNightForSeller: false });
    // In Kolkata the first slot is mid-morning.
    expect(actionSlot(action, 'Asia/Kolkata', now)).toEqual({ at: kolkataMorning, atNightForSeller: false });
    // Every slot at night for the user: the first, flagged.
    expect(actionSlot({ when: kolkataMorning, whenSlots: [kolkataMorning] }, 'Europe/London', now)).toEqual({
      at: kolkataMorning,
      atNightForSeller: true,
    });
    // A score stored before slots were kept: its one moment, checked the same way.
    expect(actionSlot({ when: londonDay, whenSlots: [] }, 'Europe/London', now)).toEqual({ at: londonDay, atNightForSeller: false });
    expect(actionSlot({ when: null, whenSlots: [] }, 'Europe/London', now)).toBeNull();
  });

  it('never proposes a slot that has passed: stored scores shown on a later day skip to the next, or show none', () => {
    const first = Date.UTC(2026, 11, 8, 14, 0);
    const second = Date.UTC(2026, 11, 10, 14, 0);
    const action = { when: first, whenSlots: [first, second] };
    // Within five minutes a slot still reads as now; after that it has passed.
    expect(actionSlot(action, 'Europe/London', first + 4 * 60_000)?.at).toBe(first);
    expect(actionSlot(action, 'Europe/London', first + 6 * 60_000)?.at).toBe(second);
    expect(actionSlot(action, 'Europe/London', second + 3600_000)).toBeNull();
  });

  it('names what a window rests on, and never calls business hours a habit', () => {
    const w = 'Tue–Thu 10–12 in Asia/Kolkata';
    expect(windowWords(w, 'none', 0)).toBe('business hours Tue–Thu 10–12 in Asia/Kolkata (no replies yet)');
    expect(windowWords(w, 'none', 1)).toBe('business hours Tue–Thu 10–12 in Asia/Kolkata (only 1 reply)');
    expect(windowWords(w, 'none', 2)).toBe('business hours Tue–Thu 10–12 in Asia/Kolkata (only 2 replies)');
    expect(windowWords(w, 'low', 3)).toBe('usually Tue–Thu 10–12 in Asia/Kolkata (only 3 replies)');
    expect(windowWords(w, 'high', 40)).toBe('usually Tue–Thu 10–12 in Asia/Kolkata');
    // A score stored before the window carried its sureness.
    expect(windowWords(w, null, null)).toBe('usually Tue–Thu 10–12 in Asia/Kolkata');
  });
});
