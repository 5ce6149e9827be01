// Sync server (Node): a short-lived cache of session lookups, so a push costs no database round
// trip for auth. Revocation stays immediate on every instance: sign-out, admin revoke and
// membership changes NOTIFY `ds_sync_auth`, and every instance drops its cache. The TTL only
// bounds staleness if a notification is ever lost (the pg listener also signals its reconnects
// with an empty payload, which clears the cache too).
import type { AccessRepository, SqlDriver } from './db';
import type { SessionRow } from './db';

export const AUTH_CHANNEL = 'ds_sync_auth';

export interface SessionLookup {
  findSession(tokenHash: string): Promise<SessionRow | undefined>;
}

/** A user's access to a workspace ended (removed or revoked): their open streams must end too. */
export interface AccessEnded {
  workspaceId: string;
  userId: string;
  code: 'DS_SYNC_MEMBER_REMOVED' | 'DS_SYNC_UNAUTHORIZED';
}

export interface SessionCache extends SessionLookup {
  /**
   * Call after any change to sessions or memberships; clears every instance's cache. With
   * `ended`, every instance also tells that user's open streams (see onAccessEnded).
   */
  invalidate(ended?: AccessEnded): Promise<void>;
  /** Subscribes to ended access on any instance; returns the unsubscribe function. */
  onAccessEnded(listener: (ended: AccessEnded) => void): () => void;
  close(): Promise<void>;
}

/** The NOTIFY payload for `ended` (also sent by the CLI, which has no cache of its own). */
export const accessEndedPayload = (e: AccessEnded): string => `ended ${e.workspaceId} ${e.userId} ${e.code}`;

function parseEnded(payload: string): AccessEnded | undefined {
  const [kind, workspaceId, userId, code] = payload.split(' ');
  if (kind !== 'ended' || !workspaceId || !userId) return undefined;
  return { workspaceId, userId, code: code === 'DS_SYNC_MEMBER_REMOVED' ? code : 'DS_SYNC_UNAUTHORIZED' };
}

export async function createSessionCache(driver: SqlDriver, access: AccessRepository, ttlMs = 10_000): Promise<SessionCache> {
  const cache = new Map<string, { row: SessionRow; at: number }>();
  // One lookup in flight per token: when an entry expires under load, the requests holding that
  // token share one query instead of each sending its own (a stampede that opened a burst of
  // new pool connections and stalled pushes for ~0.3 s every TTL in the push bench).
  const inFlight = new Map<string, Promise<SessionRow | undefined>>();
  // Bumped by every invalidation. A lookup that started before one may have read the session
  // before it was revoked, so its answer is returned but never cached.
  let generation = 0;
  const clear = () => {
    generation++;
    cache.clear();
    inFlight.clear();
  };
  const endedListeners = new Set<(ended: AccessEnded) => void>();
  const unlisten = await driver.listen(AUTH_CHANNEL, (payload) => {
    clear();
    const ended = parseEnded(payload);
    if (ended) for (const l of endedListeners) l(ended);
  });

  async function lookup(tokenHash: string): Promise<SessionRow | undefined> {
    const startedIn = generation;
    try {
      const row = await access.findSession(tokenHash);
      if (startedIn === generation) {
        // Only live sessions are cached; unknown and revoked tokens always go to the database.
        if (row && !row.revoked) {
          if (cache.size > 50_000) cache.clear(); // bound memory under token floods
          cache.set(tokenHash, { row, at: Date.now() });
        } else {
          cache.delete(tokenHash);
        }
      }
      return row;
    } finally {
      if (startedIn === generation) inFlight.delete(tokenHash);
    }
  }

  const refresh = (tokenHash: string): Promise<SessionRow | undefined> => {
    let pending = inFlight.get(tokenHash);
    if (!pending) inFlight.set(tokenHash, (pending = lookup(tokenHash)));
    return pending;
  };

  return {
    findSession(tokenHash) {
      const hit = cache.get(tokenHash);
      const age = hit ? Date.now() - hit.at : Infinity;
      if (age < ttlMs) {
        // Past half its life, a token in use is re-read in the background, so busy clients never
        // wait for a lookup; the answer in hand is still within the TTL.
        if (age > ttlMs / 2 && !inFlight.has(tokenHash)) {
          refresh(tokenHash).catch((err: Error) => console.error('DS_SYNC_SESSION_REFRESH', err.message)); // the next request retries
        }
        return Promise.resolve(hit!.row);
      }
      return refresh(tokenHash);
    },
    async invalidate(ended) {
      clear();
      await driver.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, ended ? accessEndedPayload(ended) : 'changed']);
    },
    onAccessEnded(listener) {
      endedListeners.add(listener);
      return () => endedListeners.delete(listener);
    },
    close: () => unlisten(),
  };
}
