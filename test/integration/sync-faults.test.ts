// Faults: server SIGKILLed mid-push, connections dropped or stalled mid-pull, client SIGKILLed
// mid-sync, duplicate and replayed pushes. After each: converged, nothing lost, nothing doubled.
// Seqs are dense (each accepted write takes exactly one), so the final checkpoint counting the
// writes proves that no retry wrote twice.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RxDatabase } from 'rxdb';
import { createSyncClient, startSync } from '../../src/main/sync';
import { createWorkspaceWithAdmin, openDatabase, type Database } from '../../src/server';
import { BACKENDS, pgliteTemplateBlob, seedWorkspace, startServer, waitFor, type Workspace } from './fixtures/sync-harness';
import { freePort, kill, spawnClient, spawnServer, startProxy } from './fixtures/sync-processes';
import { account, createTestStore } from './fixtures/sync-store';

async function pullAll(url: string, ws: Workspace) {
  const res = await fetch(`${url}/v1/workspaces/${ws.id}/collections/accounts/pull?seq=0&limit=5000`, {
    headers: { authorization: `Bearer ${ws.adminToken}` },
  });
  return (await res.json()) as { documents: { id: string; name: string }[]; checkpoint: { seq: number } };
}

describe.each(BACKENDS)('faults on $name', (backend) => {
  let env: Awaited<ReturnType<typeof backend.create>>;
  const stores: RxDatabase[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
  });
  beforeAll(async () => {
    env = await backend.create('faults');
  });
  afterAll(async () => {
    await env.db.close();
    await env.drop();
  });

  it('survives the server being SIGKILLed mid-push and restarted', async () => {
    // The child server owns the database: PostgreSQL by URL, or a PGlite folder made from the template.
    let dataDir: string | undefined;
    let created: { workspaceId: string };
    const email = `kill-${backend.name}@example.com`;
    if (backend.name === 'pglite') {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'ds-faults-'));
      const db = await openDatabase({ dataDir, pgliteTemplate: await pgliteTemplateBlob() });
      created = await createWorkspaceWithAdmin(db, { workspace: 'kill', email, password: 'password1', passwordMemoryKiB: 1024 });
      await db.close();
    } else {
      created = await createWorkspaceWithAdmin(env.db, { workspace: 'kill', email, password: 'password1', passwordMemoryKiB: 1024 });
    }
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let child = await spawnServer({ port, databaseUrl: env.url, dataDir });
    try {
      const session = await createSyncClient(url).signIn({ email, password: 'password1', workspaceId: created.workspaceId });
      const ws: Workspace = { id: created.workspaceId, adminToken: session.token, adminId: session.userId };
      const store = await createTestStore(`kill-server-${backend.name}`, ['accounts']);
      stores.push(store);
      await store.collections.accounts!.bulkInsert(Array.from({ length: 300 }, (_, i) => account(`acc_k${i}`, `K ${i}`)));
      const sync = startSync({
        store,
        serverUrl: url,
        workspaceId: ws.id,
        token: ws.adminToken,
        collections: ['accounts'],
        retryTimeMs: 100,
        pushBatchSize: 10,
      });
      await waitFor(async () => (await pullAll(url, ws)).documents.length > 0, 10_000, 'first push');
      await kill(child);
      child = await spawnServer({ port, databaseUrl: env.url, dataDir });
      await sync.awaitInSync();
      await sync.stop();
      const all = await pullAll(url, ws);
      expect(new Set(all.documents.map((d) => d.id)).size).toBe(300);
      expect(all.documents).toHaveLength(300);
      expect(all.checkpoint.seq).toBe(300);
    } finally {
      await kill(child);
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  }, 150_000);

  describe('with an in-process server', () => {
    let url: string;
    let ws: Workspace;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const started = await startServer(env.db as Database);
      url = started.url;
      close = () => started.server.close();
      ws = await seedWorkspace(started.server, url, 'faults');
    });
    afterAll(() => close());

    it('pulls everything through a proxy that drops and stalls connections', async () => {
      const writer = await createTestStore(`writer-${backend.name}`, ['accounts']);
      stores.push(writer);
      await writer.collections.accounts!.bulkInsert(
        Array.from({ length: 1500 }, (_, i) => account(`acc_p${i}`, `P ${i} ${'x'.repeat(60)}`)),
      );
      const w = startSync({ store: writer, serverUrl: url, workspaceId: ws.id, token: ws.adminToken, collections: ['accounts'] });
      await w.awaitInSync();
      await w.stop();

      const proxy = await startProxy(Number(new URL(url).port));
      proxy.mode = 'drop';
      proxy.afterBytes = 40_000;
      const reader = await createTestStore(`reader-${backend.name}`, ['accounts']);
      stores.push(reader);
      const r = startSync({
        store: reader,
        serverUrl: `http://127.0.0.1:${proxy.port}`,
        workspaceId: ws.id,
        token: ws.adminToken,
        collections: ['accounts'],
        retryTimeMs: 50,
        pullBatchSize: 200,
        requestTimeoutMs: 1000,
        streamIdleTimeoutMs: 1500,
      });
      await waitFor(() => proxy.drops >= 3, 10_000, 'dropped connections');
      proxy.mode = 'stall';
      await new Promise((res) => setTimeout(res, 1200));
      await waitFor(() => r.status.state === 'offline', 5000, 'offline status');
      proxy.mode = 'pass';
      await r.awaitInSync();
      await waitFor(async () => (await reader.collections.accounts!.count().exec()) >= 1500, 15_000, 'all docs pulled');
      await r.stop();
      await proxy.close();
      const docs = await reader.collections.accounts!.find({ selector: { id: { $regex: '^acc_p' } } }).exec();
      expect(docs).toHaveLength(1500);
    }, 150_000);

    it('loses and doubles nothing when a client is SIGKILLed mid-sync and restarts', async () => {
      const before = (await pullAll(url, ws)).checkpoint.seq;
      const env1 = { DS_DOCS: '200', DS_URL: url, DS_WS: ws.id, DS_TOKEN: ws.adminToken };
      const first = spawnClient(env1);
      // The child starts tsx and RxDB first: on a loaded CI machine that alone can take tens of seconds.
      let childErr = '';
      first.stderr!.on('data', (d) => (childErr += String(d)));
      await waitFor(
        async () => {
          if (first.exitCode !== null) throw new Error(`child exited ${first.exitCode} before pushing: ${childErr}`);
          return (await pullAll(url, ws)).documents.some((d) => d.id.startsWith('acc_child_'));
        },
        90_000,
        'child pushing',
      );
      await kill(first);
      const pushedBeforeKill = (await pullAll(url, ws)).documents.filter((d) => d.id.startsWith('acc_child_')).length;
      expect(pushedBeforeKill).toBeLessThan(200);
      // Restart: same local documents, no memory of which were pushed, so it pushes all again.
      const second = spawnClient(env1);
      const code = await new Promise((res) => second.on('exit', res));
      expect(code).toBe(0);
      const all = await pullAll(url, ws);
      const child = all.documents.filter((d) => d.id.startsWith('acc_child_'));
      expect(new Set(child.map((d) => d.id)).size).toBe(200);
      expect(all.checkpoint.seq - before).toBe(200);
    }, 150_000);

    it('treats duplicate, replayed and concurrent identical pushes as one write', async () => {
      const push = async (rows: unknown[]) => {
        const res = await fetch(`${url}/v1/workspaces/${ws.id}/collections/accounts/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ws.adminToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ rows }),
        });
        return (await res.json()) as { conflicts: { id: string; name: string }[] };
      };
      const before = (await pullAll(url, ws)).checkpoint.seq;
      const v1 = { ...account('acc_dup', 'One'), updatedAt: 5, _deleted: false };
      const v2 = { ...v1, name: 'Two', updatedAt: 6 };
      expect((await push([{ newDocumentState: v1 }])).conflicts).toEqual([]);
      expect((await push([{ newDocumentState: v1 }])).conflicts).toEqual([]); // duplicate: accepted, no write
      expect((await push([{ assumedMasterState: v1, newDocumentState: v2 }])).conflicts).toEqual([]);
      // Replay of the first push after the document moved on: the real state comes back.
      const replay = await push([{ newDocumentState: v1 }]);
      expect(replay.conflicts).toEqual([expect.objectContaining({ id: 'acc_dup', name: 'Two' })]);
      const v3 = { ...v2, name: 'Three' };
      const burst = await Promise.all(Array.from({ length: 8 }, () => push([{ assumedMasterState: v2, newDocumentState: v3 }])));
      expect(burst.every((b) => b.conflicts.length === 0)).toBe(true);
      expect((await pullAll(url, ws)).checkpoint.seq - before).toBe(3);
    }, 60_000);
  });
});
