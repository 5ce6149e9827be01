import { afterEach, describe, expect, it } from 'vitest';
import type { CallResult, Transport } from '@shared/api';
import type { AccountId } from '@shared/domain';
import { call, setTransport, VALIDATE_OUTPUTS } from './client';

function answering(result: CallResult): Transport {
  return { invoke: async () => result, subscribe: () => () => undefined };
}

describe('call', () => {
  afterEach(() => setTransport(answering({ ok: false, error: { code: 'DS_TRANSPORT_UNAVAILABLE', message: 'gone' } })));

  it('checks answers against the contract in tests', async () => {
    expect(VALIDATE_OUTPUTS).toBe(true);
    setTransport(answering({ ok: true, output: { now: 'yesterday' } }));
    await expect(call('app.clock', {})).rejects.toMatchObject({ code: 'DS_API_BAD_OUTPUT' });
  });

  it('returns a valid answer as sent', async () => {
    setTransport(answering({ ok: true, output: { now: 42 } }));
    await expect(call('app.clock', {})).resolves.toEqual({ now: 42 });
  });

  it('turns a host failure into an ApiError with its code', async () => {
    setTransport(answering({ ok: false, error: { code: 'DS_NOT_FOUND', message: 'Account acc_x was not found.' } }));
    await expect(call('accounts.get', { id: 'acc_x' as AccountId })).rejects.toMatchObject({ code: 'DS_NOT_FOUND' });
  });
});
