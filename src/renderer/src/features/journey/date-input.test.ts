import { describe, expect, it } from 'vitest';
import { fromDateInput, toDateInput } from './date-input';

describe('date input', () => {
  it('round-trips a day', () => {
    const at = fromDateInput('2026-03-29');
    expect(at).not.toBeNull();
    expect(toDateInput(at!)).toBe('2026-03-29');
    expect(new Date(at!).getHours()).toBe(12);
  });
  it('rejects what is not a date', () => {
    expect(fromDateInput('')).toBeNull();
    expect(fromDateInput('29/03/2026')).toBeNull();
  });
});
