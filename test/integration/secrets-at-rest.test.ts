// Secrets at rest, through the whole app (openWorkspace on real SQLite, the host API, a real sync
// server): the sync token is nowhere in the workspace files — grepped byte by byte, the WAL
// included — but in the secret store, sealed; a workspace from before, with the token in its
// settings, has it moved out on open; the workspace folders are 0700 and their files 0600. The
// workspace file is encrypted (so a grep of its bytes would find nothing either way): the token's
// absence is also checked in its decrypted bytes.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SyncView } from '../../src/shared/api';
import type { SyncServer } from '../../src/server';
import { keptDatabaseKey, keyFileSecretStore } from '../../src/main/security/secrets';
import { openDatabase } from '../../src/main/store/sqlite/database';
import { plaintextBytes } from '../../src/main/store/sqlite/test-helpers';
import { tokenSecretName } from '../../src/main/host/sync-session';
import { BACKENDS, startServer, waitFor } from './fixtures/sync-harness';
import { createTeam, openDevice, removeDevice, type Device, type TeamAccount } from './fixtures/app-devices';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** The files under `dir` whose bytes contain `needle` (UTF-8, as JSON and SQLite store it). */
async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await filesUnder(dir))
    if ((await readFile(file)).includes(Buffer.from(needle, 'utf8'))) found.push(path.relative(dir, file));
  return found;
}

describe('secrets at rest', () => {
  const backend = BACKENDS.find((b) => b.name === 'pglite')!;
  let env: Awaited<ReturnType<typeof backend.create>>;
  let server: SyncServer;
  let url: string;
  let team: TeamAccount;
  const devices: Device[] = [];

  beforeAll(async () => {
    env = await backend.create('secrets');
    ({ server, url } = await startServer(env.db));
    team = await createTeam(server, 'Secrets');
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) await removeDevice(d);
  });
  afterAll(async () => {
    await server.close();
    await env.db.close();
    await env.drop();
  });

  const secretsOf = (device: Device) => keyFileSecretStore(path.join(device.dir, 'workspace-secrets'));
  const fileOf = (device: Device, label: string) => path.join(device.dir, 'workspace', `device-${label}.sqlite`);
  const keyOf = async (device: Device, label: string) => (await keptDatabaseKey(secretsOf(device), fileOf(device, label)))!;
  /** Whether the (closed) workspace file's decrypted bytes hold `needle`. */
  const plaintextHolds = async (device: Device, label: string, needle: string) =>
    plaintextBytes(fileOf(device, label), await keyOf(device, label)).includes(Buffer.from(needle, 'utf8'));

  async function signedIn(label: string): Promise<{ device: Device; token: string }> {
    const device = await openDevice(label, false);
    devices.push(device);
    await device.call('accounts.upsert', { name: 'Own Co', industry: 'Software', region: 'EMEA', segment: 'smb' });
    const view = await device.signIn(url, team, 'upload');
    expect(view.connected).toBe(true);
    const token = await secretsOf(device).get(tokenSecretName({ serverUrl: url, workspaceId: team.workspaceId }));
    expect(token).toMatch(/.{16,}/);
    return { device, token: token! };
  }

  it('keeps the token out of every workspace file, and resumes from the secret store', async () => {
    const { device, token } = await signedIn('grep');
    // Open (WAL live) and closed (checkpointed) alike.
    expect(await filesContaining(device.dir, token)).toEqual([]);
    await device.close();
    expect(await filesContaining(device.dir, token)).toEqual([]);
    expect(await plaintextHolds(device, 'grep', token)).toBe(false);
    // The secret store holds it sealed, outside the workspace folder.
    expect((await filesUnder(path.join(device.dir, 'workspace-secrets'))).map((f) => path.basename(f)).sort()).toEqual([
      'secrets.json',
      'secrets.key',
    ]);

    const again = await openDevice('grep', false, device.dir);
    devices.push(again);
    await waitFor(async () => (await again.call<SyncView>('sync.status', {})).connected, 15_000, 'the session to resume');
    expect((await again.call<SyncView>('sync.status', {})).email).toBe(team.email);
    await again.call('sync.disconnect', {});
    expect(await secretsOf(again).get(tokenSecretName({ serverUrl: url, workspaceId: team.workspaceId }))).toBeNull();
    await again.close();
  });

  it('moves a token an older version kept in the settings out of the file on open', async () => {
    const { device, token } = await signedIn('legacy');
    // What an older version wrote: the whole session, token included, and no secret store.
    const settings = device.workspace.store.settings;
    const session = JSON.parse((await settings.findOne('sync.session').exec())!.value) as Record<string, unknown>;
    expect(session).not.toHaveProperty('token');
    await settings.upsert({ id: 'sync.session', value: JSON.stringify({ ...session, token }), updatedAt: 1 });
    await secretsOf(device).delete(tokenSecretName({ serverUrl: url, workspaceId: team.workspaceId }));
    await device.close();
    // An older version's file was plaintext too: decrypted in place, as it wrote it.
    const file = fileOf(device, 'legacy');
    const db = openDatabase(file, { fileMustExist: true, key: await keyOf(device, 'legacy') });
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey = ''`);
    db.close();
    // The grep finds a token where there is one.
    expect(await filesContaining(path.join(device.dir, 'workspace'), token)).not.toEqual([]);

    const reopened = await openDevice('legacy', false, device.dir);
    devices.push(reopened);
    await waitFor(async () => (await reopened.call<SyncView>('sync.status', {})).connected, 15_000, 'the migrated session to resume');
    expect(await secretsOf(reopened).get(tokenSecretName({ serverUrl: url, workspaceId: team.workspaceId }))).toBe(token);
    expect(await filesContaining(path.join(device.dir, 'workspace'), token)).toEqual([]);
    await reopened.close();
    expect(await filesContaining(device.dir, token)).toEqual([]);
    // Encrypted again on open, and the token is gone from the database itself, not only hidden.
    expect((await readFile(file)).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(await plaintextHolds(device, 'legacy', token)).toBe(false);
  });

  it('makes the workspace folders 0700 and their files 0600', async () => {
    if (process.platform === 'win32') return;
    const { device } = await signedIn('modes');
    await device.close();
    const folders = ['workspace', 'workspace-secrets'].map((f) => path.join(device.dir, f));
    for (const folder of folders) {
      expect(((await stat(folder)).mode & 0o777).toString(8)).toBe('700');
      const files = await filesUnder(folder);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files)
        expect([path.relative(device.dir, file), ((await stat(file)).mode & 0o777).toString(8)]).toEqual([
          path.relative(device.dir, file),
          '600',
        ]);
    }
  });
});
