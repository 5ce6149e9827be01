// Readonly mode next to a writing process (the scoring worker next to the main process): in WAL
// mode a reader is not blocked by a long write transaction and sees the last committed snapshot,
// and a writer is not blocked by a reader holding a long read transaction.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { Database } from '../../src/main/store/sqlite/database';
import { fillWithDefaultSettings, normalizeMangoQuery, prepareQuery, randomToken } from 'rxdb';
import { getRxStorageSQLite } from '../../src/main/store/sqlite/index';
import { makeTempDir, removeDir } from '../../src/main/store/sqlite/test-helpers';
import { crashSchema, type CrashDoc } from './fixtures/sqlite-crash-schema';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'sqlite-readonly-writer.ts');
const schema = fillWithDefaultSettings(crashSchema);

let dir: string;
let child: ChildProcessWithoutNullStreams;
let lines: AsyncIterator<string>;

async function nextLine(): Promise<string> {
  const r = await lines.next();
  if (r.done) throw new Error('writer closed its output');
  return r.value;
}

beforeAll(async () => {
  dir = makeTempDir('ds-sqlite-ro-');
  child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dir]);
  child.stderr.pipe(process.stderr);
  lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  expect(await nextLine()).toBe('ready');
});

afterAll(async () => {
  child.stdin.write('exit\n');
  await new Promise((resolve) => child.once('exit', resolve));
  removeDir(dir);
});

async function openReader() {
  return getRxStorageSQLite({ databaseDirectory: dir, readonly: true }).createStorageInstance<CrashDoc>({
    databaseInstanceToken: randomToken(10),
    databaseName: 'shared',
    collectionName: 'docs',
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
  });
}

const all = prepareQuery(schema, normalizeMangoQuery(schema, { selector: {} }));

describe('SQLite storage readonly next to a writer', () => {
  it('reads without waiting while another process holds a long write transaction', async () => {
    const reader = await openReader();
    expect((await reader.count(all)).count).toBe(1000);

    child.stdin.write('big 60000\n');
    expect(await nextLine()).toBe('begin');
    const committed = nextLine();
    let done = false;
    void committed.then(() => (done = true));

    const readMs: number[] = [];
    let readsDuringWrite = 0;
    while (!done) {
      const t = performance.now();
      const { count } = await reader.count(all);
      const byIndex = await reader.query(prepareQuery(schema, normalizeMangoQuery(schema, { selector: { batch: 1 }, limit: 5 })));
      readMs.push(performance.now() - t);
      // Snapshot isolation: all of the big batch or none of it, never a part. (The commit may land
      // just before we hear about it, so the full count is allowed too.)
      expect([1000, 61_000]).toContain(count);
      expect(byIndex.documents).toHaveLength(5);
      if (count === 1000) readsDuringWrite++;
      await new Promise((r) => setTimeout(r, 10));
    }
    const writeMs = Number((await committed).split(' ')[1]);
    expect(readsDuringWrite).toBeGreaterThan(3);
    // Reads are index lookups; far below the write transaction's duration, i.e. not queued behind it.
    expect(Math.max(...readMs)).toBeLessThan(Math.max(250, writeMs / 4));
    expect((await reader.count(all)).count).toBe(61_000);
    // Readonly instances refuse real writes with a coded error.
    await expect(
      reader.bulkWrite(
        [{ document: { id: 'x', batch: 0, payload: '', _deleted: false, _attachments: {}, _rev: '1-x', _meta: { lwt: 1 } } }],
        't',
      ),
    ).rejects.toMatchObject({ code: 'DS_SQLITE_READONLY' });
    await reader.close();
  });

  it('lets the writer commit while a reader holds a long read transaction', async () => {
    const raw = new Database(path.join(dir, 'shared.sqlite'), { readonly: true, fileMustExist: true });
    const before = raw.prepare(`SELECT count(*) FROM "rx_docs_v0"`).pluck();
    raw.exec('BEGIN');
    const snapshot = before.get() as number; // the read transaction now pins this snapshot

    child.stdin.write('small 20\n');
    const writeMs: number[] = [];
    for (;;) {
      const line = await nextLine();
      if (line === 'done') break;
      writeMs.push(Number(line.split(' ')[1]));
    }
    expect(writeMs).toHaveLength(20);
    expect(Math.max(...writeMs)).toBeLessThan(1000); // busy_timeout is 5 s; a blocked writer would hit it
    expect(before.get()).toBe(snapshot); // still the old snapshot inside the read transaction
    raw.exec('COMMIT');
    expect(before.get()).toBe(snapshot + 20 * 50);
    raw.close();
  });
});
