// Backup and restore of a workspace file, on real SQLite: a round trip gives back exactly what
// was backed up; files that are not a whole Deep Sales workspace are refused and nothing moves.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Database } from './sqlite/database';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountId } from '@shared/domain';
import { generateWorkspaceBatches } from '@shared/seed';
import { backupStore, BackupError, checkBackup, compactStore, restoreStore } from './backup';
import { createStore, type Store } from './create-store';
import { loadWorkspaceIntoStore } from './load-workspace';
import { databaseFilePath } from './sqlite';

let dir = '';
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
  if (dir) await rm(dir, { recursive: true, force: true });
});

const NAME = 'backup-test';
const hash = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
const ids = async (s: Store) => (await s.accounts.find().exec()).map((d) => d.id).sort();

async function seeded(): Promise<{ folder: string; store: Store }> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ds-backup-'));
  const folder = path.join(dir, 'workspace');
  store = await createStore({ directory: folder, name: NAME });
  await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: 3 }));
  return { folder, store };
}

async function expectInvalid(file: string): Promise<void> {
  const error = await checkBackup(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  expect((error as BackupError).code).toBe('DS_BACKUP_INVALID');
}

describe('workspace backup and restore', () => {
  it('round-trips: a restore gives back exactly what was backed up', async () => {
    const { folder, store: open } = await seeded();
    const before = await ids(open);
    const target = path.join(dir, 'chosen', '..', 'backup.sqlite');
    const { bytes } = await backupStore(folder, NAME, target);
    expect(bytes).toBeGreaterThan(10_000);
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
    await checkBackup(target);

    // Work after the backup: one account added, one removed.
    await open.accounts.insert({
      ...(await open.accounts.findOne().exec())!.toMutableJSON(),
      id: 'acc_after_backup' as AccountId,
      name: 'After Backup Ltd',
    });
    await (await open.accounts.findOne(before[0]!).exec())!.remove();
    expect(await ids(open)).not.toEqual(before);
    await open.close();
    store = null;

    const { previous } = await restoreStore(folder, NAME, target);
    expect(previous).toBe(`${databaseFilePath(folder, NAME)}.before-restore`);
    store = await createStore({ directory: folder, name: NAME });
    expect(await ids(store)).toEqual(before);
    expect(await store.accounts.findOne('acc_after_backup').exec()).toBeNull();
    await store.close();
    store = null;
    // The replaced file is kept, with the work done after the backup.
    const kept = Buffer.concat([
      await readFile(previous!),
      existsSync(`${previous}-wal`) ? await readFile(`${previous}-wal`) : Buffer.alloc(0),
    ]);
    expect(kept.includes(Buffer.from('After Backup Ltd'))).toBe(true);
    expect((await readFile(databaseFilePath(folder, NAME))).includes(Buffer.from('After Backup Ltd'))).toBe(false);
  });

  it('refuses what is not a whole Deep Sales workspace, and leaves the workspace untouched', async () => {
    const { folder, store: open } = await seeded();
    const good = path.join(dir, 'good.sqlite');
    await backupStore(folder, NAME, good);
    await open.close();
    store = null;
    const workspaceFile = databaseFilePath(folder, NAME);
    const untouched = await hash(workspaceFile);

    const empty = path.join(dir, 'empty.sqlite');
    await writeFile(empty, '');
    const text = path.join(dir, 'notes.sqlite');
    await writeFile(text, 'Meeting notes, not a database.\n'.repeat(100));
    const foreign = path.join(dir, 'foreign.sqlite');
    const db = new Database(foreign);
    db.exec("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES ('x');");
    db.close();
    const cut = path.join(dir, 'cut.sqlite');
    await copyFile(good, cut);
    await truncate(cut, Math.floor((await stat(good)).size / 2));
    const missing = path.join(dir, 'missing.sqlite');

    for (const file of [empty, text, foreign, cut, missing]) {
      await expectInvalid(file);
      await expect(restoreStore(folder, NAME, file)).rejects.toBeInstanceOf(BackupError);
    }
    await expect(restoreStore(folder, NAME, workspaceFile)).rejects.toBeInstanceOf(BackupError);
    expect(await hash(workspaceFile)).toBe(untouched);
    expect(existsSync(`${workspaceFile}.before-restore`)).toBe(false);
    // The empty file was not turned into a database by the check.
    expect((await stat(empty)).size).toBe(0);
  });

  it('compacts an open store: rewritten rows leave no bytes behind', async () => {
    const { folder, store: open } = await seeded();
    const secret = 'plain-secret-3b8e0c1f9a7d';
    await open.settings.upsert({ id: 'probe', value: secret, updatedAt: 1 });
    await open.settings.upsert({ id: 'probe', value: 'nothing here', updatedAt: 2 });
    const file = databaseFilePath(folder, NAME);
    const contains = async () => {
      for (const f of [file, `${file}-wal`]) if (existsSync(f) && (await readFile(f)).includes(Buffer.from(secret))) return true;
      return false;
    };
    expect(await contains()).toBe(true);
    await compactStore(folder, NAME);
    expect(await contains()).toBe(false);
    expect((await open.settings.findOne('probe').exec())?.value).toBe('nothing here');
  });
});
