// Change-log compaction on PGlite and real PostgreSQL: superseded changes older than the
// horizon go, each document's latest change stays, and pulls, stream resumption and seqs are
// exactly as before.
import { randomUUID } from 'node:crypto';
import { createWorkspaceWithAdmin, type Database } from '../../src/server';
import type { StoredDoc } from '../../src/server/db';
import { BACKENDS } from './fixtures/sync-harness';

vi.setConfig({ testTimeout: 90_000 });

const doc = (id: string, name: string, deleted = false): StoredDoc => ({
  id,
  name,
  industry: 'software',
  region: 'emea',
  segment: 'smb',
  updatedAt: 1,
  _deleted: deleted,
});

describe.each(BACKENDS)('change-log compaction on $name', (backend) => {
  let env: Awaited<ReturnType<typeof backend.create>>;
  let db: Database;
  beforeAll(async () => {
    env = await backend.create('compact');
    db = env.db;
  });
  afterAll(async () => {
    await db.close();
    await env.drop();
  });

  it('keeps the latest change of each document and everything newer than the horizon', async () => {
    const ws = (
      await createWorkspaceWithAdmin(db, {
        workspace: 'Compact',
        email: `c-${randomUUID().slice(0, 8)}@example.com`,
        password: 'correct horse',
        passwordMemoryKiB: 1024,
      })
    ).workspaceId;
    const write = async (d: StoredDoc, collection = 'accounts') => {
      const rows = await db.sync.pull(ws, collection, 0, 100);
      const current = rows.documents.find((x) => x.id === d.id);
      expect((await db.sync.push(ws, collection, [{ assumedMasterState: current, newDocumentState: d }])).conflicts).toEqual([]);
    };
    await write(doc('a', 'a1'));
    await write(doc('a', 'a2'));
    await write(doc('b', 'b1'));
    await write(doc('a', 'a3'));
    await write(doc('s', 's1'), 'stakeholders');
    await write(doc('b', 'b1', true)); // deleted: its tombstone is its latest state
    const log = async () =>
      (
        await db.driver.query<{ seq: string | number; doc_id: string }>(
          'SELECT seq, doc_id FROM sync_changes WHERE workspace_id = $1 ORDER BY seq',
          [ws],
        )
      ).map((r) => `${r.doc_id}@${Number(r.seq)}`);
    const pulled = await db.sync.pull(ws, 'accounts', 0, 100);
    expect(await log()).toEqual(['a@1', 'a@2', 'b@3', 'a@4', 's@5', 'b@6']);

    // A horizon in the past leaves everything; tiny windows exercise the walk.
    expect(await db.sync.compactChanges(new Date(Date.now() - 3600_000), 2)).toBe(0);
    const horizon = new Date(Date.now() + 60_000); // every change counts as old
    expect(await db.sync.compactChanges(horizon, 2)).toBe(3);
    expect(await log()).toEqual(['a@4', 's@5', 'b@6']);
    expect(await db.sync.compactChanges(horizon, 2)).toBe(0); // idempotent

    expect(await db.sync.pull(ws, 'accounts', 0, 100)).toEqual(pulled);
    expect(await db.sync.collectionsChangedSince(ws, 0, ['accounts', 'stakeholders'])).toEqual(['accounts', 'stakeholders']);
    expect(await db.sync.collectionsChangedSince(ws, 4, ['accounts', 'stakeholders'])).toEqual(['accounts', 'stakeholders']);
    expect(await db.sync.collectionsChangedSince(ws, 5, ['accounts', 'stakeholders'])).toEqual(['accounts']);
    expect(await db.sync.collectionsChangedSince(ws, 6, ['accounts', 'stakeholders'])).toEqual([]);
    await write(doc('a', 'a4'));
    expect(await db.sync.latestSeq(ws)).toBe(7);
    expect(await log()).toEqual(['a@4', 's@5', 'b@6', 'a@7']);
  });
});
