// A damaged workspace that syncs with a team comes back from the team server: the recovery
// screen's "pull a fresh copy" (workspace.recover pullFromTeam) with the sign-in this device kept,
// on real SQLite, the host API and a real server. The damaged file is kept aside, not deleted.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { StoreHealthView } from '../../src/shared/api';
import type { SyncServer } from '../../src/server';
import { BACKENDS, startServer, waitFor } from './fixtures/sync-harness';
import { createTeam, openDevice, removeDevice, type Device } from './fixtures/app-devices';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const backend = BACKENDS[0]!;
let env: Awaited<ReturnType<typeof backend.create>>;
let server: SyncServer;
let url: string;
const devices: Device[] = [];

beforeAll(async () => {
  env = await backend.create('store-recovery');
  ({ server, url } = await startServer(env.db));
});
afterAll(async () => {
  for (const d of devices) {
    await d.close().catch(() => undefined); // already closed by the test
    await removeDevice(d);
  }
  await server.close();
  await env.db.close();
  await env.drop();
});

it(`pulls a damaged team workspace afresh from the team server (${backend.name})`, async () => {
  const team = await createTeam(server, 'Recovered team');
  const device = await openDevice('recover', false);
  devices.push(device);
  await device.signIn(url, team);
  const names = ['Alpha Recovery', 'Beta Recovery', 'Gamma Recovery'];
  for (const name of names) await device.call('accounts.upsert', { name, industry: 'Software', region: 'EMEA', segment: 'smb' });
  await waitFor(
    async () => (await device.call<{ status: { pending: number } }>('sync.status', {})).status.pending === 0,
    30_000,
    'everything pushed',
  );
  await device.close();

  // Garbage over everything after the first page: the file cannot even be opened.
  const file = path.join(device.dir, 'workspace', 'device-recover.sqlite');
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, crypto.randomBytes(size - 4096), 0, size - 4096, 4096);
  fs.closeSync(fd);
  const damaged = fs.readFileSync(file);

  const again = await openDevice('recover', false, device.dir);
  devices.push(again);
  const health = await again.call<StoreHealthView>('workspace.health', {});
  expect(health).toMatchObject({
    state: 'damaged',
    problem: { code: 'DS_SQLITE_CORRUPT' },
    team: { serverUrl: url, workspaceName: 'Recovered team' },
  });
  expect(await again.raw('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'DS_STORE_CORRUPT' } });

  const after = await again.call<StoreHealthView>('workspace.recover', { action: 'pullFromTeam' });
  expect(after).toMatchObject({ state: 'ok', problem: null });
  await waitFor(
    async () => (await again.call<{ name: string }[]>('accounts.list', {})).length === names.length,
    30_000,
    'the team accounts pulled',
  );
  expect((await again.call<{ name: string }[]>('accounts.list', {})).map((a) => a.name).sort()).toEqual(names);
  const aside = fs
    .readdirSync(path.join(device.dir, 'workspace'))
    .filter((n) => /^device-recover\.sqlite\.damaged-[^-]/.test(n) && !/-(wal|shm)$/.test(n));
  expect(aside).toHaveLength(1);
  expect(fs.readFileSync(path.join(device.dir, 'workspace', aside[0]!)).equals(damaged)).toBe(true);
});
