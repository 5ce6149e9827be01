import { describe, expect, it } from 'vitest';
import { wrapToWidth } from './journey-pdf';

describe('journey PDF', () => {
  const measure = (s: string) => s.length * 6;
  it('wraps at word boundaries within the width', () => {
    const lines = wrapToWidth('Procurement wants a second security review', 80, measure);
    expect(lines).toEqual(['Procurement', 'wants a', 'second', 'security', 'review']);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(80);
  });
  it('splits only a word wider than the line', () => {
    const lines = wrapToWidth('https://example.com/a/very/long/path', 60, measure);
    expect(lines.every((l) => measure(l) <= 60)).toBe(true);
    expect(lines.join('')).toBe('https://example.com/a/very/long/path');
  });
});
