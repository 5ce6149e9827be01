// Group commit (src/server/db/group-commit.ts) on PGlite and real PostgreSQL: pushes sent at
// once are applied in groups, yet each is answered exactly as if it had been its own
// transaction in arrival order, seqs stay dense per workspace, and one refused push fails alone.
import { randomUUID } from 'node:crypto';
import { createWorkspaceWithAdmin, type Database } from '../../src/server';
import { NOTIFY_CHANNEL, type StoredDoc } from '../../src/server/db';
import { BACKENDS } from './fixtures/sync-harness';

vi.setConfig({ testTimeout: 90_000 });

const doc = (id: string, name: string): StoredDoc => ({
  id,
  name,
  industry: 'software',
  region: 'emea',
  segment: 'smb',
  updatedAt: 1,
  _deleted: false,
});

describe.each(BACKENDS)('grouped pushes on $name', (backend) => {
  let env: Awaited<ReturnType<typeof backend.create>>;
  let db: Database;
  const newWorkspace = async () =>
    (
      await createWorkspaceWithAdmin(db, {
        workspace: 'Group',
        email: `g-${randomUUID().slice(0, 8)}@example.com`,
        password: 'correct horse',
        passwordMemoryKiB: 1024,
      })
    ).workspaceId;
  const changes = (ws: string) =>
    db.driver.query<{ seq: string | number; doc_id: string; doc: { name: string } }>(
      'SELECT seq, doc_id, doc FROM sync_changes WHERE workspace_id = $1 ORDER BY seq',
      [ws],
    );

  beforeAll(async () => {
    env = await backend.create('group');
    db = env.db;
  });
  afterAll(async () => {
    await db.close();
    await env.drop();
  });

  it('answers concurrent pushes of one document as if applied one after another', async () => {
    const ws = await newWorkspace();
    await db.sync.push(ws, 'accounts', [{ newDocumentState: doc('a1', 'v0') }]);
    // Ten clients all assume v0; the first to arrive wins, the other nine get its state back.
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.sync.push(ws, 'accounts', [{ assumedMasterState: doc('a1', 'v0'), newDocumentState: doc('a1', `v${i + 1}`) }]),
      ),
    );
    expect(results[0]!.conflicts).toEqual([]);
    for (const r of results.slice(1)) expect(r.conflicts).toEqual([doc('a1', 'v1')]);
    // A client that rebased on v1 wins next, and a replay of that same push changes nothing.
    const [next, replay] = await Promise.all([
      db.sync.push(ws, 'accounts', [{ assumedMasterState: doc('a1', 'v1'), newDocumentState: doc('a1', 'v2b') }]),
      db.sync.push(ws, 'accounts', [{ assumedMasterState: doc('a1', 'v1'), newDocumentState: doc('a1', 'v2b') }]),
    ]);
    expect(next.conflicts).toEqual([]);
    expect(replay.conflicts).toEqual([]);
    const log = await changes(ws);
    expect(log.map((c) => [Number(c.seq), c.doc.name])).toEqual([
      [1, 'v0'],
      [2, 'v1'],
      [3, 'v2b'],
    ]);
    expect((await db.sync.pull(ws, 'accounts', 0, 10)).documents).toEqual([doc('a1', 'v2b')]);
  });

  it('keeps each workspace its own dense seqs and tells streams each one', async () => {
    const [w1, w2] = [await newWorkspace(), await newWorkspace()];
    const heard: string[] = [];
    const unlisten = await db.driver.listen(NOTIFY_CHANNEL, (p) => heard.push(p));
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => {
          const ws = i % 2 ? w2 : w1;
          return db.sync.push(ws, i % 3 ? 'accounts' : 'stakeholders', [{ newDocumentState: doc(`d${i}`, `n${i}`) }]);
        }),
      );
      for (const ws of [w1, w2]) {
        expect((await changes(ws)).map((c) => Number(c.seq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect(await db.sync.latestSeq(ws)).toBe(20);
      }
      // Every workspace and collection heard of its last seq (notifications arrive after commit).
      await vi.waitFor(
        () => {
          for (const ws of [w1, w2]) {
            const seqs = heard.filter((p) => p.startsWith(ws)).map((p) => Number(p.split(' ')[1]));
            expect(Math.max(...seqs)).toBe(20);
          }
        },
        { timeout: 10_000 },
      );
    } finally {
      await unlisten();
    }
  });

  it('fails only the push PostgreSQL refuses when it shares a group', async () => {
    const ws = await newWorkspace();
    // jsonb cannot hold \u0000: PostgreSQL rejects the whole statement carrying it.
    const results = await Promise.allSettled([
      db.sync.push(ws, 'accounts', [{ newDocumentState: doc('ok1', 'fine') }]),
      db.sync.push(ws, 'accounts', [{ newDocumentState: doc('bad', 'nul \u0000 inside') }]),
      db.sync.push(ws, 'accounts', [{ newDocumentState: doc('ok2', 'fine too') }]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await changes(ws)).map((c) => c.doc_id).sort()).toEqual(['ok1', 'ok2']);
  });
});
