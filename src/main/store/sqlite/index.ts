// Runs in Node: the Electron main process (read-write) and the scoring process (readonly).
//
// Persistent RxStorage on SQLite (better-sqlite3-multiple-ciphers, database.ts), the file
// encrypted with the workspace's key when it is given. One file per RxDB database at
// `<databaseDirectory>/<databaseName>.sqlite`, one table per collection and schema version, documents
// as JSON text plus extracted columns (id, deleted, lwt, rev) and one BLOB column per RxDB index
// holding RxDB's own indexable string, so RxDB's query planner drives plain SQLite range scans.
//
// Concurrency: the file is in WAL mode. The main process is the only writer. The scoring worker
// opens the same file with `readonly: true` ({ readonly, fileMustExist } and the same key); in WAL
// mode readers see the last committed snapshot and never block the writer, and the writer never
// blocks readers (test: sqlite-readonly.test.ts). Change events reach other RxDatabase instances
// (e.g. the worker's) through RxDB's multi-instance broadcast when `multiInstance` is on.
//
// Durability: journal_mode=WAL with synchronous=NORMAL — an acknowledged bulkWrite survives the
// process being killed (test: sqlite-crash.test.ts); only an OS crash or power cut may lose the
// last few commits, and it cannot corrupt the file.
//
// Usage (main process):
//   createRxDatabase({ name: 'deepsales', storage: getRxStorageSQLite({ databaseDirectory }) })
// Scoring worker: getRxStorageSQLite({ databaseDirectory, readonly: true }); opening an RxDatabase
// on it works once the main process has created the database and its collections.
// Attachments are refused (DS_SQLITE_ATTACHMENTS_UNSUPPORTED); bad files raise DS_SQLITE_CORRUPT /
// DS_SQLITE_FOREIGN / DS_SQLITE_NEWER_FORMAT and are never modified.
import path from 'node:path';
import { addRxStorageMultiInstanceSupport, ensureRxStorageInstanceParamsAreCorrect, RXDB_VERSION } from 'rxdb';
import type { RxStorage, RxStorageInstanceCreationParams } from 'rxdb';
import { acquireConnection, releaseConnection } from './connection';
import type { DatabaseKey } from './database';
import { attachmentsError } from './errors';
import { RxStorageInstanceSQLite, type SqliteInstanceCreationOptions, type SqliteStorageInternals } from './instance';
import { ensureTable, layoutFor, tableExists } from './table';

export { SqliteStorageError, isSqliteStorageError, type SqliteStorageErrorCode } from './errors';
export type { RxStorageInstanceSQLite, SqliteInstanceCreationOptions, SqliteStorageInternals } from './instance';

export const RX_STORAGE_NAME_SQLITE = 'sqlite-ds';

export interface SqliteStorageSettings {
  /** Folder that holds one `<databaseName>.sqlite` file per RxDB database. */
  readonly databaseDirectory: string;
  /** Open existing files only, never write. For reader threads next to a writing process. */
  readonly readonly?: boolean;
  /**
   * The files' key (database.ts): they are encrypted with it, and a plaintext one is encrypted
   * when opened read-write. Omitted or null: plaintext files (tests, benches that compare).
   */
  readonly key?: DatabaseKey;
}

export type RxStorageSQLite = RxStorage<SqliteStorageInternals, SqliteInstanceCreationOptions> & {
  readonly settings: Readonly<SqliteStorageSettings>;
};

export function databaseFilePath(databaseDirectory: string, databaseName: string): string {
  return path.join(path.resolve(databaseDirectory), `${databaseName}.sqlite`);
}

export function getRxStorageSQLite(settings: SqliteStorageSettings): RxStorageSQLite {
  const readonly = settings.readonly === true;
  return {
    name: RX_STORAGE_NAME_SQLITE,
    rxdbVersion: RXDB_VERSION,
    settings,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, SqliteInstanceCreationOptions>,
    ): Promise<RxStorageInstanceSQLite<RxDocType>> {
      ensureRxStorageInstanceParamsAreCorrect(params);
      if (params.schema.attachments) {
        throw attachmentsError(params.collectionName, { databaseName: params.databaseName });
      }
      const filePath = databaseFilePath(settings.databaseDirectory, params.databaseName);
      const conn = acquireConnection(filePath, readonly, settings.key ?? null);
      let instance: RxStorageInstanceSQLite<RxDocType>;
      try {
        const layout = layoutFor(params.collectionName, params.schema as never);
        if (!readonly) ensureTable(conn.db, layout, filePath);
        instance = new RxStorageInstanceSQLite<RxDocType>(
          params.databaseName,
          params.collectionName,
          params.schema,
          params.options,
          conn,
          layout,
          readonly ? tableExists(conn.db, layout) : true,
        );
      } catch (err) {
        await releaseConnection(conn);
        throw err;
      }
      addRxStorageMultiInstanceSupport(RX_STORAGE_NAME_SQLITE, params, instance);
      return instance;
    },
  };
}
