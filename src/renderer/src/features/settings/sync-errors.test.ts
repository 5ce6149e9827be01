import { describe, expect, it } from 'vitest';
import { ApiError } from '@shared/api';
import { checkConnectDraft, connectErrorWords } from './sync-errors';

describe('connectErrorWords', () => {
  it('says what to do for each sync code', () => {
    expect(connectErrorWords(new ApiError('DS_SYNC_UNAVAILABLE', 'x'), 'http://nope:1')).toMatch(
      /Could not reach a sync server at http:\/\/nope:1/,
    );
    expect(connectErrorWords(new ApiError('DS_SYNC_BAD_CREDENTIALS', 'x'), '')).toMatch(/email or password is wrong/);
    expect(connectErrorWords(new ApiError('DS_SYNC_FORBIDDEN', 'x'), '')).toMatch(/ask an admin/);
    expect(connectErrorWords(new ApiError('DS_SYNC_MEMBER_REMOVED', 'x'), '')).toMatch(/admin removed this account.*invite you again/);
  });
  it('falls back to the host message for codes it does not know', () => {
    expect(connectErrorWords(new ApiError('DS_SOMETHING_NEW', 'The host said so.'), '')).toBe('The host said so.');
  });
});

describe('checkConnectDraft', () => {
  it('catches an empty or scheme-less address, a bad email and no password', () => {
    expect(Object.keys(checkConnectDraft({ serverUrl: 'sync.example.com', email: 'me', password: '', workspaceId: '' })).sort()).toEqual([
      'email',
      'password',
      'serverUrl',
    ]);
    expect(checkConnectDraft({ serverUrl: 'https://sync.example.com', email: 'me@example.com', password: 'pw', workspaceId: '' })).toEqual(
      {},
    );
  });
});
