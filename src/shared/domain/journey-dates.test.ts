import { describe, expect, it } from 'vitest';
import { journeyStepWindow } from './journey-dates';

const DAY = 86_400_000;

describe('journeyStepWindow', () => {
  it('ends the day a closed deal closed', () => {
    const [lo, hi] = journeyStepWindow({ createdAt: 400 * DAY, closeDate: 500 * DAY, status: 'won', closedAt: 480 * DAY }, 900 * DAY);
    expect(lo).toBe(35 * DAY);
    expect(hi).toBe(481 * DAY - 1);
  });
  it('lets an open deal run to its close date, or to today once that has passed', () => {
    expect(journeyStepWindow({ createdAt: 0, closeDate: 500 * DAY, status: 'open' }, 300 * DAY)[1]).toBe(501 * DAY - 1);
    expect(journeyStepWindow({ createdAt: 0, closeDate: 500 * DAY, status: 'open' }, 600 * DAY)[1]).toBe(601 * DAY - 1);
  });
});
