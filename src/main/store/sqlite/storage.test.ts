import fs from 'node:fs';
import path from 'node:path';
import {
  createRxDatabase,
  fillWithDefaultSettings,
  getChangedDocumentsSince as rxGetChangedDocumentsSince,
  getIndexableStringMonad,
  normalizeMangoQuery,
  now,
  prepareQuery,
  randomToken,
} from 'rxdb';
import type { BulkWriteRow, RxDocumentData, RxStorageInstance } from 'rxdb';
import { Database } from './database';
import { acquireConnection, releaseConnection, WAL_BACKSTOP_BYTES } from './connection';
import { encodeIndexKey } from './index-key';
import { getRxStorageSQLite } from './index';
import { contactSchema, filledContactSchema, makeTempDir, removeDir, type ContactDoc } from './test-helpers';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  removeDir(dir);
});

function docData(id: string, over: Partial<ContactDoc> = {}, lwt = now()): RxDocumentData<ContactDoc> {
  return {
    id,
    name: `n-${id}`,
    age: 30,
    active: true,
    tags: ['a'],
    profile: { city: 'Berlin', score: 1.5 },
    ...over,
    _deleted: false,
    _attachments: {},
    _rev: '1-a',
    _meta: { lwt },
  };
}

async function instance(databaseName = 'db', collectionName = 'contacts', readonly = false) {
  return getRxStorageSQLite({ databaseDirectory: dir, readonly }).createStorageInstance<ContactDoc>({
    databaseInstanceToken: randomToken(10),
    databaseName,
    collectionName,
    schema: filledContactSchema,
    options: {},
    multiInstance: false,
    devMode: false,
  });
}

function q(inst: RxStorageInstance<ContactDoc, unknown, unknown>, mango: Parameters<typeof normalizeMangoQuery<ContactDoc>>[1]) {
  return prepareQuery(inst.schema, normalizeMangoQuery(inst.schema, mango));
}

describe('SQLite RxStorage instance', () => {
  it('writes, reads by id, reports 409 conflicts with the document in the database', async () => {
    const inst = await instance();
    const write = await inst.bulkWrite([{ document: docData('a') }, { document: docData('b') }], 'test');
    expect(write.error).toEqual([]);
    const again = await inst.bulkWrite([{ document: docData('a') }], 'test');
    expect(again.error).toHaveLength(1);
    // The whole stored document, not the revision stub the write categorised against.
    expect(again.error[0]).toMatchObject({
      status: 409,
      documentId: 'a',
      documentInDb: { ...docData('a'), _meta: { lwt: expect.any(Number) } },
    });

    const prev = docData('a');
    const next: BulkWriteRow<ContactDoc> = { previous: prev, document: { ...docData('a', { age: 31 }), _rev: '2-b' } };
    expect((await inst.bulkWrite([next], 'test')).error).toEqual([]);
    // same previous again: stale revision
    const stale = await inst.bulkWrite([{ previous: prev, document: { ...docData('a'), _rev: '2-c' } }], 'test');
    expect(stale.error[0]?.status).toBe(409);

    const found = await inst.findDocumentsById(['a', 'b', 'zz'], false);
    expect(found.map((d) => [d.id, d.age])).toEqual([
      ['a', 31],
      ['b', 30],
    ]);
    await inst.close();
  });

  it('creates new files in WAL mode with 32 KiB pages and leaves an existing file its page size', async () => {
    const fresh = await instance('fresh');
    const freshPath = (fresh.internals as { filePath: string }).filePath;
    await fresh.close();
    // A file made before the page size was chosen: 4 KiB pages, our meta table, no collections.
    const oldPath = path.join(dir, 'old.sqlite');
    const old = new Database(oldPath);
    old.pragma('page_size = 4096');
    old.exec(`CREATE TABLE ds_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`);
    old.close();
    const reopened = await instance('old');
    expect((await reopened.bulkWrite([{ document: docData('a') }], 'test')).error).toEqual([]);
    await reopened.close();
    for (const [file, pageSize] of [
      [freshPath, 32_768],
      [oldPath, 4096],
    ] as const) {
      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma('page_size', { simple: true })).toBe(pageSize);
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      } finally {
        db.close();
      }
      // The writer's own checkpoint threshold is per connection and follows the page size: with
      // the checkpoint thread running it is only the ~1 GiB backstop.
      const conn = acquireConnection(file, false);
      try {
        expect(conn.checkpointer).not.toBeNull();
        expect(conn.db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_BACKSTOP_BYTES / pageSize);
      } finally {
        await releaseConnection(conn);
      }
    }
  });

  it('stores every index key as a BLOB of encodeIndexKey bytes, on insert and on update', async () => {
    // The write path binds plain strings under CAST(? AS BLOB); a TEXT key would sort below every
    // BLOB and silently fall out of range scans, so check the stored type and bytes directly.
    const inst = await instance();
    const plain = docData('p', { name: 'plain' });
    const emoji = docData('e', { name: 'x\u{1F600}y' });
    expect((await inst.bulkWrite([{ document: plain }, { document: emoji }], 'test')).error).toEqual([]);
    const emoji2 = { ...emoji, name: '\u{1F600}', _rev: '2-b' };
    expect((await inst.bulkWrite([{ previous: emoji, document: emoji2 }], 'test')).error).toEqual([]);
    const { filePath, tableName } = inst.internals as { filePath: string; tableName: string };
    await inst.close();
    const db = new Database(filePath, { readonly: true });
    try {
      const rows = db.prepare(`SELECT * FROM "${tableName}" ORDER BY id`).all() as Record<string, unknown>[];
      const byId = new Map([plain, emoji2].map((d) => [d.id, d]));
      const indexes = (filledContactSchema.indexes ?? []).map((ix) => (Array.isArray(ix) ? ix : [ix]) as string[]);
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        const doc = byId.get(row.id as string)!;
        indexes.forEach((fields, i) => {
          const stored = row[`i${i}`];
          expect(Buffer.isBuffer(stored)).toBe(true);
          const expected = encodeIndexKey(getIndexableStringMonad(filledContactSchema as never, fields)(doc as never));
          expect(Buffer.compare(stored as Buffer, expected)).toBe(0);
        });
      }
    } finally {
      db.close();
    }
  });

  it('hides deleted documents unless asked, and cleanup purges old tombstones', async () => {
    const inst = await instance();
    await inst.bulkWrite([{ document: docData('a') }], 'test');
    await inst.bulkWrite(
      [{ previous: docData('a'), document: { ...docData('a', {}, now() - 10_000), _deleted: true, _rev: '2-x' } }],
      'test',
    );
    expect(await inst.findDocumentsById(['a'], false)).toEqual([]);
    expect(await inst.findDocumentsById(['a'], true)).toHaveLength(1);
    await inst.cleanup(60_000); // too young to purge
    expect(await inst.findDocumentsById(['a'], true)).toHaveLength(1);
    await inst.cleanup(0);
    expect(await inst.findDocumentsById(['a'], true)).toEqual([]);
    await inst.close();
  });

  it('emits one event bulk per write with a checkpoint', async () => {
    const inst = await instance();
    const bulks: unknown[] = [];
    const sub = inst.changeStream().subscribe((b) => bulks.push(b));
    await inst.bulkWrite([{ document: docData('a', {}, 1000) }, { document: docData('b', {}, 1001) }], 'ctx');
    sub.unsubscribe();
    expect(bulks).toHaveLength(1);
    expect(bulks[0]).toMatchObject({
      context: 'ctx',
      checkpoint: { id: 'b', lwt: 1001 },
      events: [{ documentId: 'a' }, { documentId: 'b' }],
    });
    await inst.close();
  });

  it("pages getChangedDocumentsSince exactly like RxDB's query-based fallback", async () => {
    const inst = await instance();
    const docs = Array.from({ length: 57 }, (_, i) => docData(`d${String(i % 13).padStart(2, '0')}-${i}`, {}, 1000 + Math.floor(i / 4)));
    await inst.bulkWrite(
      docs.map((document) => ({ document })),
      'test',
    );
    const viaQuery = { ...inst, getChangedDocumentsSince: undefined, schema: inst.schema, query: inst.query.bind(inst) };
    let a: { id: string; lwt: number } | undefined;
    let b: { id: string; lwt: number } | undefined;
    for (let page = 0; page < 8; page++) {
      const mine = await inst.getChangedDocumentsSince!(10, a);
      const theirs = await rxGetChangedDocumentsSince(viaQuery as never, 10, b);
      expect(mine.documents.map((d) => d.id)).toEqual(theirs.documents.map((d) => (d as unknown as ContactDoc).id));
      expect(mine.checkpoint).toEqual(theirs.checkpoint);
      a = mine.checkpoint;
      b = theirs.checkpoint as typeof b;
    }
    await inst.close();
  });

  it('persists across close and reopen, sharing one file per database', async () => {
    const a = await instance('db', 'contacts');
    const b = await instance('db', 'other');
    await a.bulkWrite([{ document: docData('x') }], 'test');
    await a.close();
    await b.close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite'))).toEqual(['db.sqlite']);
    const again = await instance('db', 'contacts');
    const res = await again.query(q(again, { selector: {} }));
    expect(res.documents.map((d) => d.id)).toEqual(['x']);
    expect((await again.count(q(again, { selector: { name: 'n-x' } }))).count).toBe(1);
    await again.close();
  });

  it('deletes the file once every collection of the database was removed', async () => {
    const a = await instance('gone', 'contacts');
    const b = await instance('gone', 'other');
    await a.remove();
    expect(fs.existsSync(path.join(dir, 'gone.sqlite'))).toBe(true);
    await b.remove();
    expect(fs.existsSync(path.join(dir, 'gone.sqlite'))).toBe(false);
  });

  it('gives a readonly view of a not-yet-created collection that fills once the writer creates it', async () => {
    const writerA = await instance('shared', 'contacts');
    const reader = await instance('shared', 'later', true);
    expect((await reader.query(q(reader, { selector: {} }))).documents).toEqual([]);
    const writerB = await instance('shared', 'later');
    await writerB.bulkWrite([{ document: docData('k') }], 'test');
    expect((await reader.query(q(reader, { selector: {} }))).documents.map((d) => d.id)).toEqual(['k']);
    expect(await reader.findDocumentsById(['k'], false)).toHaveLength(1);
    await Promise.all([writerA.close(), writerB.close(), reader.close()]);
  });

  it('opens an existing RxDatabase readonly (the scoring worker case)', async () => {
    const rw = await createRxDatabase({ name: 'shared', storage: getRxStorageSQLite({ databaseDirectory: dir }), multiInstance: false });
    await rw.addCollections({ contacts: { schema: contactSchema } });
    await rw.contacts!.insert({ id: 'a', name: 'Ann', age: 40, active: true, tags: [], profile: { city: 'Oslo', score: 1 } });
    await rw.close();
    const ro = await createRxDatabase({
      name: 'shared',
      storage: getRxStorageSQLite({ databaseDirectory: dir, readonly: true }),
      multiInstance: false,
    });
    await ro.addCollections({ contacts: { schema: contactSchema } });
    expect((await ro.contacts!.find({ selector: { age: { $gt: 30 } } }).exec()).map((d) => d.id)).toEqual(['a']);
    await expect(
      ro.contacts!.insert({ id: 'b', name: 'Bob', age: 1, active: true, tags: [], profile: { city: 'Oslo', score: 1 } }),
    ).rejects.toMatchObject({ code: 'DS_SQLITE_READONLY' });
    await ro.close();
  });

  it('deletes the file when RxDB removes the whole database', async () => {
    const db = await createRxDatabase({ name: 'doomed', storage: getRxStorageSQLite({ databaseDirectory: dir }), multiInstance: false });
    await db.addCollections({ contacts: { schema: contactSchema } });
    await db.contacts!.insert({ id: 'a', name: 'Ann', age: 40, active: true, tags: [], profile: { city: 'Oslo', score: 1 } });
    expect(fs.existsSync(path.join(dir, 'doomed.sqlite'))).toBe(true);
    await db.remove();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses schemas with attachments with a coded error', async () => {
    const schema = fillWithDefaultSettings({ ...contactSchema, attachments: {} });
    await expect(
      getRxStorageSQLite({ databaseDirectory: dir }).createStorageInstance({
        databaseInstanceToken: 't',
        databaseName: 'db',
        collectionName: 'c',
        schema,
        options: {},
        multiInstance: false,
        devMode: false,
      }),
    ).rejects.toMatchObject({ code: 'DS_SQLITE_ATTACHMENTS_UNSUPPORTED' });
  });

  it('works under a full RxDatabase with a schema migration', async () => {
    const { addRxPlugin } = await import('rxdb');
    const { RxDBMigrationSchemaPlugin } = await import('rxdb/plugins/migration-schema');
    addRxPlugin(RxDBMigrationSchemaPlugin);
    const storage = getRxStorageSQLite({ databaseDirectory: dir });
    const db0 = await createRxDatabase({ name: 'mig', storage, multiInstance: false });
    await db0.addCollections({ contacts: { schema: contactSchema } });
    await db0.contacts!.bulkInsert([
      { id: 'a', name: 'Ann', age: 40, active: true, tags: [], profile: { city: 'Oslo', score: 1 } },
      { id: 'b', name: 'Bob', age: 50, active: false, tags: ['x'], profile: { city: 'Rome', score: 2 } },
    ]);
    await db0.close();

    const db1 = await createRxDatabase({ name: 'mig', storage, multiInstance: false });
    await db1.addCollections({
      contacts: {
        schema: { ...contactSchema, version: 1 },
        migrationStrategies: { 1: (old: ContactDoc) => ({ ...old, name: old.name.toUpperCase(), age: old.age + 1 }) },
      },
    });
    const docs = await db1.contacts!.find({ sort: [{ id: 'asc' }] }).exec();
    expect(docs.map((d) => [d.id, d.name, d.age])).toEqual([
      ['a', 'ANN', 41],
      ['b', 'BOB', 51],
    ]);
    await db1.close();
  });
});
