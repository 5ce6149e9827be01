// Runs in Node (main process): which database files this process found damaged. A file is marked
// once — by the integrity check that runs after open (integrity-check.ts), by a read or write
// that met SQLITE_CORRUPT / SQLITE_NOTADB, or by an open that was refused — and from then on every
// storage call on it answers the same coded error at once instead of reaching SQLite again
// (a damaged b-tree can answer one read and fail the next, which is how a screen waited forever).
// The host listens to `storeFailures$` to answer every API call, pending ones included.
import { Subject } from 'rxjs';
import { corruptError, isCorruptionError, type SqliteStorageError } from './errors';

export interface StoreFailure {
  readonly filePath: string;
  readonly error: SqliteStorageError;
}

const FAILED = new Map<string, SqliteStorageError>();
export const storeFailures$ = new Subject<StoreFailure>();

/** Marks `filePath` as damaged (the first reason is kept) and returns the error every call answers. */
export function markCorrupt(filePath: string, cause?: unknown, detail?: string): SqliteStorageError {
  const known = FAILED.get(filePath);
  if (known) return known;
  const error = corruptError(filePath, cause, detail);
  FAILED.set(filePath, error);
  console.error(`[store] DS_SQLITE_CORRUPT ${filePath}: ${detail ?? (cause as Error | undefined)?.message ?? 'damaged'}`);
  storeFailures$.next({ filePath, error });
  return error;
}

export function failureOf(filePath: string): SqliteStorageError | undefined {
  return FAILED.get(filePath);
}

/** The file was replaced (restored, moved aside): it may be opened again. */
export function clearFailure(filePath: string): void {
  FAILED.delete(filePath);
}

/**
 * Whether an error is, or wraps, a damaged file: our DS_SQLITE_CORRUPT, a file the key does not
 * open (DS_SQLITE_KEY) or SQLite's own code,
 * found through `cause` and RxDB's `parameters` (RxDB wraps storage errors it rethrows).
 */
export function isStoreCorruption(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; cause?: unknown; parameters?: Record<string, unknown> };
  if (e.code === 'DS_SQLITE_CORRUPT' || e.code === 'DS_SQLITE_KEY' || isCorruptionError(e)) return true;
  if (isStoreCorruption(e.cause, depth + 1)) return true;
  return Object.values(e.parameters ?? {}).some((value) => isStoreCorruption(value, depth + 1));
}
