// Runs in the main process (or plain Node for the web preview and tests): the one place that
// decides which RxStorage backs the workspace, so swapping storages touches this file only.
import { createRxDatabase, addRxPlugin, type RxDatabase, type RxCollection, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBUpdatePlugin } from 'rxdb/plugins/update';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { COLLECTION_NAMES, rxSchemaFor, type CollectionName, type DocOf } from '../../shared/domain';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBUpdatePlugin);

export type StoreCollections = { [K in CollectionName]: RxCollection<DocOf[K]> };
export type Store = RxDatabase<StoreCollections>;

export interface StoreOptions {
  /** Folder holding the workspace; omitted means in memory (tests, throwaway previews). */
  directory?: string;
  name?: string;
  /** Override for tests that compare storages. */
  storage?: RxStorage<unknown, unknown>;
}

function pickStorage(options: StoreOptions): RxStorage<unknown, unknown> {
  if (options.storage) return options.storage;
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
  const specs: Record<string, { schema: ReturnType<typeof rxSchemaFor> }> = {};
  for (const name of COLLECTION_NAMES) specs[name] = { schema: rxSchemaFor(name) };
  await db.addCollections(specs as never);
  return db;
}
