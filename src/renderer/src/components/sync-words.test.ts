import { describe, expect, it } from 'vitest';
import { describeSync } from './sync-words';

const NOW = 1_750_000_000_000;
const base = { state: 'disconnected', pending: 0, lastSyncedAt: null, error: null } as const;

describe('describeSync', () => {
  it('defaults to not connected', () => {
    expect(describeSync(base, NOW)).toEqual({ tone: 'muted', label: 'Not connected to a team server', detail: null });
  });
  it('counts pending changes and says when it last synced', () => {
    expect(describeSync({ ...base, state: 'offline', pending: 3, lastSyncedAt: NOW - 2 * 3600_000 }, NOW).detail).toBe(
      '3 changes waiting to sync · Last synced 2 hours ago',
    );
    expect(describeSync({ ...base, state: 'idle', lastSyncedAt: NOW - 10_000 }, NOW).detail).toBe('Last synced just now');
  });
  it('puts errors in plain words, falling back to the message', () => {
    const words = describeSync({ ...base, state: 'error', error: { code: 'DS_SYNC_UNAUTHORIZED', message: 'Sign in again.' } }, NOW);
    expect(words).toMatchObject({ tone: 'error', label: 'Sync problem', detail: 'Sign in again.' });
  });
});
