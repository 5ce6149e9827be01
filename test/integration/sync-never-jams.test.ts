// A sync client that never jams, against a real server on PGlite and on PostgreSQL: a refused
// document is set aside and the next one syncs; a 6 MB batch goes in parts under the body
// limit; pending is read from the store, so it is right after a restart with the server down.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startSync } from '../../src/main/sync';
import { createStore } from '../../src/main/store';
import { createSyncServer } from '../../src/server';
import { BACKENDS, clientsPerTest, serversPerSuite, waitFor, type SuiteServers, type Workspace } from './fixtures/sync-harness';
import { account, createTestStore } from './fixtures/sync-store';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe.each(BACKENDS)('a sync client that never jams, on $name', (backend) => {
  const suite = serversPerSuite(backend, 'never-jams');
  let env: SuiteServers['env'];
  let url: string;
  let ws: Workspace;
  beforeAll(() => {
    ({ env, ws } = suite);
    url = suite.one.url;
  });
  const open = clientsPerTest();

  async function client(label: string, extra: Partial<Parameters<typeof startSync>[0]> = {}) {
    const store = await createTestStore(`${label}-${backend.name}-${Math.random().toString(36).slice(2)}`, ['accounts']);
    const sync = startSync({
      store,
      serverUrl: url,
      workspaceId: ws.id,
      token: ws.adminToken,
      collections: ['accounts'],
      retryTimeMs: 200,
      ...extra,
    });
    open.push({ store, sync });
    return { store, sync };
  }

  const onServer = async (ids: string[]) => {
    const res = await fetch(`${url}/v1/workspaces/${ws.id}/collections/accounts/pull?seq=0&limit=5000`, {
      headers: { authorization: `Bearer ${ws.adminToken}` },
    });
    const body = (await res.json()) as { documents: { id: string }[] };
    const have = new Set(body.documents.map((d) => d.id));
    return ids.filter((id) => have.has(id));
  };

  it('sets a refused document aside, syncs the next one, and sends the refused one again once fixed', async () => {
    const a = await client('refuse');
    await a.sync.awaitInSync();
    // The server's strict schema refuses a field it does not know with 422 DS_SYNC_INVALID_DOCUMENT.
    await a.store.collections.accounts!.insert({ ...account('acc_refused', 'Refused Co'), bogus: 'not in the schema' });
    await a.store.collections.accounts!.insert(account('acc_after', 'After Co'));
    await waitFor(async () => (await onServer(['acc_after'])).length === 1, 15_000, 'the next document on the server');
    await waitFor(() => a.sync.status.setAside === 1, 5000, 'the refused document set aside');
    expect(await onServer(['acc_refused'])).toEqual([]);
    const [record] = a.sync.setAside();
    expect(record).toMatchObject({ collection: 'accounts', id: 'acc_refused', code: 'DS_SYNC_INVALID_DOCUMENT', status: 422 });
    await waitFor(() => a.sync.status.pending === 1, 5000, 'pending counts the refused document');
    expect(a.sync.status.state).not.toBe('error');
    // Still here on this device.
    expect((await a.store.collections.accounts!.findOne('acc_refused').exec())?.get('name')).toBe('Refused Co');

    // Fixed locally: sent again against what the server really holds (nothing), and accepted.
    const doc = await a.store.collections.accounts!.findOne('acc_refused').exec();
    await doc!.incrementalModify((d: unknown) => {
      const { bogus: _bogus, ...rest } = d as Record<string, unknown>;
      return { ...rest, name: 'Refused Co (fixed)' } as never;
    });
    await waitFor(async () => (await onServer(['acc_refused'])).length === 1, 15_000, 'the fixed document on the server');
    await waitFor(() => a.sync.status.setAside === 0 && a.sync.status.pending === 0, 5000, 'nothing set aside or pending');
  });

  it('sends a 6 MB batch in parts under the server body limit', async () => {
    const a = await client('big');
    await a.sync.awaitInSync();
    await a.sync.stop();
    open.length = 0;
    // 100 valid accounts of ~60 kB each (a long kept value), written while sync is stopped so
    // they leave as one push batch of 100 (RxDB's default batch size) when it starts.
    const ids: string[] = [];
    const docs = Array.from({ length: 100 }, (_, i) => {
      const id = `acc_big_${i}`;
      ids.push(id);
      return {
        ...account(id, `Big ${i}`),
        keptConflicts: [{ field: 'name', value: JSON.stringify('x'.repeat(60_000)), lostAt: 1, fromRevision: `r${i}` }],
      };
    });
    expect(Buffer.byteLength(JSON.stringify({ rows: docs.map((d) => ({ newDocumentState: d })) }))).toBeGreaterThan(6_000_000);
    await a.store.collections.accounts!.bulkInsert(docs);
    const sync = startSync({
      store: a.store,
      serverUrl: url,
      workspaceId: ws.id,
      token: ws.adminToken,
      collections: ['accounts'],
      retryTimeMs: 200,
    });
    open.push({ store: a.store, sync });
    await sync.awaitInSync();
    await waitFor(async () => (await onServer(ids)).length === 100, 30_000, 'all 100 on the server');
    expect(sync.status.setAside).toBe(0);
    await waitFor(() => sync.status.pending === 0, 5000, 'nothing pending');
  });

  it('reads pending from the store after a restart with the server down', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ds-pending-'));
    // A server of its own on a port we can reopen, over the same database.
    let own = await createSyncServer({ database: env.db, heartbeatMs: 1000, passwordMemoryKiB: 1024 });
    const ownUrl = await own.listen(0);
    const port = Number(new URL(ownUrl).port);
    try {
      let store = await createStore({ directory: dir });
      let sync = startSync({
        store,
        serverUrl: ownUrl,
        workspaceId: ws.id,
        token: ws.adminToken,
        collections: ['accounts'],
        retryTimeMs: 200,
      });
      await store.accounts.insert(account('acc_p1', 'Acked') as never);
      await sync.awaitInSync();
      await waitFor(async () => (await onServer(['acc_p1'])).length === 1, 15_000, 'acc_p1 acknowledged');
      await sync.stop();
      await own.close();

      // Server down: three writes exist only on this device.
      sync = startSync({ store, serverUrl: ownUrl, workspaceId: ws.id, token: ws.adminToken, collections: ['accounts'], retryTimeMs: 200 });
      await store.accounts.bulkInsert(['acc_p2', 'acc_p3', 'acc_p4'].map((id) => account(id)) as never);
      await waitFor(() => sync.status.pending === 3, 5000, 'three pending before the restart');
      await sync.stop();
      await store.close();

      // Restart, server still down: pending comes from the store, not from memory.
      store = await createStore({ directory: dir });
      sync = startSync({ store, serverUrl: ownUrl, workspaceId: ws.id, token: ws.adminToken, collections: ['accounts'], retryTimeMs: 200 });
      await sync.pendingLoaded;
      expect(sync.status.pending).toBe(3);

      // The server is back on the same address: the three arrive and pending drops to 0.
      own = await createSyncServer({ database: env.db, heartbeatMs: 1000, passwordMemoryKiB: 1024 });
      await own.listen(port);
      await waitFor(async () => (await onServer(['acc_p2', 'acc_p3', 'acc_p4'])).length === 3, 30_000, 'the three on the server');
      await waitFor(() => sync.status.pending === 0, 15_000, 'pending back to 0');
      await sync.stop();
      await store.close();
    } finally {
      await own.close().catch(() => undefined); // already closed when the test failed before reopening
      await rm(dir, { recursive: true, force: true });
    }
  });
});
