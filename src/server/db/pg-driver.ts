// Sync server (Node): real PostgreSQL through a pg Pool. LISTEN needs a connection of its own
// that stays open; if it drops we reconnect and tell listeners with an empty payload, because
// notifications sent while it was down are lost and streams must re-check the change log.
import pg from 'pg';
import type { SqlDriver, SqlExecutor } from './driver';

export interface PgDriverOptions {
  connectionString: string;
  /** Pool size; default 10. Pushes need at most two at a time (group commit); the rest serve pulls and sign-ins. */
  max?: number;
  /**
   * Connections opened at start and kept however idle; default 0 (one is opened to check the
   * URL). Servers keep the whole pool warm (app.ts): opening a connection forks a PostgreSQL
   * backend that then warms its caches, and a burst of them (say 20 session lookups after a
   * quiet spell) stalled every request for 0.1–0.3 s on a busy machine.
   */
  min?: number;
}

export async function createPgDriver(options: PgDriverOptions): Promise<SqlDriver> {
  const max = options.max ?? 10;
  const min = Math.min(max, options.min ?? 0);
  const pool = new pg.Pool({ connectionString: options.connectionString, max, min });
  pool.on('error', (err) => console.error('DS_SYNC_DB_POOL', err.message));
  const warm = await Promise.allSettled(Array.from({ length: Math.max(1, min) }, () => pool.connect()));
  for (const w of warm) if (w.status === 'fulfilled') w.value.release();
  const failed = warm.find((w) => w.status === 'rejected');
  if (failed) {
    await pool.end();
    throw failed.reason;
  }
  const wrap = (q: { query: pg.Pool['query'] }): SqlExecutor => ({
    async query<R>(sql: string, params: unknown[] = []) {
      return (await q.query(sql, params)).rows as R[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | undefined;
  let closed = false;

  async function connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString: options.connectionString });
    client.on('notification', (msg) => {
      for (const cb of listeners.get(msg.channel) ?? []) cb(msg.payload ?? '');
    });
    client.on('error', (err) => {
      console.error('DS_SYNC_DB_LISTEN', err.message);
      if (listenClient === client) listenClient = undefined;
      void client.end().catch(() => undefined); // already broken; nothing more to report
      if (!closed) setTimeout(() => void reconnect(), 500);
    });
    await client.connect();
    for (const channel of listeners.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    listenClient = client;
  }

  async function reconnect(): Promise<void> {
    try {
      await connectListener();
      for (const set of listeners.values()) for (const cb of set) cb('');
    } catch (err) {
      console.error('DS_SYNC_DB_LISTEN', (err as Error).message);
      if (!closed) setTimeout(() => void reconnect(), 1000);
    }
  }

  await connectListener();

  return {
    kind: 'pg',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined); // the original error matters more
        throw err;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await listenClient?.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      closed = true;
      await listenClient?.end().catch(() => undefined); // closing anyway
      await pool.end();
    },
  };
}
