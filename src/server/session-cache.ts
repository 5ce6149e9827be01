// Sync server (Node): a short-lived cache of session lookups, so a push costs one database
// round trip instead of two. Revocation stays immediate on every instance: sign-out, admin
// revoke and membership changes NOTIFY `ds_sync_auth`, and every instance drops its cache. The
// TTL only bounds staleness if a notification is ever lost (the pg listener also signals its
// reconnects with an empty payload, which clears the cache too).
import type { AccessRepository, SqlDriver } from './db';
import type { SessionRow } from './db/repository';

export const AUTH_CHANNEL = 'ds_sync_auth';

export interface SessionLookup {
  findSession(tokenHash: string): Promise<SessionRow | undefined>;
}

export interface SessionCache extends SessionLookup {
  /** Call after any change to sessions or memberships; clears every instance's cache. */
  invalidate(): Promise<void>;
  close(): Promise<void>;
}

export async function createSessionCache(driver: SqlDriver, access: AccessRepository, ttlMs = 10_000): Promise<SessionCache> {
  const cache = new Map<string, { row: SessionRow; at: number }>();
  const unlisten = await driver.listen(AUTH_CHANNEL, () => cache.clear());
  return {
    async findSession(tokenHash) {
      const hit = cache.get(tokenHash);
      if (hit && Date.now() - hit.at < ttlMs) return hit.row;
      const row = await access.findSession(tokenHash);
      // Only live sessions are cached; unknown tokens always go to the database.
      if (row && !row.revoked) {
        if (cache.size > 50_000) cache.clear(); // bound memory under token floods
        cache.set(tokenHash, { row, at: Date.now() });
      }
      return row;
    },
    async invalidate() {
      cache.clear();
      await driver.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, 'changed']);
    },
    close: () => unlisten(),
  };
}
