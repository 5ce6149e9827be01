import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@shared/domain';
import { INVALIDATES, KEY_ROOTS, rootsToInvalidate } from './invalidation';

describe('rootsToInvalidate', () => {
  it('covers every collection with known roots', () => {
    for (const name of COLLECTION_NAMES) {
      expect(INVALIDATES[name].length).toBeGreaterThan(0);
      for (const root of INVALIDATES[name]) expect(KEY_ROOTS).toContain(root);
    }
  });
  it('joins and de-duplicates the roots of several collections', () => {
    expect(rootsToInvalidate(['relationships', 'teammembers']).sort()).toEqual(['buyingGroup', 'conflicts', 'team', 'workspace']);
    expect(rootsToInvalidate(['nope'])).toEqual([]);
  });
});
