// Main process or plain Node (no Electron import): where secrets live — the sync token and the
// workspace files' database keys — never in the workspace files. A SecretStore keeps named
// strings in one small file outside the workspace folder, each value sealed by a cipher:
//
// 1. In the desktop app the cipher is Electron's safeStorage (the OS keychain: Keychain on
//    macOS, DPAPI on Windows, libsecret/kwallet on Linux), wired in electron/safe-storage.ts.
// 2. In the web preview and plain Node (and on a Linux desktop without a keyring, where
//    safeStorage would fall back to a hard-coded password), the cipher is AES-256-GCM with a
//    random key in a 0600 key file beside the secrets. That protects the token as well as the
//    user's own account does — not against that account, which the OS keychain does better.
// 3. The folder is 0700 and both files 0600; writes are atomic (temp file + rename), so a crash
//    never leaves half a secrets file.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface SecretCipher {
  /** How values are sealed, for logs and the security notes. */
  readonly kind: 'os-keychain' | 'key-file';
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

export const SECRETS_FILE = 'secrets.json';

/** The secret that holds a workspace file's database key (workspace/database-key.ts), by the file's absolute path. */
export function databaseKeySecretName(filePath: string): string {
  return `store.key.${createHash('sha256').update(filePath).digest('hex').slice(0, 20)}`;
}
/** The file beside a workspace file that names its key (workspace/database-key.ts, rule 2). */
export const keyIdFile = (filePath: string): string => `${filePath}.keyid`;

/** The secret that holds the key with this id. */
export const keySecretName = (id: string): string => `store.key.id.${id}`;

export function readKeyId(filePath: string): string | null {
  try {
    const id = readFileSync(keyIdFile(filePath), 'utf8').trim();
    return /^[0-9a-f]{32}$/.test(id) ? id : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The key this device keeps for the file, or null when it keeps none (made by nothing: for checks and tests). */
export async function keptDatabaseKey(secrets: SecretStore, filePath: string): Promise<Buffer | null> {
  const id = readKeyId(filePath);
  const kept = (id === null ? null : await secrets.get(keySecretName(id))) ?? (await secrets.get(databaseKeySecretName(filePath)));
  return kept === null ? null : Buffer.from(kept, 'hex');
}

export const KEY_FILE = 'secrets.key';

export class SecretStoreError extends Error {
  constructor(
    readonly code: 'DS_SECRETS_UNREADABLE',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SecretStoreError';
  }
}

/** Creates `directory` 0700 (and tightens it when it exists). */
export function privateFolder(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(directory, 0o700);
}

function writePrivate(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  renameSync(tmp, file);
}

/** Rule 2: AES-256-GCM under a random key kept in a 0600 file (made on first use). */
export function keyFileCipher(keyFile: string): SecretCipher {
  let key: Buffer | null = null;
  const load = (): Buffer => {
    if (key) return key;
    try {
      key = readFileSync(keyFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      privateFolder(path.dirname(keyFile));
      key = randomBytes(32);
      writePrivate(keyFile, key);
    }
    if (key.length !== 32)
      throw new SecretStoreError('DS_SECRETS_UNREADABLE', `The key file ${keyFile} is damaged; sign in again to sync.`);
    return key;
  };
  return {
    kind: 'key-file',
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', load(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', load(), sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const SecretsFile = z.object({ version: z.literal(1), values: z.record(z.string(), z.string()) });

/** Secrets sealed by `cipher` in `<directory>/secrets.json` (rules 1–3). */
export function fileSecretStore(directory: string, cipher: SecretCipher): SecretStore {
  const file = path.join(directory, SECRETS_FILE);
  const read = (): Record<string, string> => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    const parsed = SecretsFile.safeParse(JSON.parse(text));
    if (!parsed.success) throw new SecretStoreError('DS_SECRETS_UNREADABLE', `The secrets file ${file} is damaged; sign in again to sync.`);
    return parsed.data.values;
  };
  const write = (values: Record<string, string>) => {
    privateFolder(directory);
    writePrivate(file, `${JSON.stringify({ version: 1, values })}\n`);
  };
  return {
    async get(name) {
      const sealed = read()[name];
      if (sealed === undefined) return null;
      try {
        return cipher.decrypt(Buffer.from(sealed, 'base64'));
      } catch (error) {
        // Sealed under another key (the keychain was reset, the file was copied from another
        // machine): the secret is gone for good; the caller signs in again.
        throw new SecretStoreError('DS_SECRETS_UNREADABLE', `The saved secret ${name} cannot be opened on this device; sign in again.`, {
          cause: error,
        });
      }
    },
    async set(name, value) {
      write({ ...read(), [name]: cipher.encrypt(value).toString('base64') });
    },
    async delete(name) {
      const values = read();
      if (!(name in values)) return;
      delete values[name];
      write(values);
    },
  };
}

/** In memory only (tests, and workspaces that live in memory). */
export function memorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => void values.set(name, value),
    delete: async (name) => void values.delete(name),
  };
}

/** The web preview's and plain Node's store: a key file beside the secrets, both outside the workspace (rule 2). */
export function keyFileSecretStore(directory: string): SecretStore {
  return fileSecretStore(directory, keyFileCipher(path.join(directory, KEY_FILE)));
}

/** The part of Electron's safeStorage the app uses (passed in, so this file never imports Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  /** Linux only: 'basic_text' means no keyring, and a password hard-coded in Chromium. */
  getSelectedStorageBackend?(): string;
}

/**
 * Rule 1: the OS keychain through safeStorage, or null where it would not protect anything
 * (encryption unavailable, or Linux's basic_text fallback): the caller then uses a key file.
 */
export function osKeychainCipher(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretCipher | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    kind: 'os-keychain',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
