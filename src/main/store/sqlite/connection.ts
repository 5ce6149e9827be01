// Runs in Node (Electron main process or the scoring process).
// One better-sqlite3 connection per database file and mode, shared by every collection of that
// RxDB database in this process and closed when the last storage instance lets go of it.
import fs from 'node:fs';
import path from 'node:path';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { openDatabase, rekeyPragmas, type Database, type DatabaseKey } from './database';
import { corruptError, isCorruptionError, KEY_REFUSED, SqliteStorageError } from './errors';
import { failureOf, markCorrupt } from './health';
import { startIntegrityCheck, type IntegrityCheck } from './integrity-check';

export { corruptError, isCorruptionError } from './errors';

export const META_TABLE = 'ds_meta';
// Bump when the on-disk layout changes; files written by a newer app are refused, not guessed at.
export const FORMAT_VERSION = 1;
export const PAGE_SIZE = 32_768;
/**
 * WAL size at which a commit checkpoints it into the database file itself: only when the
 * checkpoint thread (checkpointer.ts), which normally keeps the WAL small, is not running.
 */
export const WAL_CHECKPOINT_BYTES = 40 * 1024 * 1024;
/** Size the WAL file is cut back to after a checkpoint, when the writer checkpoints itself. */
const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;
/** The writer's own threshold while the checkpoint thread runs: a backstop that bounds the WAL. */
export const WAL_BACKSTOP_BYTES = 1024 * 1024 * 1024;

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

export interface SqliteConnection {
  readonly db: Database.Database;
  readonly filePath: string;
  readonly readonly: boolean;
  /** The key it was opened with; null for a plaintext file (database.ts). */
  readonly key: DatabaseKey;
  refs: number;
  // Set once a table was dropped; only then may an empty file be deleted on the last close.
  droppedTables: boolean;
  /** Read-write connections: the thread that checkpoints the WAL (null if it could not start). */
  readonly checkpointer: Checkpointer | null;
  /** Read-write connections to a file that held data: the quick_check running after open. */
  readonly integrity: IntegrityCheck | null;
}

const CONNECTIONS = new Map<string, SqliteConnection>();
/**
 * The key each file was last asked to open with, so backup, restore and compaction (which open
 * the file by its path) use the workspace's key without being handed it again.
 */
const KEYS = new Map<string, DatabaseKey>();

/** The key this process opens `filePath` with (null: plaintext, or never opened here). */
export function keyOfFile(filePath: string): DatabaseKey {
  return KEYS.get(filePath) ?? null;
}

/** The checkpoint thread of the open read-write connection to this file, if any. */
export function checkpointerOf(filePath: string): Checkpointer | null {
  return CONNECTIONS.get(connectionKey(filePath, false))?.checkpointer ?? null;
}

function connectionKey(filePath: string, readonly: boolean): string {
  return `${readonly ? 'ro' : 'rw'}:${filePath}`;
}

/**
 * The connection to `filePath`, opened with `key` — or, when `key` is undefined, with the key
 * this process last opened that file with (keyOfFile). A plaintext file opened read-write with a
 * key is encrypted first (encryptInPlace).
 */
export function acquireConnection(filePath: string, readonly: boolean, key?: DatabaseKey): SqliteConnection {
  const mapKey = connectionKey(filePath, readonly);
  const existing = CONNECTIONS.get(mapKey);
  if (existing) {
    existing.refs++;
    return existing;
  }
  if (key !== undefined) KEYS.set(filePath, key);
  const failed = failureOf(filePath);
  if (failed) throw failed;
  const { db, held, key: opened } = openChecked(filePath, readonly, key === undefined ? keyOfFile(filePath) : key);
  const conn: SqliteConnection = {
    db,
    filePath,
    readonly,
    key: opened,
    refs: 1,
    droppedTables: false,
    checkpointer: readonly ? null : checkpointerFor(db, filePath, opened),
    integrity: readonly || !held ? null : integrityCheckOf(filePath, opened),
  };
  CONNECTIONS.set(mapKey, conn);
  return conn;
}

/** The writer's file is checked once per open, off the main thread; damage found marks it (health.ts). */
function integrityCheckOf(filePath: string, key: DatabaseKey): IntegrityCheck | null {
  let check: IntegrityCheck;
  try {
    check = startIntegrityCheck(filePath, key);
  } catch (err) {
    // Without the check a damaged page is still found when it is read (instance.ts guard).
    console.error('[store] DS_SQLITE_CHECK no integrity check thread', err);
    return null;
  }
  void check.done.then((result) => {
    if (result.ok) return;
    // A check that could not run (busy, no thread) says nothing about the file.
    if (result.code && !isCorruptionError(result)) {
      console.error(`[store] DS_SQLITE_CHECK the integrity check of ${filePath} did not run: ${result.detail}`);
      return;
    }
    markCorrupt(filePath, undefined, `damaged (SQLite's check found: ${result.detail})`);
  });
  return check;
}

/**
 * Starts the checkpoint thread, raises the writer's own threshold to the backstop and lets the
 * WAL file keep its size: the commit that restarts a WAL longer than journal_size_limit truncates
 * it, and that ftruncate (freeing a few hundred MB of blocks) was traced at 78–152 ms on the main
 * thread. The restarted WAL is overwritten from its start instead, and SQLite removes it when the
 * last connection closes.
 */
function checkpointerFor(db: Database.Database, filePath: string, key: DatabaseKey): Checkpointer | null {
  let checkpointer: Checkpointer;
  try {
    checkpointer = startCheckpointer(
      filePath,
      () => {
        if (db.open) writerCheckpoints(db, true);
      },
      undefined,
      key,
    );
  } catch (err) {
    console.error('[store] DS_SQLITE_CHECKPOINT no checkpoint thread; the writer checkpoints itself', err);
    return null;
  }
  writerCheckpoints(db, false);
  return checkpointer;
}

/**
 * The writer's own checkpoint threshold and WAL size limit: its usual ones when it checkpoints
 * itself, the backstop and no limit while the checkpoint thread runs. The threshold is in pages,
 * so it follows the file's page size (32 KiB for new files, 4 KiB for older ones): a fixed page
 * count would let a 32 KiB file's WAL reach 320 MiB and make the one checkpoint that finally
 * runs (inside a write) as long.
 */
function writerCheckpoints(db: Database.Database, itself: boolean): void {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${Math.ceil((itself ? WAL_CHECKPOINT_BYTES : WAL_BACKSTOP_BYTES) / pageSize)}`);
  db.pragma(`journal_size_limit = ${itself ? JOURNAL_SIZE_LIMIT : -1}`);
}

export async function releaseConnection(conn: SqliteConnection): Promise<void> {
  conn.refs--;
  if (conn.refs > 0) {
    return;
  }
  CONNECTIONS.delete(connectionKey(conn.filePath, conn.readonly));
  conn.integrity?.stop();
  // Its connection closes first, so the writer's close is the last one and checkpoints what is left.
  await conn.checkpointer?.stop();
  const deleteFile = !conn.readonly && conn.droppedTables && !hasDataTables(conn.db);
  conn.db.close();
  if (deleteFile) {
    // The -wal/-shm side files are normally removed by close(); rmSync with force covers the rest.
    for (const suffix of ['', '-wal', '-shm']) {
      fs.rmSync(conn.filePath + suffix, { force: true });
    }
  }
}

function hasDataTables(db: Database.Database): boolean {
  const n = db
    .prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name <> ? AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .get(META_TABLE) as number;
  return n > 0;
}

/**
 * Opens the file and proves it is ours before anything is written to it: the header is checked
 * with plain fs reads, and pragmas that write (journal_mode) run only after the schema was read.
 * Which key opens it follows from the header: a plaintext file (SQLite's own header) opened
 * read-write with a key is encrypted in place first; read-only it is read as it is (an older
 * backup being checked); any other header is an encrypted file, opened with `key`.
 */
function openChecked(filePath: string, readonly: boolean, key: DatabaseKey): { db: Database.Database; held: boolean; key: DatabaseKey } {
  const header = fileHeader(filePath);
  if (header === 'other' && !key) throw corruptError(filePath);
  // A foreign plaintext file stays plaintext and unwritten: opened without the key, it is refused below.
  const encrypted = header === 'plain' && key && !readonly ? encryptInPlace(filePath, key) : header !== 'plain';
  const effective = encrypted ? key : null;
  if (!readonly) {
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
  }
  // The first read (openDatabase's cache_size already reads page 1) is where a key that does not
  // fit shows, as SQLITE_NOTADB. Each page carries its own authentication tag, so a damaged first
  // page and another key look the same: one refusal, DS_SQLITE_CORRUPT, that names both.
  const refusal = (err: unknown) =>
    !isCorruptionError(err) ? err : corruptError(filePath, err, effective && header === 'other' ? KEY_REFUSED : undefined);
  let db: Database.Database;
  try {
    db = openDatabase(filePath, { readonly, fileMustExist: readonly, key: effective });
  } catch (err) {
    throw refusal(err);
  }
  try {
    db.pragma('busy_timeout = 5000');
    let names: string[];
    try {
      names = db.prepare(`SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
    } catch (err) {
      throw refusal(err);
    }
    if (names.length > 0 && !names.includes(META_TABLE)) {
      throw new SqliteStorageError(
        'DS_SQLITE_FOREIGN',
        `The file ${filePath} is an SQLite database that was not written by Deep Sales (tables: ${names.slice(0, 5).join(', ')}). ` +
          'It was left untouched; move it out of the data folder or choose another folder.',
        { filePath, tables: names },
      );
    }
    if (names.includes(META_TABLE)) {
      checkFormatVersion(db, filePath);
    }
    if (readonly) {
      db.pragma('query_only = ON');
    } else {
      /**
       * WAL + synchronous=NORMAL: a commit is appended to the -wal file with write() before
       * bulkWrite resolves, so it survives the process being killed (the OS page cache keeps it).
       * Only a power cut / kernel crash may lose the last commits — never corrupt the file.
       * FULL would fsync on every commit and cost ~10x write throughput for that last case.
       */
      if (names.length === 0) {
        /**
         * Only a new file takes a page size (WAL files keep theirs). Measured with
         * test/bench/storage.bench.ts: bulk inserts into tables with several random-key indexes
         * dirty most index pages of every transaction; with 32 KiB pages there are 8x fewer of
         * them to split, checksum and append to the WAL, and a 100k-document insert runs ~40%
         * faster than with the default 4 KiB, while indexed queries stay at the same speed.
         */
        db.pragma(`page_size = ${PAGE_SIZE}`);
      }
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // Measured with test/bench/storage.bench.ts: a 64 MiB page cache (openDatabase) keeps a
      // 10k-doc bulkWrite's dirty index pages in memory instead of spilling them
      // mid-transaction, and checkpointing every ~40 MiB of WAL instead of 4 MiB writes hot
      // index pages back once instead of many times. journal_size_limit trims the WAL file
      // after checkpoints so it does not stay large.
      writerCheckpoints(db, true);
      db.exec(`CREATE TABLE IF NOT EXISTS ${META_TABLE} (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`);
      db.prepare(`INSERT OR IGNORE INTO ${META_TABLE} (key, value) VALUES ('format_version', ?)`).run(String(FORMAT_VERSION));
      // A new file's first pages go to the WAL; copied into the file now, it is never 0 bytes
      // once opened, so an empty file on disk is always one to refuse (fileHeader).
      if (names.length === 0) db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return { db, held: names.length > 0, key: effective };
  } catch (err) {
    db.close();
    if (err instanceof SqliteStorageError) throw err;
    throw isCorruptionError(err) ? corruptError(filePath, err) : err;
  }
}

/**
 * A plaintext workspace (written before encryption was on) becomes an encrypted one, in place and
 * with its data: SQLite3MultipleCiphers rewrites every page under the key (`PRAGMA rekey`), which
 * it does only outside WAL mode, so the WAL is first checkpointed into the file and switched off
 * (openChecked turns it back on). A file that is not ours or is damaged is refused before anything
 * is written, and a rekey that fails rolls back (it runs in one transaction), so the file is never
 * half done. It reads and rewrites every page: seconds on an L workspace, once.
 */
export function encryptInPlace(filePath: string, key: Buffer): boolean {
  let db: Database.Database;
  try {
    db = openDatabase(filePath, { fileMustExist: true, key: null });
  } catch (err) {
    throw isCorruptionError(err) ? corruptError(filePath, err) : err;
  }
  try {
    db.pragma('busy_timeout = 5000');
    const names = db.prepare(`SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
    // Another program's database: left as it is, for openChecked to refuse.
    if (names.length > 0 && !names.includes(META_TABLE)) return false;
    if (names.length > 0) checkFormatVersion(db, filePath);
    // Switching the journal mode writes the header: a damaged file is refused before that, as
    // the store refuses any damaged file, untouched. The rekey reads every page anyway.
    const check = db.pragma('quick_check(5)', { simple: false }) as Record<string, unknown>[];
    const findings = check.map((row) => String(Object.values(row)[0]));
    if (findings.length !== 1 || findings[0] !== 'ok')
      throw corruptError(filePath, undefined, `damaged (SQLite's check found: ${findings.join('; ')})`);
    db.pragma('journal_mode = DELETE');
    for (const pragma of rekeyPragmas(key)) db.pragma(pragma);
    console.info(`[store] DS_SQLITE_ENCRYPTED ${filePath} was plaintext and is now encrypted`);
    return true;
  } catch (err) {
    if (err instanceof SqliteStorageError) throw err;
    throw isCorruptionError(err) ? corruptError(filePath, err) : err;
  } finally {
    db.close();
  }
}

/**
 * What the first bytes of `filePath` say, read with plain fs: missing (a new database; readonly
 * mode reports it through fileMustExist), plain (SQLite's own header: a plaintext file), other
 * (an encrypted file — or garbage, which only the key can tell). Empty files are refused here.
 */
export function fileHeader(filePath: string): 'missing' | 'plain' | 'other' {
  let fd: number;
  try {
    fd = fs.openSync(filePath, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return 'missing';
    }
    throw err;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    // SQLite itself would take an empty file for a new database and fill it; ours never leaves
    // one (openChecked checkpoints a new file at once), so a 0-byte file is damage — a disk full,
    // a sync tool, a crash of another program — and is refused, not silently refilled. Only a
    // WAL beside it with frames in it (another process's new file mid-creation) makes it a file.
    if (read === 0) {
      if (!walHasFrames(filePath)) throw corruptError(filePath, undefined, 'empty (0 bytes), so it holds no workspace');
      return 'missing';
    }
    // Shorter than a header: neither SQLite's nor an encrypted page.
    if (read < head.length) throw corruptError(filePath);
    return head.equals(SQLITE_HEADER) ? 'plain' : 'other';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A cheap look (page 1 only) whether `filePath` is a database `key` opens — the recovery screen
 * lists encrypted backups this way; restoring one runs the full check (backup.ts) first.
 */
export function opensWithKey(filePath: string, key: Buffer): boolean {
  let db: Database.Database | null = null;
  try {
    db = openDatabase(filePath, { readonly: true, fileMustExist: true, key });
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
    return true;
  } catch {
    return false; // not a database this key opens: not one this workspace can restore
  } finally {
    db?.close();
  }
}

function walHasFrames(filePath: string): boolean {
  try {
    // 32-byte WAL header, then frames.
    return fs.statSync(`${filePath}-wal`).size > 32;
  } catch {
    return false; // no WAL beside it
  }
}

function checkFormatVersion(db: Database.Database, filePath: string): void {
  const value = db.prepare(`SELECT value FROM ${META_TABLE} WHERE key = 'format_version'`).pluck().get() as string | undefined;
  const version = Number(value);
  if (value !== undefined && version > FORMAT_VERSION) {
    throw new SqliteStorageError(
      'DS_SQLITE_NEWER_FORMAT',
      `The database file ${filePath} was written by a newer version of Deep Sales (format ${version}, this app reads ${FORMAT_VERSION}). Update the app to open it.`,
      { filePath, version },
    );
  }
}
