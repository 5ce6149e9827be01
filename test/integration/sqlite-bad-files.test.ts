// Bad input: files in the data folder that are not ours must produce coded errors naming the
// file, and must be left byte-for-byte untouched (no -wal/-shm created next to them either).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../../src/main/store/sqlite/database';
import { fillWithDefaultSettings, randomToken } from 'rxdb';
import { getRxStorageSQLite, isSqliteStorageError } from '../../src/main/store/sqlite/index';
import { failureOf } from '../../src/main/store/sqlite/health';
import { contactSchema, makeTempDir, removeDir } from '../../src/main/store/sqlite/test-helpers';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('ds-sqlite-bad-');
});
afterEach(() => removeDir(dir));

function open(databaseName: string, readonly = false) {
  return getRxStorageSQLite({ databaseDirectory: dir, readonly }).createStorageInstance({
    databaseInstanceToken: randomToken(10),
    databaseName,
    collectionName: 'contacts',
    schema: fillWithDefaultSettings(contactSchema),
    options: {},
    multiInstance: false,
    devMode: false,
  });
}

async function expectCodedFailure(databaseName: string, code: string, readonly = false): Promise<void> {
  const file = path.join(dir, `${databaseName}.sqlite`);
  const before = fs.readFileSync(file);
  const err = await open(databaseName, readonly).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isSqliteStorageError(err)).toBe(true);
  expect(err).toMatchObject({ code });
  expect((err as Error).message).toContain(file);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  expect(fs.readdirSync(dir).sort()).toEqual([`${databaseName}.sqlite`]);
}

describe('SQLite storage on files that are not ours', () => {
  it('refuses a file that is not SQLite at all (DS_SQLITE_CORRUPT)', async () => {
    fs.writeFileSync(path.join(dir, 'junk.sqlite'), crypto.randomBytes(8192));
    await expectCodedFailure('junk', 'DS_SQLITE_CORRUPT');
    await expectCodedFailure('junk', 'DS_SQLITE_CORRUPT', true);
  });

  it('refuses a short text file (DS_SQLITE_CORRUPT)', async () => {
    fs.writeFileSync(path.join(dir, 'notes.sqlite'), 'hello');
    await expectCodedFailure('notes', 'DS_SQLITE_CORRUPT');
  });

  it('refuses an SQLite file whose schema page is damaged (DS_SQLITE_CORRUPT)', async () => {
    const inst = await open('damaged');
    await inst.close();
    const file = path.join(dir, 'damaged.sqlite');
    const bytes = fs.readFileSync(file);
    // Keep the 100-byte header valid, scramble the rest of page 1 (the sqlite_master b-tree).
    crypto.randomBytes(bytes.length - 100).copy(bytes, 100, 0, Math.min(3996, bytes.length - 100));
    bytes[100] = 0x0d; // still claims to be a table leaf page, so SQLite reads it and finds garbage
    fs.writeFileSync(file, bytes);
    await expectCodedFailure('damaged', 'DS_SQLITE_CORRUPT');
  });

  it('refuses an SQLite database written by another program (DS_SQLITE_FOREIGN)', async () => {
    const db = new Database(path.join(dir, 'crm.sqlite'));
    db.exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Acme')`);
    db.close();
    await expectCodedFailure('crm', 'DS_SQLITE_FOREIGN');
    await expectCodedFailure('crm', 'DS_SQLITE_FOREIGN', true);
  });

  it('still opens its own files after refusing a foreign one', async () => {
    fs.writeFileSync(path.join(dir, 'junk.sqlite'), crypto.randomBytes(100));
    await expect(open('junk')).rejects.toMatchObject({ code: 'DS_SQLITE_CORRUPT' });
    const ok = await open('fine');
    await ok.close();
  });
});

describe('SQLite storage on a file damaged after it was written', () => {
  it('maps SQLITE_CORRUPT met at a read to DS_SQLITE_CORRUPT, and every later call answers it without reading', async () => {
    const writer = await open('worn');
    const docs = Array.from({ length: 3000 }, (_, i) => ({
      id: `c${String(i).padStart(5, '0')}`,
      name: `n${i % 97}`,
      age: i % 90,
      active: i % 2 === 0,
      tags: [],
      profile: { city: 'Oslo', score: 1 },
      note: 'x'.repeat(400),
      _deleted: false,
      _attachments: {},
      _rev: '1-a',
      _meta: { lwt: 1 + i },
    }));
    await writer.bulkWrite(docs.map((document) => ({ document })) as never, 'test');
    await writer.close();
    const file = path.join(dir, 'worn.sqlite');
    // Garbage over every page after the schema and our own meta table (which open reads): any
    // read of the collection's table meets it.
    const plain = new Database(file, { readonly: true });
    const kept = plain.prepare(`SELECT max(rootpage) FROM sqlite_master WHERE tbl_name = 'ds_meta'`).pluck().get() as number;
    plain.close();
    const size = fs.statSync(file).size;
    const page = 32_768;
    expect(size).toBeGreaterThan((kept + 4) * page);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, crypto.randomBytes(size - kept * page), 0, size - kept * page, kept * page);
    fs.closeSync(fd);

    // Readonly: no integrity check runs, so the read itself is what finds the damage.
    const reader = await open('worn', true);
    const query = {
      query: { selector: {}, sort: [{ id: 'asc' }], skip: 0 },
      queryPlan: {
        index: ['id'],
        startKeys: [],
        endKeys: [],
        inclusiveStart: true,
        inclusiveEnd: true,
        sortSatisfiedByIndex: true,
        selectorSatisfiedByIndex: true,
      },
    };
    const first = await reader.query(query as never).then(
      () => null,
      (e: unknown) => e,
    );
    expect(first).toMatchObject({ code: 'DS_SQLITE_CORRUPT' });
    expect(failureOf(file)).toBe(first);
    await expect(reader.count(query as never)).rejects.toBe(first);
    await expect(reader.findDocumentsById(['c00001'], false)).rejects.toBe(first);
    await reader.close();
  });
});
