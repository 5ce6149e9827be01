// A workspace belongs to one place, through the whole app (openWorkspace on real SQLite, the
// host API, a real server on PGlite and PostgreSQL): joining a team from the demo uploads
// nothing; signing out of W1 and in to W2 uploads nothing of W1; joining with real local data
// asks first; the team's workspace is the one that opens after a restart.
import { createSyncClient } from '../../src/main/sync';
import type { SyncView } from '../../src/shared/api';
import { SYNCED_COLLECTIONS } from '../../src/shared/domain';
import type { SyncServer } from '../../src/server';
import { BACKENDS, startServer, waitFor } from './fixtures/sync-harness';
import { createTeam, openDevice, removeDevice, serverIds, type Device, type TeamAccount } from './fixtures/app-devices';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const ACCOUNT = { name: 'Own Co', industry: 'Software', region: 'EMEA', segment: 'smb' } as const;

describe.each(BACKENDS)('workspaces stay apart, on $name', (backend) => {
  let env: Awaited<ReturnType<typeof backend.create>>;
  let server: SyncServer;
  let url: string;
  const devices: Device[] = [];

  beforeAll(async () => {
    env = await backend.create('workspaces');
    ({ server, url } = await startServer(env.db));
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) {
      await d.close();
      await removeDevice(d);
    }
  });
  afterAll(async () => {
    await server.close();
    await env.db.close();
    await env.drop();
  });

  async function everythingOnServer(team: TeamAccount): Promise<string[]> {
    const { token } = await createSyncClient(url).signIn(team);
    const all = await Promise.all(SYNCED_COLLECTIONS.map((c) => serverIds(url, token, team.workspaceId, c)));
    return all.flat();
  }

  it('joining a team from the demo uploads nothing and opens a fresh workspace for the team', async () => {
    const team = await createTeam(server, 'From demo');
    const device = await openDevice('demo', true);
    devices.push(device);
    const demoStore = device.workspace.store;
    expect(await demoStore.accounts.count().exec()).toBeGreaterThan(10);
    const before = await device.call<SyncView>('sync.status', {});
    expect(before.place.kind).toBe('demo');

    const view = await device.signIn(url, team);
    expect(view.connected).toBe(true);
    expect(view.place).toMatchObject({ kind: 'team', localDocuments: 0, teamWorkspaceName: 'From demo' });
    expect(device.workspace.store).not.toBe(demoStore);
    expect(await device.call<unknown[]>('accounts.list', {})).toEqual([]);

    // Work in the team workspace reaches the server; the demo never does.
    const created = await device.call<{ id: string }>('accounts.upsert', ACCOUNT);
    await waitFor(async () => (await everythingOnServer(team)).includes(created.id), 15_000, 'the team account on the server');
    expect(await everythingOnServer(team)).toEqual([created.id]);

    // After a restart the team's workspace is the one that opens, still signed in.
    await device.close();
    devices.pop();
    const again = await openDevice('demo', true, device.dir);
    devices.push(again);
    const resumed = await again.call<SyncView>('sync.status', {});
    expect(resumed).toMatchObject({ connected: true, place: { kind: 'team' } });
    expect((await again.call<{ id: string }[]>('accounts.list', {})).map((a) => a.id)).toEqual([created.id]);
    expect(await everythingOnServer(team)).toEqual([created.id]);
  });

  it('signing out of W1 and in to W2 uploads nothing of W1', async () => {
    const w1 = await createTeam(server, 'W1');
    const w2 = await createTeam(server, 'W2');
    const device = await openDevice('w1w2', false);
    devices.push(device);
    expect((await device.signIn(url, w1)).place.kind).toBe('team');
    const inW1 = await device.call<{ id: string }>('accounts.upsert', { ...ACCOUNT, name: 'Only in W1' });
    await waitFor(async () => (await everythingOnServer(w1)).includes(inW1.id), 15_000, 'the W1 account on W1');
    await device.call('sync.disconnect', {});
    // Written after signing out: still W1's, never W2's.
    const offline = await device.call<{ id: string }>('accounts.upsert', { ...ACCOUNT, name: 'W1, written signed out' });

    const view = await device.signIn(url, w2);
    expect(view).toMatchObject({ connected: true, workspaceName: 'W2', place: { kind: 'team', teamWorkspaceName: 'W2' } });
    expect(await device.call<unknown[]>('accounts.list', {})).toEqual([]);
    const inW2 = await device.call<{ id: string }>('accounts.upsert', { ...ACCOUNT, name: 'Only in W2' });
    await waitFor(async () => (await everythingOnServer(w2)).includes(inW2.id), 15_000, 'the W2 account on W2');
    expect(await everythingOnServer(w2)).toEqual([inW2.id]);
    expect(await everythingOnServer(w1)).not.toContain(inW2.id);

    // Back to W1: its own folder again, with what was written signed out, which now syncs there.
    await device.call('sync.disconnect', {});
    await device.signIn(url, w1);
    const names = (await device.call<{ id: string }[]>('accounts.list', {})).map((a) => a.id).sort();
    expect(names).toEqual([inW1.id, offline.id].sort());
    await waitFor(async () => (await everythingOnServer(w1)).includes(offline.id), 15_000, 'the signed-out write on W1');
    expect(await everythingOnServer(w2)).toEqual([inW2.id]);
  });

  it('joining with real local data asks first, and uploads only when told to', async () => {
    const team = await createTeam(server, 'Asked');
    const device = await openDevice('local', false);
    devices.push(device);
    const mine = await device.call<{ id: string }>('accounts.upsert', { ...ACCOUNT, name: 'Mine' });
    const status = await device.call<SyncView>('sync.status', {});
    expect(status.place).toMatchObject({ kind: 'local', localDocuments: 1 });

    const asked = await device.raw('sync.connect', {
      serverUrl: url,
      email: team.email,
      password: team.password,
      workspaceId: team.workspaceId,
    });
    expect(asked.ok).toBe(false);
    expect(!asked.ok && asked.error).toMatchObject({
      code: 'DS_SYNC_CHOOSE_PLACE',
      details: { localDocuments: 1, workspaceName: 'Asked' },
    });
    expect((await device.call<SyncView>('sync.status', {})).connected).toBe(false);
    expect(await everythingOnServer(team)).toEqual([]);

    const view = await device.signIn(url, team, 'upload');
    expect(view.place.kind).toBe('team');
    await waitFor(async () => (await everythingOnServer(team)).includes(mine.id), 15_000, 'the uploaded account');
  });

  it('joining with real local data and choosing the team keeps them apart', async () => {
    const team = await createTeam(server, 'Separate');
    const device = await openDevice('separate', false);
    devices.push(device);
    await device.call('accounts.upsert', { ...ACCOUNT, name: 'Mine, kept here' });
    const view = await device.signIn(url, team, 'separate');
    expect(view.place).toMatchObject({ kind: 'team', localDocuments: 0 });
    expect(await device.call<unknown[]>('accounts.list', {})).toEqual([]);
    const created = await device.call<{ id: string }>('accounts.upsert', ACCOUNT);
    await waitFor(async () => (await everythingOnServer(team)).includes(created.id), 15_000, 'the team account');
    expect(await everythingOnServer(team)).toEqual([created.id]);
  });
});
