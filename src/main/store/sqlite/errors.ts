// Runs in Node (Electron main process or a worker thread).
// Coded errors of the SQLite RxStorage. The code is stable so the UI can map it to plain words;
// the message names the file or collection and says what to do.
import { CodedError } from '@shared/errors';

export type SqliteStorageErrorCode =
  | 'DS_SQLITE_CORRUPT'
  | 'DS_SQLITE_KEY'
  | 'DS_SQLITE_FOREIGN'
  | 'DS_SQLITE_ATTACHMENTS_UNSUPPORTED'
  | 'DS_SQLITE_READONLY'
  | 'DS_SQLITE_CLOSED'
  | 'DS_SQLITE_UNKNOWN_INDEX'
  | 'DS_SQLITE_SCHEMA_MISMATCH'
  | 'DS_SQLITE_NEWER_FORMAT';

export class SqliteStorageError extends CodedError<SqliteStorageErrorCode> {
  // Mirrors RxError's shape (code + parameters) so callers can handle both the same way.
  override name = 'SqliteStorageError';
  readonly parameters: Record<string, unknown>;

  constructor(code: SqliteStorageErrorCode, message: string, parameters: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(code, `${code}: ${message}`, options);
    this.parameters = parameters;
  }
}

export function isSqliteStorageError(err: unknown, code?: SqliteStorageErrorCode): err is SqliteStorageError {
  return err instanceof SqliteStorageError && (code === undefined || err.code === code);
}

export function readonlyError(filePath: string, collectionName: string, action: string): SqliteStorageError {
  return new SqliteStorageError(
    'DS_SQLITE_READONLY',
    `Cannot ${action} collection ${collectionName}: ${filePath} was opened readonly; writes go through the main process.`,
    { filePath, collectionName, action },
  );
}

export function closedError(filePath: string, collectionName: string): SqliteStorageError {
  return new SqliteStorageError('DS_SQLITE_CLOSED', `Collection ${collectionName} in ${filePath} is already closed; reopen the database.`, {
    filePath,
    collectionName,
  });
}

export function attachmentsError(collectionName: string, extra: Record<string, unknown> = {}): SqliteStorageError {
  return new SqliteStorageError(
    'DS_SQLITE_ATTACHMENTS_UNSUPPORTED',
    `Collection ${collectionName} uses attachments, which the SQLite storage does not support; ` +
      'remove `attachments` from the schema and keep files on disk with their path in the document.',
    { collectionName, ...extra },
  );
}

/** SQLite's own words for a damaged file or one that is not a database (SQLITE_CORRUPT_* included). */
export function isCorruptionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'));
}

export function corruptError(filePath: string, cause?: unknown, detail?: string): SqliteStorageError {
  return new SqliteStorageError(
    'DS_SQLITE_CORRUPT',
    `The database file ${filePath} is ${detail ?? 'damaged or is not an SQLite database'}. It was left untouched; ` +
      'move it aside (or restore a backup) and restart to create a fresh one.',
    { filePath },
    { cause },
  );
}

/** corruptError's words for an encrypted file its key does not open (connection.ts). */
export const KEY_REFUSED = 'damaged, or encrypted with another key than the one this device keeps for it (a file from another computer)';

/**
 * The key of an encrypted workspace file cannot be had: the secret store that keeps it cannot be
 * read (a locked or reset keychain) or holds a damaged key. Handled like a damaged file (health.ts):
 * the file is refused untouched and the recovery screen offers a way out.
 */
export function keyError(filePath: string, cause?: unknown, detail?: string): SqliteStorageError {
  return new SqliteStorageError(
    'DS_SQLITE_KEY',
    `The workspace file ${filePath} ${detail ?? 'cannot be opened: its key cannot be read on this device'}. ` +
      'It was left untouched; unlock the system keychain and restart, restore a backup made on this device, or pull the workspace again from the team server.',
    { filePath },
    { cause },
  );
}
