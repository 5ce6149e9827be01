// Main process or plain Node: backup and restore of a workspace's SQLite file, and compaction
// (which also scrubs the bytes of rows that were rewritten). Store-owned because only the store
// knows its files; the desktop shell (File → Back Up / Restore) and tests call these.
//
// 1. A backup is `VACUUM INTO` a temporary file beside the destination, renamed over it when
//    complete: a consistent snapshot (SQLite reads one transaction's view, writers go on), with
//    no free pages, so rows rewritten before the backup (a token migrated out) are not in it.
//    It is encrypted with the workspace's own key (a plaintext copy is encrypted before it is
//    renamed into place), so a backup is no easier to read than the workspace: it restores into
//    the workspace it came from, on the device that keeps that key.
// 2. A restore checks the file first, through the store's own opening checks (SQLite header,
//    written by Deep Sales, not a newer format, and readable with the key of the workspace it
//    would replace; an older plaintext backup reads as it is and is encrypted when the store
//    opens it) plus `PRAGMA integrity_check` and the presence of every collection's table; a file
//    that fails is left untouched and the workspace too.
// 3. A restore runs with the store closed. The current file (and its WAL, if a crash left one)
//    is kept as `<name>.sqlite.before-restore`, so a wrong restore can be undone by hand.
// 4. Compaction (VACUUM, then a TRUNCATE checkpoint) runs on the store's own connection while it
//    is open: better-sqlite3 transactions are synchronous, so none is open between two awaits.
import { chmodSync, copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { CodedError } from '@shared/errors';
import { COLLECTION_NAMES } from '@shared/domain';
import { databaseFilePath } from './sqlite';
import { acquireConnection, encryptInPlace, fileHeader, keyOfFile, META_TABLE, releaseConnection } from './sqlite/connection';
import { clearFailure } from './sqlite/health';
import { tableNameFor } from './sqlite/table';

export type BackupErrorCode = 'DS_BACKUP_INVALID' | 'DS_BACKUP_FAILED';

export class BackupError extends CodedError<BackupErrorCode> {
  override name = 'BackupError';
}

const PRIVATE = 0o600;
/** compactStore's checkpoint retries: 40 × 50 ms, two seconds at most. */
const COMPACT_ATTEMPTS = 40;
const COMPACT_RETRY_MS = 50;

function chmodPrivate(file: string): void {
  if (process.platform !== 'win32') chmodSync(file, PRIVATE);
}

/** Not plaintext SQLite, but long enough to be an encrypted database (fileHeader refuses shorter ones). */
function encryptedLooking(file: string): boolean {
  try {
    return fileHeader(path.resolve(file)) === 'other';
  } catch {
    return false; // too short to be any database: the plain refusal says so
  }
}

/** Rule 1: writes a consistent copy of the store's file to `destination` (0600). */
export async function backupStore(directory: string, name: string, destination: string): Promise<{ bytes: number }> {
  const source = databaseFilePath(directory, name);
  if (!existsSync(source)) throw new BackupError('DS_BACKUP_FAILED', `There is no workspace file at ${source} to back up.`);
  if (path.resolve(destination) === source)
    throw new BackupError('DS_BACKUP_FAILED', 'Choose a backup file other than the workspace file itself.');
  const tmp = `${destination}.${process.pid}.partial`;
  rmSync(tmp, { force: true });
  const conn = acquireConnection(source, false);
  try {
    conn.db.prepare('VACUUM INTO ?').run(tmp);
    if (conn.key && fileHeader(tmp) === 'plain') encryptInPlace(tmp, conn.key);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw new BackupError('DS_BACKUP_FAILED', `The backup could not be written to ${destination}: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await releaseConnection(conn);
  }
  chmodPrivate(tmp);
  renameSync(tmp, destination);
  return { bytes: statSync(destination).size };
}

/**
 * Rule 2: throws BackupError unless `file` is a whole, readable Deep Sales workspace — readable
 * with the key of `workspaceFile`, the workspace it would replace (none given: a plaintext file).
 */
export async function checkBackup(file: string, workspaceFile?: string): Promise<{ tables: number }> {
  if (!existsSync(file)) throw new BackupError('DS_BACKUP_INVALID', `${file} does not exist.`);
  if (statSync(file).size === 0) throw new BackupError('DS_BACKUP_INVALID', `${file} is empty; it is not a Deep Sales backup.`);
  let conn;
  try {
    conn = acquireConnection(path.resolve(file), true, workspaceFile ? keyOfFile(workspaceFile) : null);
  } catch (error) {
    if (encryptedLooking(file))
      throw new BackupError(
        'DS_BACKUP_INVALID',
        `${file} cannot be read with this workspace's key: it is a backup of another workspace or from another computer (encrypted with another key), or it is damaged. ` +
          'A backup restores into the workspace it was made of, on the computer that made it.',
        { cause: error },
      );
    throw new BackupError('DS_BACKUP_INVALID', `${file} is not a Deep Sales backup: ${(error as Error).message}`, { cause: error });
  }
  try {
    const integrity = conn.db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError('DS_BACKUP_INVALID', `${file} is damaged (${String(integrity)}); choose another backup.`);
    const tables = new Set(conn.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    if (!tables.has(META_TABLE))
      throw new BackupError('DS_BACKUP_INVALID', `${file} was not written by Deep Sales; choose a Deep Sales backup.`);
    // Any schema version of each collection's table (rx_<name>_v<N>): an older backup migrates on open.
    const missing = COLLECTION_NAMES.filter((collection) => {
      const prefix = tableNameFor(collection, 0).slice(0, -1);
      return ![...tables].some((t) => t.startsWith(prefix) && /^\d+$/.test(t.slice(prefix.length)));
    });
    if (missing.length > 0)
      throw new BackupError('DS_BACKUP_INVALID', `${file} is not a whole workspace (no ${missing.join(', ')}); choose another backup.`);
    return { tables: tables.size };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('DS_BACKUP_INVALID', `${file} cannot be read as a workspace: ${(error as Error).message}`, { cause: error });
  } finally {
    await releaseConnection(conn);
  }
}

/** Rules 2–3: replaces the (closed) store's file with `backupFile`. Returns where the previous file went. */
export async function restoreStore(directory: string, name: string, backupFile: string): Promise<{ previous: string | null }> {
  const target = databaseFilePath(directory, name);
  await checkBackup(backupFile, target);
  if (path.resolve(backupFile) === target)
    throw new BackupError('DS_BACKUP_INVALID', 'That is the workspace file itself; choose a backup.');
  const incoming = `${target}.${process.pid}.restoring`;
  copyFileSync(backupFile, incoming);
  chmodPrivate(incoming);
  let previous: string | null = null;
  if (existsSync(target)) {
    previous = `${target}.before-restore`;
    for (const suffix of ['', '-wal', '-shm']) rmSync(previous + suffix, { force: true });
    renameSync(target, previous);
    // A WAL left by a crash belongs to the previous file: it goes with it, never onto the backup.
    if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${previous}-wal`);
    rmSync(`${target}-shm`, { force: true });
  }
  renameSync(incoming, target);
  // A damaged file that was replaced no longer stands for this path.
  clearFailure(target);
  return { previous };
}

/** Rule 4: rewrites the open store's file without free pages and empties its WAL. */
export async function compactStore(directory: string, name: string): Promise<void> {
  const file = databaseFilePath(directory, name);
  // Never create a file by compacting: a store in memory has none.
  if (!existsSync(file)) return;
  const conn = acquireConnection(file, false);
  try {
    conn.db.exec('VACUUM');
    // The checkpoint thread's own PASSIVE checkpoint holds the checkpoint lock for a moment, and
    // SQLite answers busy at once then (the busy timeout does not apply to that lock): retry.
    for (let attempt = 0; ; attempt++) {
      const [result] = conn.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
      if (result && result.busy === 0 && result.log === result.checkpointed) return;
      if (attempt >= COMPACT_ATTEMPTS) {
        throw new BackupError(
          'DS_BACKUP_FAILED',
          `The workspace file ${file} was compacted but its journal (-wal) is still in use by a reader; SQLite empties it when the workspace closes.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, COMPACT_RETRY_MS));
    }
  } finally {
    await releaseConnection(conn);
  }
}
