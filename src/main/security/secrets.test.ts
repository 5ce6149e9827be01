import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fileSecretStore,
  KEY_FILE,
  keyFileSecretStore,
  osKeychainCipher,
  SECRETS_FILE,
  SecretStoreError,
  type SafeStorageLike,
} from './secrets';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const TOKEN = 'dst_4f1b9c0e7a2d4d6fa1c3b5e7d9f0a2c4';

describe('key-file secret store (web preview, plain Node)', () => {
  it('keeps a secret sealed, in a 0700 folder with 0600 files', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ds-secrets-'));
    const folder = path.join(dir, 'workspace-secrets');
    const store = keyFileSecretStore(folder);
    expect(await store.get('sync.token.x')).toBeNull();
    await store.set('sync.token.x', TOKEN);
    expect(await store.get('sync.token.x')).toBe(TOKEN);
    // A new instance (next launch) reads it back.
    expect(await keyFileSecretStore(folder).get('sync.token.x')).toBe(TOKEN);
    const onDisk = await readFile(path.join(folder, SECRETS_FILE));
    expect(onDisk.includes(Buffer.from(TOKEN))).toBe(false);
    expect(onDisk.includes(Buffer.from(TOKEN.slice(4, 20)))).toBe(false);
    if (process.platform !== 'win32') {
      expect((await stat(folder)).mode & 0o777).toBe(0o700);
      expect((await stat(path.join(folder, SECRETS_FILE))).mode & 0o777).toBe(0o600);
      expect((await stat(path.join(folder, KEY_FILE))).mode & 0o777).toBe(0o600);
    }
    await store.delete('sync.token.x');
    expect(await store.get('sync.token.x')).toBeNull();
  });

  it('cannot open a secret under another key (a secrets file copied elsewhere)', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ds-secrets-'));
    await keyFileSecretStore(path.join(dir, 'a')).set('t', TOKEN);
    const b = keyFileSecretStore(path.join(dir, 'b'));
    await b.set('other', 'x');
    await writeFile(path.join(dir, 'b', SECRETS_FILE), await readFile(path.join(dir, 'a', SECRETS_FILE)));
    await expect(b.get('t')).rejects.toBeInstanceOf(SecretStoreError);
  });
});

describe('OS keychain cipher (safeStorage)', () => {
  // Electron's safeStorage is not available in plain Node: a reversible stand-in checks the wiring.
  const fake = (available: boolean, backend?: string): SafeStorageLike => ({
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(s, 'utf8').reverse(),
    decryptString: (b) => Buffer.from(b).reverse().toString('utf8'),
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  });

  it('seals with safeStorage where it protects something', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ds-secrets-'));
    const cipher = osKeychainCipher(fake(true, 'gnome_libsecret'), 'linux');
    expect(cipher?.kind).toBe('os-keychain');
    const store = fileSecretStore(dir, cipher!);
    await store.set('t', TOKEN);
    expect(await store.get('t')).toBe(TOKEN);
    expect((await readFile(path.join(dir, SECRETS_FILE))).includes(Buffer.from(TOKEN))).toBe(false);
  });

  it("is not used without encryption or with Linux's hard-coded basic_text password", () => {
    expect(osKeychainCipher(fake(false), 'darwin')).toBeNull();
    expect(osKeychainCipher(fake(true, 'basic_text'), 'linux')).toBeNull();
    expect(osKeychainCipher(fake(true), 'win32')?.kind).toBe('os-keychain');
  });
});
