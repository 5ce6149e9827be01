import { afterEach, describe, expect, it } from 'vitest';
import { adoptHostClock, now } from './clock';

describe('renderer clock', () => {
  afterEach(() => adoptHostClock(Date.now(), Date.now(), Date.now()));

  it('keeps the host offset when the host runs on another date', () => {
    const real = Date.now();
    adoptHostClock(Date.UTC(2028, 1, 29, 9), real, real);
    expect(Math.abs(now() - (Date.UTC(2028, 1, 29, 9) + (Date.now() - real)))).toBeLessThan(50);
  });

  it('ignores the round trip of an answer on the real clock', () => {
    const real = Date.now();
    adoptHostClock(real + 300, real, real + 40);
    expect(Math.abs(now() - Date.now())).toBeLessThan(5);
  });
});
