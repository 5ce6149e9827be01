import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { CodedError, isCodedError } from './errors';
import { LearnError } from './scoring/learn';
import { TabularError } from './scoring/tabular';

describe('CodedError', () => {
  it('is the base every coded error shares, with its own name and code', () => {
    const errors = [
      new ApiError('DS_NOT_FOUND', 'gone'),
      new LearnError('DS_LEARN_EMPTY', 'empty'),
      new TabularError('DS_CSV_MISSING_TARGET', 'no target'),
    ];
    for (const error of errors) {
      expect(isCodedError(error)).toBe(true);
      expect(error).toBeInstanceOf(Error);
      expect(error.code).toMatch(/^DS_/);
    }
    expect(errors.map((e) => e.name)).toEqual(['ApiError', 'LearnError', 'TabularError']);
    expect(isCodedError(new Error('plain'))).toBe(false);
  });

  it('keeps the cause', () => {
    const cause = new Error('disk full');
    expect(new CodedError('DS_X', 'could not write', { cause }).cause).toBe(cause);
  });
});
