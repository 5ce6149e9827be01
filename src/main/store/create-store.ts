// Runs in the main process (or plain Node for the web preview and tests): the one place that
// decides which RxStorage backs the workspace, so swapping storages touches this file only.
import { createRxDatabase, addRxPlugin, type RxDatabase, type RxCollection, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBUpdatePlugin } from 'rxdb/plugins/update';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { COLLECTIONS, COLLECTION_NAMES, rxSchemaFor, type CollectionName, type CollectionSpec, type DocOf } from '@shared/domain';
import { conflictHandler } from '@shared/sync';
import { getRxStorageSQLite } from './sqlite';
import type { DatabaseKey } from './sqlite/database';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBUpdatePlugin);

export type StoreCollections = { [K in CollectionName]: RxCollection<DocOf[K]> };
export type Store = RxDatabase<StoreCollections>;

export interface StoreOptions {
  /** Folder holding the workspace (SQLite, survives restarts); omitted means in memory. */
  directory?: string;
  name?: string;
  /**
   * The SQLite file's key (workspace/database-key.ts keeps one per workspace): the file is
   * encrypted with it, a plaintext one on its first open. Omitted: a plaintext file.
   */
  key?: DatabaseKey;
  /** Override for tests that compare storages. */
  storage?: RxStorage<unknown, unknown>;
}

function pickStorage(options: StoreOptions): RxStorage<unknown, unknown> {
  if (options.storage) return options.storage;
  if (options.directory)
    return getRxStorageSQLite({ databaseDirectory: options.directory, key: options.key ?? null }) as RxStorage<unknown, unknown>;
  return getRxStorageMemory() as RxStorage<unknown, unknown>;
}

export async function createStore(options: StoreOptions = {}): Promise<Store> {
  const db = await createRxDatabase<StoreCollections>({
    name: options.name ?? 'workspace',
    storage: pickStorage(options),
    multiInstance: false,
    eventReduce: true,
    closeDuplicates: true,
  });
  const specs: Record<string, Record<string, unknown>> = {};
  for (const name of COLLECTION_NAMES) {
    const spec: CollectionSpec = COLLECTIONS[name];
    specs[name] = {
      schema: rxSchemaFor(name),
      // Synced collections merge concurrent edits field by field and keep the losing values.
      ...(spec.synced ? { conflictHandler } : {}),
      ...(spec.migrations ? { migrationStrategies: spec.migrations } : {}),
    };
  }
  try {
    await db.addCollections(specs as never);
  } catch (error) {
    // A refused file (damaged, not ours) must not leave its database open: the name and the
    // process's open-collection budget are needed by whatever opens next.
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}
