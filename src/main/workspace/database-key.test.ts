// The workspace file's key (issue 20): made once per file and kept in the secret store, never in
// the workspace folder; never replaced for a file that is already encrypted or when the secret
// store cannot be read; and openWorkspace writes an encrypted file whose key only the secrets hold.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseKeySecretName, keptDatabaseKey, keyIdFile, memorySecretStore, type SecretStore } from '../security/secrets';
import { databaseFilePath, openDatabase } from '../store';
import { databaseKeyFor, folderDatabaseKey, folderSecretStore, nameKeyById } from './database-key';
import { openWorkspace, type OpenWorkspace } from './open-workspace';

let dir = '';
let ws: OpenWorkspace | null = null;
afterEach(async () => {
  await ws?.close();
  ws = null;
  if (dir) for (const d of [dir, `${dir}-secrets`, `${dir}-teams`]) await rm(d, { recursive: true, force: true });
  dir = '';
});

async function folder(): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ds-dbkey-'));
  return dir;
}

describe('databaseKeyFor', () => {
  it('makes a random 32-byte key once per file and gives the same one back', async () => {
    const d = await folder();
    const secrets = memorySecretStore();
    const a = await databaseKeyFor(secrets, path.join(d, 'a.sqlite'));
    expect(a.length).toBe(32);
    expect(await databaseKeyFor(secrets, path.join(d, 'a.sqlite'))).toEqual(a);
    expect(await keptDatabaseKey(secrets, path.join(d, 'a.sqlite'))).toEqual(a);
    // Once the store has opened it, named by an id beside the file (rule 2).
    await nameKeyById(secrets, path.join(d, 'a.sqlite'));
    expect(readFileSync(keyIdFile(path.join(d, 'a.sqlite')), 'utf8')).toMatch(/^[0-9a-f]{32}\n$/);
    expect(await databaseKeyFor(secrets, path.join(d, 'a.sqlite'))).toEqual(a);
    const b = await databaseKeyFor(secrets, path.join(d, 'b.sqlite'));
    expect(b.equals(a)).toBe(false);
  });

  it('gives no new key to an encrypted file whose key is not kept (refused as unreadable)', async () => {
    const d = await folder();
    const file = path.join(d, 'copied.sqlite');
    writeFileSync(file, Buffer.alloc(65_536, 7));
    const secrets = memorySecretStore();
    await expect(databaseKeyFor(secrets, file)).rejects.toMatchObject({
      code: 'DS_SQLITE_CORRUPT',
      message: expect.stringMatching(/keeps no key for it/),
    });
    expect(await keptDatabaseKey(secrets, file)).toBeNull();
    expect(existsSync(keyIdFile(file))).toBe(false);
  });

  it('finds a key kept by path (files made before key ids) and gives it an id, so the folder can move', async () => {
    const d = await folder();
    const file = path.join(d, 'old.sqlite');
    const secrets = memorySecretStore();
    const legacy = Buffer.alloc(32, 9);
    await secrets.set(databaseKeySecretName(file), legacy.toString('hex'));
    expect(await databaseKeyFor(secrets, file)).toEqual(legacy);
    expect(existsSync(keyIdFile(file))).toBe(true);
    const moved = `${d}-moved`;
    await rename(d, moved);
    dir = moved;
    expect(await databaseKeyFor(secrets, path.join(moved, 'old.sqlite'))).toEqual(legacy);
  });

  it('does not replace a key it cannot read (a locked keychain)', async () => {
    const d = await folder();
    let writes = 0;
    const locked: SecretStore = {
      get: () => Promise.reject(new Error('keychain locked')),
      set: async () => void writes++,
      delete: async () => undefined,
    };
    await expect(databaseKeyFor(locked, path.join(d, 'w.sqlite'))).rejects.toMatchObject({ code: 'DS_SQLITE_KEY' });
    expect(writes).toBe(0);
  });
});

describe('openWorkspace encrypts the workspace file', () => {
  it('writes the demo encrypted, with its key in <data>-secrets only', async () => {
    const d = await folder();
    ws = await openWorkspace({ directory: d, seedDemo: true });
    const accounts = await ws.host.invoke('accounts.list', {});
    expect(accounts.ok).toBe(true);
    await ws.close();
    ws = null;
    const file = databaseFilePath(d, 'workspace');
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    const key = await folderDatabaseKey(d);
    const hex = key.toString('hex');
    // The key is in none of the workspace folder's files, and the secrets folder holds it sealed.
    for (const name of readdirSync(d)) expect(readFileSync(path.join(d, name)).toString('latin1')).not.toContain(hex);
    expect((await keptDatabaseKey(folderSecretStore(d), file))?.toString('hex')).toBe(hex);
    if (process.platform !== 'win32') expect(statSync(`${d}-secrets`).mode & 0o777).toBe(0o700);
    const db = openDatabase(file, { readonly: true, fileMustExist: true, key });
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'ds_meta'`).pluck().get()).toBe(1);
    db.close();
  });

  it('keeps one key per folder however the folder is written (out/, ./out, out)', async () => {
    const d = await folder();
    const written = await folderDatabaseKey(`${d}/`);
    expect((await folderDatabaseKey(d)).equals(written)).toBe(true);
    expect((await folderDatabaseKey(path.relative(process.cwd(), d))).equals(written)).toBe(true);
    expect(readdirSync(d)).not.toContain('-secrets');
  });

  it('opens a workspace folder moved or renamed on this device, with its data', async () => {
    const d = await folder();
    const secrets = memorySecretStore();
    ws = await openWorkspace({ directory: d, seedDemo: true, secrets });
    const before = await ws.host.invoke('accounts.list', {});
    expect(before.ok).toBe(true);
    await ws.close();
    ws = null;
    const moved = `${d}-moved`;
    await rename(d, moved);
    dir = moved;
    ws = await openWorkspace({ directory: moved, seedDemo: true, secrets });
    expect(await ws.host.invoke('workspace.health', {})).toMatchObject({ ok: true, output: { state: 'ok' } });
    expect(await ws.host.invoke('accounts.list', {})).toEqual(before);
  });

  it('opens a workspace whose key is gone on the recovery screen, the file untouched', async () => {
    const d = await folder();
    ws = await openWorkspace({ directory: d, seedDemo: true });
    await ws.close();
    ws = null;
    const file = databaseFilePath(d, 'workspace');
    const before = readFileSync(file);
    // The secrets are lost (a reset keychain): the next open must not make a new file or key over it.
    await rm(`${d}-secrets`, { recursive: true, force: true });
    await mkdir(`${d}-secrets`, { mode: 0o700 });
    ws = await openWorkspace({ directory: d, seedDemo: true });
    const health = await ws.host.invoke('workspace.health', {});
    expect(health).toMatchObject({
      ok: true,
      output: { state: 'damaged', problem: { code: 'DS_SQLITE_CORRUPT', message: expect.stringMatching(/keeps no key for it/) } },
    });
    expect((await ws.host.invoke('accounts.list', {})) as { ok: boolean; error?: { code: string } }).toMatchObject({
      ok: false,
      error: { code: 'DS_STORE_CORRUPT' },
    });
    await ws.close();
    ws = null;
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
