// Runs in Node (main process, its worker threads, the scoring worker, scripts): the one module
// that loads SQLite and the one function that opens a workspace file with its key. Everything
// else imports `Database` from here, so the SQLite build (better-sqlite3-multiple-ciphers, the
// better-sqlite3 API over SQLite3MultipleCiphers) is named in one place.
//
// 1. Cipher: ChaCha20-Poly1305, the library's default. Each page carries its own nonce and
//    Poly1305 tag, so a page changed on disk is refused (SQLITE_NOTADB / CORRUPT) rather than
//    read as garbage; it runs at the same speed with or without AES instructions in the CPU (ARM
//    laptops, older x86). SQLCipher's AES-CBC+HMAC format would let SQLCipher's own tools open a
//    file, which this app does not need: its export goes through `npm run export`.
// 2. Key: 32 random bytes per workspace file (security/database-key.ts keeps them with the sync
//    token's secrets), passed as a raw key (`x'…'`), so no passphrase derivation runs at every
//    open: the key is already random, stretching it would only slow each thread that opens.
// 3. The key is set before SQLite reads anything; a file it does not open is SQLITE_NOTADB at
//    the first read, which the caller turns into its coded error (connection.ts).
// 4. A page is decrypted each time it is read from disk: every connection keeps a 64 MiB page
//    cache (the 2 MiB default made indexed reads ~20× slower than plain SQLite; see the README).
import Database from 'better-sqlite3-multiple-ciphers';
import { nativeBindingOption } from './native-binding';

export { Database };

/** The package worker threads load by path (checkpointer.ts, integrity-check.ts). */
export const DATABASE_MODULE = 'better-sqlite3-multiple-ciphers';

export const DATABASE_CIPHER = 'chacha20';
export const DATABASE_KEY_BYTES = 32;
/** Page cache of every connection (KiB, as SQLite's negative cache_size). */
export const CACHE_KIB = 65_536;

/** A workspace file's key; null opens (or creates) a plaintext file. */
export type DatabaseKey = Buffer | null;

/**
 * The statements that key a connection, in order (rule 2). Plain strings so the checkpoint and
 * integrity threads, which run CommonJS passed as text, key their connections the same way.
 */
export function keyPragmas(key: DatabaseKey): string[] {
  if (!key) return [];
  if (key.length !== DATABASE_KEY_BYTES)
    throw new Error(`DS_SQLITE_KEY: a database key has ${DATABASE_KEY_BYTES} bytes, not ${key.length}`);
  return [`cipher = '${DATABASE_CIPHER}'`, `key = "x'${key.toString('hex')}'"`];
}

/** The statements that encrypt a plaintext file in place with `key` (it must not be in WAL mode). */
export function rekeyPragmas(key: Buffer): string[] {
  const [cipher, keyed] = keyPragmas(key);
  return [cipher!, keyed!.replace(/^key/, 'rekey')];
}

export interface OpenOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  key: DatabaseKey;
}

/** Opens `filePath` keyed with `key` (rules 2–4); reads nothing yet. */
export function openDatabase(filePath: string, options: OpenOptions): Database.Database {
  const db = new Database(filePath, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...nativeBindingOption(),
  });
  try {
    for (const pragma of keyPragmas(options.key)) db.pragma(pragma);
    db.pragma(`cache_size = -${CACHE_KIB}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
