import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccessRepository, SqlDriver } from './db';
import type { SessionRow } from './db/repository';
import { createSessionCache } from './session-cache';

const live: SessionRow = {
  userId: 'u',
  email: 'u@example.com',
  workspaceId: 'w',
  workspaceName: 'W',
  role: 'member',
  expiresAt: Date.now() + 3600_000,
  revoked: false,
  removed: false,
};

/** A database whose session rows the test edits, answering each lookup when the test says so. */
function fakes() {
  const rows = new Map<string, SessionRow>([['t1', live]]);
  const pending: (() => void)[] = [];
  let lookups = 0;
  let onNotify: ((payload: string) => void) | undefined;
  const access = {
    findSession: (hash: string) => {
      lookups++;
      const read = rows.get(hash); // read now, like a snapshot taken when the query starts
      return new Promise<SessionRow | undefined>((resolve) => pending.push(() => resolve(read)));
    },
  } as unknown as AccessRepository;
  const driver = {
    listen: async (_channel: string, cb: (payload: string) => void) => {
      onNotify = cb;
      return async () => undefined;
    },
    query: async () => {
      onNotify?.('changed'); // as if this instance received its own NOTIFY
      return [];
    },
  } as unknown as SqlDriver;
  const answer = async () => {
    pending.splice(0).forEach((r) => r());
    await new Promise((r) => setImmediate(r));
  };
  return { rows, access, driver, answer, lookups: () => lookups, notify: (p = 'changed') => onNotify?.(p) };
}

afterEach(() => vi.useRealTimers());

describe('session cache', () => {
  it('sends one lookup for concurrent requests holding the same token', async () => {
    const f = fakes();
    const cache = await createSessionCache(f.driver, f.access);
    const all = Promise.all([cache.findSession('t1'), cache.findSession('t1'), cache.findSession('t1')]);
    await f.answer();
    expect((await all).every((r) => r?.userId === 'u')).toBe(true);
    expect(f.lookups()).toBe(1);
    await cache.findSession('t1');
    expect(f.lookups()).toBe(1); // cached
  });

  it('never caches a lookup that an invalidation overtook', async () => {
    const f = fakes();
    const cache = await createSessionCache(f.driver, f.access);
    const before = cache.findSession('t1'); // reads the live row
    f.rows.set('t1', { ...live, revoked: true });
    f.notify(); // another instance revoked it meanwhile
    await f.answer();
    expect((await before)?.revoked).toBe(false); // that request started before the revocation
    const after = cache.findSession('t1');
    await f.answer();
    expect((await after)?.revoked).toBe(true);
    expect(f.lookups()).toBe(2);
  });

  it('re-reads a token in use in the background past half its TTL, and drops it once revoked', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const f = fakes();
    const cache = await createSessionCache(f.driver, f.access, 10_000);
    const first = cache.findSession('t1');
    await f.answer();
    await first;
    vi.setSystemTime(Date.now() + 6_000);
    f.rows.set('t1', { ...live, revoked: true }); // revoked, and the notification was lost
    expect((await cache.findSession('t1'))?.revoked).toBe(false); // answered at once from the cache
    expect(f.lookups()).toBe(2); // ... while the refresh runs
    await f.answer();
    const next = cache.findSession('t1');
    await f.answer();
    expect((await next)?.revoked).toBe(true);
  });

  it('forgets everything on invalidate and on a listener reconnect', async () => {
    const f = fakes();
    const cache = await createSessionCache(f.driver, f.access);
    const a = cache.findSession('t1');
    await f.answer();
    await a;
    await cache.invalidate();
    const b = cache.findSession('t1');
    await f.answer();
    await b;
    f.notify(''); // the pg listener reconnected
    const c = cache.findSession('t1');
    await f.answer();
    await c;
    expect(f.lookups()).toBe(3);
  });
});
