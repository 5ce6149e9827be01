// Sync server (Node): opens the configured database, migrates it, and hands out repositories.
import { createPgDriver } from './pg-driver';
import { createPgliteDriver } from './pglite-driver';
import { migrate } from './migrations';
import { createAccessRepository } from './repository';
import { createSyncRepository } from './sync-repository';
import { createTeamRepository } from './team-repository';
import { lockDataFolder } from './folder-lock';
import type { SqlDriver } from './driver';

export type { SqlDriver, SqlExecutor } from './driver';
export type { AccessRepository, SessionRow } from './repository';
export type { SyncRepository, StoredDoc } from './sync-repository';
export { NOTIFY_CHANNEL } from './sync-repository';
export type { TeamRepository, AuditRecord, MemberChangeRefusal } from './team-repository';
export { FolderLockedError } from './folder-lock';

export const DEFAULT_POOL_SIZE = 10;

export interface DatabaseOptions {
  /** Real PostgreSQL when set; otherwise embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data folder; omitted means in memory. */
  dataDir?: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** PostgreSQL only: connections opened at start and kept however idle (default 0; servers: poolSize). */
  poolMin?: number;
  /** Push groups in flight at once (see group-commit.ts). */
  pushConcurrency?: number;
  /** PGlite only: start from this dumped data folder instead of running initdb. */
  pgliteTemplate?: Blob;
}

export interface Database {
  driver: SqlDriver;
  access: ReturnType<typeof createAccessRepository>;
  sync: ReturnType<typeof createSyncRepository>;
  team: ReturnType<typeof createTeamRepository>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  // A PGlite folder is one process's at a time (folder-lock.ts); PostgreSQL needs no lock.
  const lock = !options.databaseUrl && options.dataDir ? lockDataFolder(options.dataDir) : undefined;
  let driver: SqlDriver;
  try {
    driver = options.databaseUrl
      ? await createPgDriver({ connectionString: options.databaseUrl, max: options.poolSize ?? DEFAULT_POOL_SIZE, min: options.poolMin })
      : await createPgliteDriver(options.dataDir, options.pgliteTemplate);
    await migrate(driver);
  } catch (err) {
    lock?.release();
    throw err;
  }
  return {
    driver,
    access: createAccessRepository(driver),
    sync: createSyncRepository(driver, { pushConcurrency: options.pushConcurrency }),
    team: createTeamRepository(driver),
    close: async () => {
      try {
        await driver.close();
      } finally {
        lock?.release();
      }
    },
  };
}
