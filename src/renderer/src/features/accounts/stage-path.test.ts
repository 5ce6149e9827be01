import { describe, expect, it } from 'vitest';
import { loopsBack, stagePath } from './stage-path';

describe('stage path words', () => {
  it('counts the loops back and spells the way', () => {
    const o = {
      stageHistory: [
        { stage: 'qualify', at: 1 },
        { stage: 'propose', at: 2 },
        { stage: 'discover', at: 3 },
        { stage: 'propose', at: 4 },
        { stage: 'qualify', at: 5 },
      ],
    } as const;
    expect(loopsBack(o as never)).toBe(2);
    expect(stagePath(o as never)).toBe('Qualify → Propose → Discover → Propose → Qualify');
    expect(loopsBack({})).toBe(0);
    expect(stagePath({})).toBeNull();
  });
});
