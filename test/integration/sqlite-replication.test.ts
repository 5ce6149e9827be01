// Runs RxDB's own replication base test suite with every client collection stored in the SQLite
// RxStorage. The "server" is an RxDB collection on the memory storage exposed through RxDB's
// rxStorageInstanceToReplicationHandler (the suite's stock pull/push helpers) — a test double,
// not product code.
//
// Not run: the suite's attachment tests, which are opt-in (syncOnceWithAttachments) and cannot
// apply — the SQLite storage refuses schemas with attachments (DS_SQLITE_ATTACHMENTS_UNSUPPORTED).
// RxDB 17.6 ships no generic RxStorage conformance suite in its package (the storage tests live in
// RxDB's repository, not in rxdb/plugins/test-utils), so only the replication suite runs here;
// the storage contract is covered by src/main/store/sqlite/*.test.ts.
import fs from 'node:fs';
import { addRxPlugin, randomToken, createRxDatabase, normalizeMangoQuery, prepareQuery } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import type { RxCollection, RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { getRxStorageSQLite } from '../../src/main/store/sqlite/index';
import { makeTempDir, removeDir } from '../../src/main/store/sqlite/test-helpers';

// rxdb/plugins/test-utils imports `clone` and `async-test-util`, which rxdb lists only as its own
// devDependencies; this project installs them as devDependencies of its own.
const testUtils = await import('rxdb/plugins/test-utils');

// The suite opens databases with ignoreDuplicate, which RxDB only allows in dev-mode; dev-mode
// also makes RxDB check our storage's results more strictly.
disableWarnings();
addRxPlugin(RxDBDevModePlugin);

const dir = makeTempDir('ds-sqlite-repl-');
afterAll(() => removeDir(dir));

testUtils.setConfig({
  storage: {
    name: 'sqlite-ds',
    // dev-mode insists on a schema validator around the storage; ajv is RxDB's stock one.
    getStorage: () => wrappedValidateAjvStorage({ storage: getRxStorageSQLite({ databaseDirectory: dir }) }),
    getPerformanceStorage: () => ({ storage: getRxStorageSQLite({ databaseDirectory: dir }), description: 'sqlite-ds' }),
    hasPersistence: true,
    hasMultiInstance: true,
    hasAttachments: false,
    hasReplication: true,
  },
});

let serverDb: RxDatabase | undefined;
let server: RxCollection | undefined;

async function freshServer(): Promise<void> {
  if (serverDb) await serverDb.close();
  serverDb = await createRxDatabase({
    name: `server${randomToken(8)}`,
    storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
    multiInstance: false,
  });
  const cols = await serverDb.addCollections({ human: { schema: testUtils.schemas.human } });
  server = cols.human!;
}

function replicate(collection: RxCollection, live: boolean) {
  const remote = server!;
  return replicateRxCollection({
    collection,
    replicationIdentifier: `sqlite-suite-${remote.database.name}`,
    live,
    pull: { handler: testUtils.getPullHandler(remote), ...(live ? { stream$: testUtils.getPullStream(remote) } : {}) },
    push: { handler: testUtils.getPushHandler(remote) },
  });
}

afterAll(async () => {
  await serverDb?.close();
});

describe('RxDB replication base test suite on the SQLite storage', () => {
  testUtils.runReplicationBaseTestSuite({
    startReplication: (collection) => replicate(collection, true),
    async syncOnce(collection) {
      const state = replicate(collection, false);
      testUtils.ensureReplicationHasNoErrors(state);
      await state.awaitInitialReplication();
      await state.cancel();
    },
    async getAllServerDocs() {
      const inst = server!.storageInstance;
      // No _deleted filter: the suite expects soft-deleted documents to be listed.
      const res = await inst.query(prepareQuery(inst.schema, normalizeMangoQuery(inst.schema, { selector: {} })));
      return res.documents;
    },
    cleanUpServer: freshServer,
    softDeletes: true,
    isDeleted: (doc: { _deleted: boolean }) => doc._deleted,
    getPrimaryOfServerDoc: (doc: { passportId: string }) => doc.passportId,
  });
});

// Guards against the suite silently running on some default storage instead of ours.
it("stored the suite's client databases in SQLite files", () => {
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite')).length).toBeGreaterThan(0);
});
