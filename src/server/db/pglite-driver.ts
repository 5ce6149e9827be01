// Sync server (Node): embedded PGlite, so `npm run server` works with nothing installed.
// PGlite is one connection: its transactions run one at a time, which is also what makes the
// per-workspace seq lock trivially safe here.
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriver, SqlExecutor } from './driver';

/**
 * `template` is a dumped data folder (PGlite's dumpDataDir): starting from one skips initdb,
 * which takes seconds under WebAssembly. Tests use it; a server opening its folder does not.
 */
export async function createPgliteDriver(dataDir?: string, template?: Blob): Promise<SqlDriver> {
  const db = template
    ? await PGlite.create({ dataDir: dataDir ?? 'memory://', loadDataDir: template })
    : await PGlite.create(dataDir ?? 'memory://');
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): SqlExecutor => ({
    async query<R>(sql: string, params: unknown[] = []) {
      return (await q.query<R>(sql, params)).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onPayload) {
      const unlisten = await db.listen(channel, onPayload);
      return async () => {
        if (!db.closed) await unlisten();
      };
    },
    close: () => db.close(),
    dump: () => db.dumpDataDir('none'),
  };
}
