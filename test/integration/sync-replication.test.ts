// Two clients replicating through the server, against PGlite and real PostgreSQL.
import { startSync } from '../../src/main/sync';
import { sameDocState } from '../../src/shared/sync';
import { BACKENDS, clientsPerTest, serversPerSuite, waitFor, type Workspace } from './fixtures/sync-harness';
import { account, createTestStore } from './fixtures/sync-store';

// Generous: these suites share CPU with other integration suites and PostgreSQL.
vi.setConfig({ testTimeout: 90_000 });

describe.each(BACKENDS)('replication on $name', (backend) => {
  const suite = serversPerSuite(backend, 'replication');
  let url: string;
  let ws: Workspace;
  beforeAll(() => {
    ({ ws } = suite);
    url = suite.one.url;
  });
  const open = clientsPerTest();

  async function client(label: string) {
    const store = await createTestStore(`${label}-${backend.name}-${Math.random().toString(36).slice(2)}`);
    const sync = startSync({
      store,
      serverUrl: url,
      workspaceId: ws.id,
      token: ws.adminToken,
      collections: ['accounts', 'stakeholders'],
      retryTimeMs: 200,
    });
    open.push({ store, sync });
    return { store, sync };
  }

  it('delivers a write from one client to another live and reports status', async () => {
    const a = await client('a');
    const b = await client('b');
    await a.sync.awaitInSync();
    await b.sync.awaitInSync();
    await a.store.collections.accounts!.insert(account('acc_live', 'Live Co'));
    await waitFor(async () => !!(await b.store.collections.accounts!.findOne('acc_live').exec()), 5000, 'live delivery');
    await a.sync.awaitInSync();
    await waitFor(() => a.sync.status.state === 'idle' && a.sync.status.pending === 0, 5000, 'idle status');
    expect(a.sync.status.lastSyncedAt).toBeGreaterThan(0);
  });

  it('keeps concurrent edits of different fields and keeps the losing same-field value', async () => {
    const a = await client('a');
    const b = await client('b');
    await a.store.collections.accounts!.insert(account('acc_merge', 'Merge Co'));
    await a.sync.awaitInSync();
    await waitFor(async () => !!(await b.store.collections.accounts!.findOne('acc_merge').exec()), 5000, 'doc on b');
    await a.sync.stop();
    await b.sync.stop();
    open.length = 0;
    const docA = await a.store.collections.accounts!.findOne('acc_merge').exec();
    const docB = await b.store.collections.accounts!.findOne('acc_merge').exec();
    await docA!.incrementalPatch({ region: 'apac', name: 'Name from A' });
    await docB!.incrementalPatch({ industry: 'retail', name: 'Name from B' });
    const sa = startSync({
      store: a.store,
      serverUrl: url,
      workspaceId: ws.id,
      token: ws.adminToken,
      collections: ['accounts'],
      retryTimeMs: 200,
    });
    await sa.awaitInSync();
    const sb = startSync({
      store: b.store,
      serverUrl: url,
      workspaceId: ws.id,
      token: ws.adminToken,
      collections: ['accounts'],
      retryTimeMs: 200,
    });
    await sb.awaitInSync();
    await sa.awaitInSync();
    open.push({ store: a.store, sync: sa }, { store: b.store, sync: sb });
    await waitFor(
      async () => {
        const x = (await a.store.collections.accounts!.findOne('acc_merge').exec())?.toJSON();
        const y = (await b.store.collections.accounts!.findOne('acc_merge').exec())?.toJSON();
        return sameDocState(x, y) && x?.industry === 'retail';
      },
      5000,
      'convergence',
    );
    const merged = (await b.store.collections.accounts!.findOne('acc_merge').exec())!.toJSON() as Record<string, unknown>;
    expect(merged).toMatchObject({ region: 'apac', industry: 'retail', name: 'Name from A' });
    expect(merged.keptConflicts).toEqual([expect.objectContaining({ field: 'name', value: '"Name from B"' })]);
  });
  it('reports offline with pending writes, and a coded error for a revoked token', async () => {
    const store = await createTestStore(`status-${backend.name}-${Math.random().toString(36).slice(2)}`, ['accounts']);
    const offline = startSync({
      store,
      serverUrl: 'http://127.0.0.1:9',
      workspaceId: ws.id,
      token: ws.adminToken,
      collections: ['accounts'],
      retryTimeMs: 200,
    });
    open.push({ store, sync: offline });
    await store.collections.accounts!.bulkInsert([account('acc_off1'), account('acc_off2'), account('acc_off3')]);
    await waitFor(() => offline.status.state === 'offline' && offline.status.pending === 3, 10_000, 'offline with 3 pending');
    expect(offline.status.error?.code).toBe('DS_SYNC_UNAVAILABLE');

    const bad = startSync({
      store,
      serverUrl: url,
      workspaceId: ws.id,
      token: 'revoked-or-unknown-token-xxxxxxxxxxxxxxx',
      collections: ['accounts'],
      retryTimeMs: 200,
    });
    open.push({ store, sync: bad });
    await waitFor(() => bad.status.state === 'error', 10_000, 'error status');
    expect(bad.status.error?.code).toBe('DS_SYNC_UNAUTHORIZED');
  });
});
