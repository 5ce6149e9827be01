// Pure (shared): the text rule — NUL and lone surrogates refused, everything else kept.
import { cleanText, findTextProblem, isCleanText, textProblem } from './text';

describe('text rule', () => {
  it('accepts ordinary text, emoji (paired surrogates) and other control characters', () => {
    for (const s of ['', 'Acme GmbH', 'Zoë 😀 東京', 'tab\there', 'line\nbreak', '\u0001']) expect(textProblem(s)).toBeNull();
  });
  it('refuses NUL and both kinds of lone surrogate, wherever they sit', () => {
    expect(textProblem('a\u0000b')).toBe('nul');
    expect(textProblem('\u0000')).toBe('nul');
    expect(textProblem('x\uD800')).toBe('lone-surrogate');
    expect(textProblem('\uD800x')).toBe('lone-surrogate');
    expect(textProblem('\uDC00')).toBe('lone-surrogate');
    expect(textProblem('😀'.slice(1) + 'a')).toBe('lone-surrogate');
    expect(textProblem('\uDC00\uD800')).toBe('lone-surrogate'); // reversed halves are not a pair
    expect(isCleanText('ok')).toBe(true);
  });
  it('gives the same words through zod', () => {
    const r = cleanText().max(10).safeParse('a\u0000');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/NUL/);
    expect(cleanText().safeParse('fine').success).toBe(true);
  });
  it('finds a bad string or key anywhere in a document, even nested 100,000 deep', () => {
    expect(findTextProblem({ id: 'a', tags: ['x', 'y\u0000'] })).toMatchObject({ path: 'tags.1', problem: 'nul' });
    expect(findTextProblem({ ['k\uD800']: 1 })).toMatchObject({ path: 'k\uD800', problem: 'lone-surrogate' });
    expect(findTextProblem({ id: 'a', n: 1, b: true, z: null, list: [{ q: 'ok' }] })).toBeNull();
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findTextProblem(deep)?.problem).toBe('nul');
  });
});
