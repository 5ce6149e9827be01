import { describe, expect, it } from 'vitest';
import { initialPresentation, isTypingTarget, keyAction, newer, reduce, type PresentationAction } from './presentation-state';

const act = (key: string) => keyAction(key) as PresentationAction;

describe('presentation state', () => {
  it('maps clicker keys: forward, back, blank, escape', () => {
    for (const k of ['PageDown', 'ArrowRight', ' ', 'Enter']) expect(keyAction(k)).toEqual({ type: 'next' });
    for (const k of ['PageUp', 'ArrowLeft']) expect(keyAction(k)).toEqual({ type: 'prev' });
    expect(keyAction('b')).toEqual({ type: 'blank' });
    expect(keyAction('B')).toEqual({ type: 'blank' });
    expect(keyAction('Escape')).toEqual({ type: 'blank', on: false });
    expect(keyAction('x')).toBeNull();
  });

  it('reveals one unit per step, never past the total or below zero, and un-blanks on a move', () => {
    let s = initialPresentation('o1', 'a');
    s = reduce(s, act('PageDown'), 2, 'a');
    s = reduce(s, act('PageDown'), 2, 'a');
    expect(s.step).toBe(2);
    const at = reduce(s, act('PageDown'), 2, 'a');
    expect(at).toBe(s);
    s = reduce(s, act('b'), 2, 'a');
    expect(s.blank).toBe(true);
    s = reduce(s, act('PageUp'), 2, 'a');
    expect(s).toMatchObject({ step: 1, blank: false });
    s = reduce(reduce(s, act('PageUp'), 2, 'a'), act('PageUp'), 2, 'a');
    expect(s.step).toBe(0);
    expect(s.rev).toBe(5);
  });

  it('switching mode starts the reveal again; zoom doubles within 1…8', () => {
    let s = reduce(initialPresentation('o1', 'a'), { type: 'next' }, 5, 'a');
    s = reduce(s, { type: 'mode', mode: 'job' }, 6, 'a');
    expect(s).toMatchObject({ mode: 'job', step: 0 });
    for (let i = 0; i < 5; i++) s = reduce(s, { type: 'zoom', by: 1 }, 6, 'a');
    expect(s.zoom).toBe(8);
    s = reduce(s, { type: 'zoom', by: -1 }, 6, 'a');
    expect(s.zoom).toBe(4);
  });

  it('keeps the later revision, ties to the larger window id, ignores other deals', () => {
    const a = { ...initialPresentation('o1', 'a'), rev: 3, step: 1 };
    const b = { ...initialPresentation('o1', 'b'), rev: 3, step: 2 };
    expect(newer(a, b)).toBe(b);
    expect(newer(b, a)).toBe(b);
    expect(newer(a, { ...b, rev: 2 })).toBe(a);
    expect(newer(a, { ...b, rev: 9, opportunityId: 'o2' })).toBe(a);
  });

  it('treats text fields as typing', () => {
    expect(isTypingTarget({ tagName: 'textarea' })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget(null)).toBe(false);
  });
});
