// Main process or plain Node (web preview, `npm run import` / `export`): the key each workspace
// file is encrypted with (store/sqlite/database.ts), kept in the same secret store as the sync
// token — the OS keychain through safeStorage in the desktop app, a 0600 key file outside the
// workspace folders in the web preview and the scripts (security/secrets.ts) — never beside it.
//
// 1. One random 32-byte key per workspace file, named after the file's path (like the team a
//    file syncs with, host/sync-session.ts), made the first time that file is opened: a new file
//    is created encrypted, a plaintext one is encrypted by the store when it opens it.
// 2. A key is only ever made for a file that has none yet (missing, or plaintext). An encrypted
//    file whose key this device does not keep (copied from another computer, the keychain was
//    reset) gets no new key: it is refused untouched (DS_SQLITE_CORRUPT: without a key it cannot
//    be told from garbage) and the recovery screen offers a backup or a fresh pull.
// 3. A secret store that cannot be read (a locked or reset keychain) is never answered with a new
//    key either: that would lose the old one for good. The open is refused with DS_SQLITE_KEY.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { corruptError, DATABASE_KEY_BYTES, databaseFilePath, fileHeader, keyError } from '../store';
import { databaseKeySecretName, keyFileSecretStore, type SecretStore } from '../security/secrets';

/** The key of the workspace file at `filePath` (absolute), made and kept on first use (rules 1–3). */
export async function databaseKeyFor(secrets: SecretStore, filePath: string): Promise<Buffer> {
  const name = databaseKeySecretName(filePath);
  let kept: string | null;
  try {
    kept = await secrets.get(name);
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
  const key = randomBytes(DATABASE_KEY_BYTES);
  await secrets.set(name, key.toString('hex'));
  return key;
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
