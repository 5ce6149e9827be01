import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from './rate-limit';

describe('failure limiter', () => {
  it('refuses a key after maxFailures in the window until the oldest failure ages out', () => {
    const l = createFailureLimiter({ maxFailures: 3, windowMs: 1000 });
    l.fail('k', 0);
    l.fail('k', 100);
    expect(l.retryAfterMs('k', 200)).toBe(0);
    l.fail('k', 200);
    expect(l.retryAfterMs('k', 300)).toBe(700); // the failure at 0 leaves the window at 1000
    expect(l.retryAfterMs('k', 1000)).toBe(0);
    l.fail('k', 1000);
    expect(l.retryAfterMs('k', 1050)).toBe(50); // now the one at 100 is the oldest of three
  });

  it('keeps keys apart, and a success clears its key', () => {
    const l = createFailureLimiter({ maxFailures: 2, windowMs: 1000 });
    l.fail('a', 0);
    l.fail('a', 0);
    expect(l.retryAfterMs('a', 1)).toBeGreaterThan(0);
    expect(l.retryAfterMs('b', 1)).toBe(0);
    l.succeed('a');
    expect(l.retryAfterMs('a', 1)).toBe(0);
  });

  it('forgets the oldest keys beyond maxKeys', () => {
    const l = createFailureLimiter({ maxFailures: 1, windowMs: 1000, maxKeys: 2 });
    l.fail('a', 0);
    l.fail('b', 0);
    l.fail('c', 0);
    expect(l.retryAfterMs('a', 1)).toBe(0);
    expect(l.retryAfterMs('b', 1)).toBeGreaterThan(0);
    expect(l.retryAfterMs('c', 1)).toBeGreaterThan(0);
  });
});
