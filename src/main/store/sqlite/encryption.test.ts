// Encryption at rest (issue 20), on real SQLite3MultipleCiphers files: a keyed workspace file is
// unreadable without its key, a plaintext one is encrypted on open with its data, a wrong key is
// a coded refusal that leaves every byte, backups are encrypted and restore, and the scoring
// worker's snapshot reader reads the encrypted file.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateWorkspaceBatches } from '@shared/seed';
import { rxSchemaFor } from '@shared/domain';
import { backupStore, BackupError, checkBackup, restoreStore } from '../backup';
import { createStore, type Store } from '../create-store';
import { loadWorkspaceIntoStore } from '../load-workspace';
import { snapshotSpecOf } from '../scores';
import { openStoreSnapshot } from '../snapshot';
import { databaseFilePath } from './index';
import { openDatabase, Database } from './database';
import { clearFailure } from './health';
import { tableNameFor } from './table';
import { makeTempDir, removeDir } from './test-helpers';

const NAME = 'enc';
const KEY = Buffer.from('8f1c4a2e9b7d3f60a5c8e1b4d7f02a6c9e3b5d8f1a4c7e0b3d6f9a2c5e8b1d4f', 'hex');
const SQLITE_HEADER = 'SQLite format 3\u0000';

let dir = '';
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
  if (dir) removeDir(dir);
  dir = '';
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const header = (file: string) => readFileSync(file).subarray(0, 16).toString('latin1');
const accountIds = async (s: Store) => (await s.accounts.find().exec()).map((d) => d.id).sort();

async function seeded(key: Buffer | null): Promise<{ folder: string; file: string; ids: string[] }> {
  dir = makeTempDir('ds-enc-');
  const folder = path.join(dir, 'workspace');
  store = await createStore({ directory: folder, name: NAME, ...(key ? { key } : {}) });
  await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: 5 }));
  const ids = await accountIds(store);
  expect(ids.length).toBeGreaterThan(5);
  await store.close();
  store = null;
  return { folder, file: databaseFilePath(folder, NAME), ids };
}

/** What opening `file` with the library and `key` answers at its first read. */
function firstRead(file: string, key: Buffer | null): string {
  try {
    const db = openDatabase(file, { readonly: true, fileMustExist: true, key });
    try {
      return `${db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number} objects`;
    } finally {
      db.close();
    }
  } catch (error) {
    return `${(error as { code?: string }).code}: ${(error as Error).message}`;
  }
}

describe('workspace file encrypted at rest', () => {
  it('is unreadable without its key: no SQLite header, "file is not a database" to plain SQLite', async () => {
    const { file } = await seeded(KEY);
    expect(header(file)).not.toBe(SQLITE_HEADER);
    // No key at all, as plain SQLite would open it.
    const plain = new Database(file, { readonly: true, fileMustExist: true });
    expect(() => plain.prepare('SELECT name FROM sqlite_master').all()).toThrow(/file is not a database/);
    plain.close();
    expect(firstRead(file, null)).toMatch(/^SQLITE_NOTADB: file is not a database/);
    expect(firstRead(file, randomBytes(32))).toMatch(/^SQLITE_NOTADB/);
    expect(firstRead(file, KEY)).toMatch(/^\d+ objects$/);
    // No plaintext of the workspace anywhere in the file's bytes.
    const bytes = readFileSync(file).toString('latin1');
    expect(bytes).not.toContain('format_version');
    expect(bytes).not.toContain('"accountId"');
  });

  it('encrypts a plaintext workspace when it opens it with a key, keeping its data', async () => {
    const { folder, file, ids } = await seeded(null);
    expect(header(file)).toBe(SQLITE_HEADER);
    store = await createStore({ directory: folder, name: NAME, key: KEY });
    expect(await accountIds(store)).toEqual(ids);
    await store.close();
    store = null;
    expect(header(file)).not.toBe(SQLITE_HEADER);
    expect(firstRead(file, null)).toMatch(/^SQLITE_NOTADB/);
    // Opened again (now encrypted) it still holds the same workspace, and takes writes.
    store = await createStore({ directory: folder, name: NAME, key: KEY });
    expect(await accountIds(store)).toEqual(ids);
    await store.accounts.findOne(ids[0]!).remove();
    expect((await accountIds(store)).length).toBe(ids.length - 1);
  });

  it('refuses a wrong key with a coded error naming the key, and leaves the file untouched', async () => {
    const { folder, file } = await seeded(KEY);
    const before = sha(file);
    const error = await createStore({ directory: folder, name: NAME, key: randomBytes(32) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'DS_SQLITE_CORRUPT' });
    expect((error as Error).message).toMatch(/encrypted with another key/);
    expect(sha(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
    // Without any key, the encrypted file is refused the same way, untouched.
    clearFailure(file);
    await expect(createStore({ directory: folder, name: NAME })).rejects.toThrow(/DS_SQLITE_CORRUPT/);
    expect(sha(file)).toBe(before);
    clearFailure(file);
    // The right key still opens it.
    store = await createStore({ directory: folder, name: NAME, key: KEY });
    expect(await store.accounts.count().exec()).toBeGreaterThan(5);
  });

  it('backs up encrypted, and the backup restores into the workspace', async () => {
    const { folder, file, ids } = await seeded(KEY);
    store = await createStore({ directory: folder, name: NAME, key: KEY });
    const backup = path.join(dir, 'backup.sqlite');
    await backupStore(folder, NAME, backup);
    expect(header(backup)).not.toBe(SQLITE_HEADER);
    expect(firstRead(backup, null)).toMatch(/^SQLITE_NOTADB/);
    await checkBackup(backup, file);
    // Checked as a plaintext file (no workspace named), it is refused in words.
    await expect(checkBackup(backup)).rejects.toBeInstanceOf(BackupError);

    await store.accounts.findOne(ids[0]!).remove();
    await store.close();
    store = null;
    await restoreStore(folder, NAME, backup);
    expect(header(file)).not.toBe(SQLITE_HEADER);
    store = await createStore({ directory: folder, name: NAME, key: KEY });
    expect(await accountIds(store)).toEqual(ids);
  });

  it('refuses to restore a backup encrypted with another key, and the workspace stays', async () => {
    const { folder, file } = await seeded(KEY);
    const otherFolder = path.join(dir, 'other');
    const other = await createStore({ directory: otherFolder, name: NAME, key: randomBytes(32) });
    await loadWorkspaceIntoStore(other, generateWorkspaceBatches({ size: 'XS', seed: 6 }));
    await other.close();
    store = await createStore({ directory: folder, name: NAME, key: KEY });
    await store.close();
    store = null;
    const before = sha(file);
    const error = await restoreStore(folder, NAME, databaseFilePath(otherFolder, NAME)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).message).toMatch(/cannot be read with this workspace's key/);
    expect(sha(file)).toBe(before);
  });

  it("is read by the scoring worker's snapshot reader, which gets the key with the spec", async () => {
    const { folder, ids } = await seeded(KEY);
    store = await createStore({ directory: folder, name: NAME, key: KEY });
    const spec = snapshotSpecOf(store, ['accounts']);
    expect(spec?.key).toBe(KEY.toString('hex'));
    const snapshot = openStoreSnapshot(spec!);
    const seen: string[] = [];
    try {
      snapshot.scan('accounts', 100, (docs) => seen.push(...docs.map((d) => d.id)));
      // Its bulk read over, the reader keeps a small cache (the scoring worker's) and reads on.
      snapshot.trimCache(64);
      expect(snapshot.read('accounts', ids.slice(0, 3)).live.map((d) => d.id)).toEqual(ids.slice(0, 3));
    } finally {
      snapshot.close();
    }
    expect(seen.sort()).toEqual(ids);
    // The same spec without its key cannot read the file.
    expect(() => openStoreSnapshot({ ...spec!, key: undefined })).toThrow(/file is not a database/);
    expect(spec!.tables['accounts']).toBe(tableNameFor('accounts', rxSchemaFor('accounts').version));
  });
});
