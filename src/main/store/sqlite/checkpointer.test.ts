// Runs in Node: the WAL is checkpointed by the checkpoint thread, not by the writer's commits.
import fs from 'node:fs';
import path from 'node:path';
import { Database } from './database';
import { now, randomToken } from 'rxdb';
import type { RxDocumentData } from 'rxdb';
import { startCheckpointer } from './checkpointer';
import { getRxStorageSQLite } from './index';
import { filledContactSchema, makeTempDir, removeDir, type ContactDoc } from './test-helpers';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  removeDir(dir);
});

const doc = (id: string): RxDocumentData<ContactDoc> => ({
  id,
  name: `n-${id}`.slice(0, 12),
  age: 30,
  active: true,
  tags: ['a'],
  profile: { city: 'Berlin', score: 1.5 },
  note: 'x'.repeat(2000),
  _deleted: false,
  _attachments: {},
  _rev: '1-a',
  _meta: { lwt: now() },
});

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A WAL database whose writer never checkpoints itself, with a one-column table to fill. */
function walTable(name: string): { file: string; db: Database.Database; insert: Database.Statement } {
  const file = path.join(dir, name);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (x TEXT)');
  return { file, db, insert: db.prepare('INSERT INTO t VALUES (?)') };
}

describe('WAL checkpoint thread', () => {
  it('copies committed pages into the database file while the writer keeps its connection open', async () => {
    const inst = await getRxStorageSQLite({ databaseDirectory: dir }).createStorageInstance<ContactDoc>({
      databaseInstanceToken: randomToken(10),
      databaseName: 'db',
      collectionName: 'contacts',
      schema: filledContactSchema,
      options: {},
      multiInstance: false,
      devMode: false,
    });
    const file = path.join(dir, 'db.sqlite');
    const sizeBefore = fs.statSync(file).size;
    // ~11 MB in 100 commits: past the thread's RESTART_MIN_BYTES and far below the writer's own
    // 1 GiB backstop, so only the thread can have moved these pages out of the WAL into the file.
    for (let k = 0; k < 100; k++) {
      const { error } = await inst.bulkWrite(
        Array.from({ length: 50 }, (_, i) => ({ document: doc(`d${k}-${i}`) })),
        'test',
      );
      expect(error).toEqual([]);
    }
    await until(() => fs.statSync(file).size > sizeBefore + 3_000_000);
    const { error } = await inst.bulkWrite([{ document: doc('last') }], 'test');
    expect(error).toEqual([]);
    expect((await inst.findDocumentsById(['d0-0', 'd99-49', 'last'], false)).length).toBe(3);
    await inst.close();
    // The last close checkpointed the rest and removed the WAL; everything is in the file.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('waits for the writer to pause (or to have been busy for busyMs) before it checkpoints', async () => {
    const { file, db, insert } = walTable('raw.sqlite');
    const checkpointer = startCheckpointer(file, () => undefined, { tickMs: 100, busyMs: 60_000, minBytes: 0 });
    try {
      // A writer committing all the time for 500 ms: never a whole tick without a commit.
      const end = Date.now() + 500;
      while (Date.now() < end) {
        insert.run('x'.repeat(1000));
        checkpointer.wrote();
        await new Promise((r) => setImmediate(r));
      }
      expect(checkpointer.stats.runs).toBe(0);
      await until(() => checkpointer.stats.runs > 0);
      expect(checkpointer.stats.last).toMatchObject({ busy: 0 });
      expect(checkpointer.stats.last!.checkpointed).toBe(checkpointer.stats.last!.log);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('a writer that pauses until nextCheckpoint() has the whole WAL checkpointed, so the WAL starts again from its beginning', async () => {
    const { file, db, insert } = walTable('pause.sqlite');
    const checkpointer = startCheckpointer(file, () => undefined, { tickMs: 50, busyMs: 60_000 });
    const write = async (rows: number) => {
      for (let i = 0; i < rows; i++) {
        insert.run('x'.repeat(1000));
        checkpointer.wrote();
        if (i % 10 === 0) await new Promise((r) => setImmediate(r));
      }
    };
    try {
      await write(2000);
      const answer = await checkpointer.nextCheckpoint();
      expect(answer).toMatchObject({ busy: 0 });
      expect(answer!.checkpointed).toBe(answer!.log);
      const walBytes = fs.statSync(`${file}-wal`).size;
      // Fewer pages than the WAL holds: written over its beginning, the file does not grow.
      await write(100);
      expect(fs.statSync(`${file}-wal`).size).toBe(walBytes);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('leaves a WAL smaller than minBytes alone at a pause (its restart fsyncs on the writer), and checkpoints once it holds that much', async () => {
    const { file, db, insert } = walTable('small.sqlite');
    const checkpointer = startCheckpointer(file, () => undefined, { tickMs: 20, busyMs: 60_000, minBytes: 1024 * 1024 });
    // One commit per call: each commit appends the pages it touched to the WAL again.
    const write = (rows: number) => {
      db.transaction(() => {
        for (let i = 0; i < rows; i++) insert.run('x'.repeat(1000));
      })();
      checkpointer.wrote();
    };
    const pause = () => new Promise((r) => setTimeout(r, 300));
    try {
      // ~200 KB of pages, then fifteen ticks without a commit: nothing to gain from a restart yet.
      write(200);
      await pause();
      expect(checkpointer.stats.runs).toBe(0);
      // Past 1 MiB: the next pause checkpoints all of it.
      write(1500);
      await until(() => checkpointer.stats.runs > 0);
      expect(checkpointer.stats.last).toMatchObject({ busy: 0 });
      expect(checkpointer.stats.last!.log).toBeGreaterThan(256);
      expect(checkpointer.stats.last!.checkpointed).toBe(checkpointer.stats.last!.log);
      // The restarted WAL holds one small commit: again left alone.
      const runs = checkpointer.stats.runs;
      write(1);
      await pause();
      expect(checkpointer.stats.runs).toBe(runs);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('stops cleanly and records why when it cannot open the file', async () => {
    let failed = false;
    const checkpointer = startCheckpointer(path.join(dir, 'missing.sqlite'), () => (failed = true), { tickMs: 10, busyMs: 10 });
    checkpointer.wrote();
    await until(() => failed);
    expect(checkpointer.stats.error).toMatch(/SQLITE_CANTOPEN|unable to open|directory does not exist/i);
    const next = checkpointer.nextCheckpoint();
    await checkpointer.stop();
    // Nobody waits for a checkpoint that will never come.
    expect(await next).toBeNull();
    expect(checkpointer.stats.runs).toBe(0);
  });
});
