// Main process or plain Node (web preview, `npm run import` / `export`): the key each workspace
// file is encrypted with (store/sqlite/database.ts), kept in the same secret store as the sync
// token — the OS keychain through safeStorage in the desktop app, a 0600 key file outside the
// workspace folders in the web preview and the scripts (security/secrets.ts) — never beside it.
//
// 1. One random 32-byte key per workspace file, made the first time that file is opened: a new
//    file is created encrypted, a plaintext one is encrypted by the store when it opens it.
// 2. The key is named by a random key id kept beside the file (`<file>.keyid`, not secret: it
//    only says which of this device's keys opens the file), so a workspace folder moved or
//    renamed on this device still opens. A key is first kept under the file's path (as files
//    made before key ids are) and given its id once the store has opened the file with it.
// 3. A key is only ever made for a file that has none yet (missing, or plaintext). An encrypted
//    file whose key this device does not keep (copied from another computer, the keychain was
//    reset) gets no new key: it is refused untouched (DS_SQLITE_CORRUPT: without a key it cannot
//    be told from garbage) and the recovery screen offers a backup or a fresh pull.
// 4. A secret store that cannot be read (a locked or reset keychain) is never answered with a new
//    key either: that would lose the old one for good. The open is refused with DS_SQLITE_KEY.
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { corruptError, DATABASE_KEY_BYTES, databaseFilePath, fileHeader, keyError } from '../store';
import { databaseKeySecretName, keyFileSecretStore, keyIdFile, keySecretName, readKeyId, type SecretStore } from '../security/secrets';

function writeKeyId(filePath: string): string {
  const id = randomBytes(16).toString('hex');
  mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
  const tmp = `${keyIdFile(filePath)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${id}\n`, { mode: 0o600 });
  renameSync(tmp, keyIdFile(filePath));
  return id;
}

/** The key of the workspace file at `filePath` (absolute), made and kept on first use (rules 1–4). */
export async function databaseKeyFor(secrets: SecretStore, filePath: string): Promise<Buffer> {
  let id: string | null;
  let kept: string | null;
  try {
    id = readKeyId(filePath);
    kept = id === null ? null : await secrets.get(keySecretName(id));
    // Rule 2: a file made before key ids, still where it was made.
    const byPath = kept === null ? await secrets.get(databaseKeySecretName(filePath)) : null;
    if (byPath !== null) {
      id ??= writeKeyId(filePath);
      await secrets.set(keySecretName(id), byPath);
      kept = byPath;
    }
  } catch (error) {
    throw keyError(
      filePath,
      error,
      `cannot be opened: its key could not be read from this device's secret store (${(error as Error).message})`,
    );
  }
  if (kept !== null) {
    const key = Buffer.from(kept, 'hex');
    if (key.length !== DATABASE_KEY_BYTES)
      throw keyError(filePath, undefined, 'cannot be opened: the key this device keeps for it is damaged');
    return key;
  }
  // fileHeader refuses an empty file itself (DS_SQLITE_CORRUPT), as the store would. Without a
  // key, ciphertext and garbage look alike: refused as the store refuses what it cannot read.
  if (fileHeader(filePath) === 'other') {
    throw corruptError(
      filePath,
      undefined,
      'not a plaintext SQLite database and this device keeps no key for it: damaged, or encrypted on another computer',
    );
  }
  // A new key is named by the path until the store has opened the file with it (nameKeyById):
  // a file the store then refuses (another program's database) is left with nothing beside it.
  const key = randomBytes(DATABASE_KEY_BYTES);
  await secrets.set(databaseKeySecretName(filePath), key.toString('hex'));
  return key;
}

/** Rule 2, once the store has opened the file with its key: the key named by an id beside the file. */
export async function nameKeyById(secrets: SecretStore, filePath: string): Promise<void> {
  if (readKeyId(filePath) === null) await databaseKeyFor(secrets, filePath);
}

/**
 * The secrets of a workspace folder outside the desktop app: a 0600 key file in `<directory>-secrets`.
 * The folder is named absolute and without a trailing separator, so `out/`, `./out` and `out`
 * (as `npm run seed`, `serve` and `import` may each be given it) share one key file.
 */
export function folderSecretStore(directory: string): SecretStore {
  return keyFileSecretStore(`${path.resolve(directory)}-secrets`);
}

/**
 * The key of `<directory>/<name>.sqlite` as the web preview keeps it, for the scripts that open
 * a workspace folder (`npm run seed` / `import` / `export`): they read what `npm run serve` wrote.
 */
export async function folderDatabaseKey(directory: string, name = 'workspace'): Promise<Buffer> {
  return databaseKeyFor(folderSecretStore(directory), databaseFilePath(path.resolve(directory), name));
}
