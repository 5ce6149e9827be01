// Runs in Node: `node --import tsx test/bench/storage.bench.ts` (optionally DS_BENCH_DOCS=200000).
// DS_BENCH_ONLY=insert measures only the 100k bulk insert (no 1M file, no queries);
// DS_BENCH_INSERT_RUNS (default 3) sets how many fresh 100k inserts the median is taken over;
// DS_BENCH_INDEXES=app measures with the app's own interaction indexes.
// DS_BENCH_ONLY=encryption measures only encrypted vs plaintext SQLite (DS_BENCH_ENCRYPTION_DOCS,
// default 200k, in the big file); a full run measures that comparison too, after the rest.
// Measures the SQLite RxStorage against RxDB's memory storage on interaction-like documents, and
// the encrypted file (the app's default) against a plaintext one, and prints one JSON line per
// figure (plus a ratio line per figure).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getChangedDocumentsSince, normalizeMangoQuery, now, prepareQuery, randomToken } from 'rxdb';
import { fillWithDefaultSettings } from 'rxdb';
import type { BulkWriteRow, RxDocumentData, RxJsonSchema, RxStorage, RxStorageInstance } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSQLite } from '../../src/main/store/sqlite/index';
import { machine, report } from './report';

/**
 * DS_BENCH_INDEXES=app keeps only the index the app's interactions collection declares
 * (src/shared/domain/collections.ts); the default is a harder three-index case.
 */
const APP_INDEXES = process.env.DS_BENCH_INDEXES === 'app';

interface Interaction {
  id: string;
  accountId: string;
  stakeholderId: string;
  kind: string;
  at: number;
  summary: string;
  sentiment: number;
}

const schema = fillWithDefaultSettings<Interaction>({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 24 },
    accountId: { type: 'string', maxLength: 16 },
    stakeholderId: { type: 'string', maxLength: 16 },
    kind: { type: 'string', maxLength: 12 },
    at: { type: 'number', minimum: 0, maximum: 1e13, multipleOf: 1 },
    summary: { type: 'string' },
    sentiment: { type: 'number', minimum: -1, maximum: 1, multipleOf: 0.01 },
  },
  required: ['id', 'accountId', 'stakeholderId', 'kind', 'at', 'summary', 'sentiment'],
  indexes: APP_INDEXES ? [['accountId', 'at']] : [['accountId', 'at'], ['stakeholderId', 'at'], 'at'],
} as RxJsonSchema<Interaction>);

type Doc = RxDocumentData<Interaction>;
type Inst = RxStorageInstance<Interaction, unknown, unknown>;

const INSERT_DOCS = 100_000;
const INSERT_RUNS = Number(process.env.DS_BENCH_INSERT_RUNS ?? 3);
const ONLY_INSERT = process.env.DS_BENCH_ONLY === 'insert';
const ONLY_ENCRYPTION = process.env.DS_BENCH_ONLY === 'encryption';
const ENCRYPTION_DOCS = Number(process.env.DS_BENCH_ENCRYPTION_DOCS ?? 200_000);
const BIG_DOCS = Number(process.env.DS_BENCH_DOCS ?? 1_000_000);
const ACCOUNTS = 5_000; // ~200 interactions per account at 1M
const BATCH = 10_000;
const KINDS = ['email', 'call', 'meeting', 'note', 'demo'];

let seq = 0;
// Sequential ids (like ULIDs/time-ordered ids); the other indexes get effectively random keys.
const docId = (k: number) => `int-${k.toString(36).padStart(8, '0')}`;
function makeDocs(n: number): Doc[] {
  const lwt = now();
  const docs: Doc[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = seq++;
    docs[i] = {
      id: docId(k),
      accountId: `acc-${(k * 7919) % ACCOUNTS}`,
      stakeholderId: `stk-${(k * 104729) % (ACCOUNTS * 6)}`,
      kind: KINDS[k % KINDS.length]!,
      at: 1_700_000_000_000 + ((k * 2654435761) % 31_536_000_000),
      summary: `Discussed pricing and rollout plan with the buying group, follow-up #${k}`,
      sentiment: Math.round(Math.sin(k) * 100) / 100,
      _deleted: false,
      _attachments: {},
      _rev: '1-bench',
      _meta: { lwt },
    };
  }
  return docs;
}

async function open(storage: RxStorage<unknown, unknown>, databaseName: string): Promise<Inst> {
  return (await storage.createStorageInstance<Interaction>({
    databaseInstanceToken: randomToken(10),
    databaseName,
    collectionName: 'interactions',
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
  })) as Inst;
}

type Batch = BulkWriteRow<Interaction>[];

function makeBatches(total: number): Batch[] {
  const batches: Batch[] = [];
  for (let done = 0; done < total; done += BATCH) {
    batches.push(makeDocs(Math.min(BATCH, total - done)).map((document) => ({ document })));
  }
  return batches;
}

async function writeBatch(inst: Inst, batch: Batch): Promise<void> {
  const res = await inst.bulkWrite(batch, 'bench');
  if (res.error.length) throw new Error(`bench insert failed: ${JSON.stringify(res.error[0])}`);
}

/** Fills a database batch by batch (documents made as it goes: 1M at once would not fit well). */
async function fill(inst: Inst, total: number): Promise<number> {
  const t = performance.now();
  for (let done = 0; done < total; done += BATCH) {
    await writeBatch(
      inst,
      makeDocs(Math.min(BATCH, total - done)).map((document) => ({ document })),
    );
  }
  return performance.now() - t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Timing {
  wall: number; // ms, median
  cpu: number; // ms of this process's CPU time, median — steadier on a shared machine
}

async function medianMs(runs: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn(i);
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

// Every query carries `_deleted: false` exactly as RxQuery adds it; without it the planner cannot
// use the leading `_deleted` column of RxDB's indexes and both storages scan everything.
const accountQuery = (i: number) =>
  prepareQuery(
    schema,
    normalizeMangoQuery<Interaction>(schema, {
      selector: { accountId: `acc-${(i * 37) % ACCOUNTS}`, _deleted: { $eq: false } },
      sort: [{ accountId: 'asc' }, { at: 'desc' }],
      limit: 100,
    } as never),
  );
const accountQueryAsc = (i: number) =>
  prepareQuery(
    schema,
    normalizeMangoQuery<Interaction>(schema, {
      selector: { accountId: `acc-${(i * 37) % ACCOUNTS}`, _deleted: { $eq: false } },
      sort: [{ accountId: 'asc' }, { at: 'asc' }],
      limit: 100,
    } as never),
  );
const countAll = prepareQuery(schema, normalizeMangoQuery<Interaction>(schema, { selector: { _deleted: { $eq: false } } } as never));
const countQuery = (i: number) =>
  prepareQuery(
    schema,
    normalizeMangoQuery<Interaction>(schema, { selector: { accountId: `acc-${(i * 53) % ACCOUNTS}`, _deleted: { $eq: false } } } as never),
  );

interface Figures extends InsertRates {
  queryMs: Timing;
  queryDescMs: Timing;
  countMs: Timing;
  changesMs: Timing;
  bigSize: number;
}

interface InsertRates {
  insertDocsPerS: number;
  insertDocsPerCpuS: number;
}

// Each run inserts into a fresh database; medians of wall and CPU rate are taken separately,
// because on a shared machine one slow run says more about the neighbours than about us.
async function measureInsert(storage: RxStorage<unknown, unknown>): Promise<InsertRates> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < INSERT_RUNS; i++) {
    const small = await open(storage, `ins${randomToken(6)}`);
    // The documents exist before the clock starts: making them is the caller's work, not the storage's.
    const batches = makeBatches(INSERT_DOCS);
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    for (const batch of batches) await writeBatch(small, batch);
    const insertMs = performance.now() - t;
    const used = process.cpuUsage(cpu0);
    await small.remove();
    wall.push((INSERT_DOCS / insertMs) * 1000);
    cpu.push((INSERT_DOCS / ((used.user + used.system) / 1000)) * 1000);
  }
  return { insertDocsPerS: median(wall), insertDocsPerCpuS: median(cpu) };
}

async function measure(
  label: string,
  storage: RxStorage<unknown, unknown>,
  bigDocs: number,
  bigName: string,
): Promise<{ f: Figures; inst: Inst }> {
  const rates = await measureInsert(storage);

  const inst = await open(storage, bigName);
  seq = 0; // the big database always holds docId(0) .. docId(bigDocs - 1)
  const existing = (await inst.count(countAll)).count;
  if (existing !== bigDocs) {
    if (existing !== 0) throw new Error(`${bigName} holds ${existing} docs; delete it to rebuild`);
    const buildMs = await fill(inst, bigDocs);
    process.stderr.write(`${label}: built ${bigDocs} docs in ${Math.round(buildMs)} ms\n`);
  } else {
    process.stderr.write(`${label}: reusing ${bigDocs}-doc database from the bench cache\n`);
  }

  // warm-up, then medians
  await inst.query(accountQueryAsc(1));
  const queryMs = await medianMs(50, async (i) => {
    const r = await inst.query(accountQueryAsc(i));
    const expected = Math.min(100, Math.floor(bigDocs / ACCOUNTS));
    if (r.documents.length < expected) throw new Error(`expected ${expected} docs, got ${r.documents.length}`);
  });
  const queryDescMs = await medianMs(50, (i) => inst.query(accountQuery(i)));
  const countMs = await medianMs(50, (i) => inst.count(countQuery(i)));
  const [mid] = await inst.findDocumentsById([docId(Math.floor(bigDocs / 2))], false);
  if (!mid) throw new Error('middle document missing');
  const changesMs = await medianMs(20, async () => {
    const r = await getChangedDocumentsSince(inst, 1000, { id: mid.id, lwt: mid._meta.lwt - 1 });
    if (r.documents.length !== 1000) throw new Error(`expected 1000 changes, got ${r.documents.length}`);
  });
  return { f: { ...rates, queryMs, queryDescMs, countMs, changesMs, bigSize: bigDocs }, inst };
}

async function main(): Promise<void> {
  const host = `${machine()}, load avg ${os.loadavg()[0]!.toFixed(1)}`;
  // Building 1M documents dominates the run, so the big file is kept between runs
  // (delete the folder to rebuild). The 100k insert figure is always measured fresh.
  const cacheDir = process.env.DS_BENCH_CACHE_DIR ?? path.join(process.cwd(), 'node_modules', '.cache', 'ds-bench');
  try {
    if (ONLY_ENCRYPTION) {
      await compareEncryption(host, cacheDir);
      return;
    }
    if (ONLY_INSERT) {
      const sq = await measureInsert(getRxStorageSQLite({ databaseDirectory: cacheDir }));
      const mem = await measureInsert(getRxStorageMemory() as RxStorage<unknown, unknown>);
      reportInsert(host, sq, mem);
      return;
    }
    const sqliteStorage = getRxStorageSQLite({ databaseDirectory: cacheDir });
    const sq = await measure('sqlite', sqliteStorage, BIG_DOCS, `big-${BIG_DOCS}`);
    await sq.inst.close();
    // Cold open: a fresh connection (page cache of the OS may still be warm; no root to drop it).
    const c0 = process.cpuUsage();
    const t = performance.now();
    const reopened = await open(sqliteStorage, `big-${BIG_DOCS}`);
    const first = await reopened.query(accountQueryAsc(7));
    const coldOpenMs = performance.now() - t;
    const coldCpu = process.cpuUsage(c0);
    if (first.documents.length === 0) throw new Error('cold open query returned the wrong result');
    await reopened.close();

    // The memory storage re-merges every index array on each 10k batch, so filling it with 1M docs
    // takes many minutes on a shared 2-core machine; it is compared at 200k unless told otherwise.
    const memoryDocs = Number(process.env.DS_BENCH_MEMORY_DOCS ?? Math.min(BIG_DOCS, 200_000));
    const mem = await measure('memory', getRxStorageMemory() as RxStorage<unknown, unknown>, memoryDocs, 'big');
    await mem.inst.remove();

    const both = (name: string, unit: string, a: number, b: number, higherIsBetter: boolean, size: string | number) => {
      report({ name: `${name} (sqlite-ds)`, value: round(a), unit, size, extra: { machine: host } });
      report({
        name: `${name} (memory)`,
        value: round(b),
        unit,
        size: memoryDocs === BIG_DOCS || size === INSERT_DOCS ? size : memoryDocs,
        extra: { machine: host },
      });
      const ratioSize = memoryDocs === BIG_DOCS || size === INSERT_DOCS ? size : `sqlite ${size} docs vs memory ${memoryDocs} docs`;
      report({
        name: `${name} ratio sqlite/memory`,
        value: round(a / b),
        unit: higherIsBetter ? 'x (higher is better)' : 'x (lower is better)',
        size: ratioSize,
      });
    };
    reportInsert(host, sq.f, mem.f);
    const timed = (name: string, runs: number, a: Timing, b: Timing) => {
      both(name, `ms wall, median of ${runs}`, a.wall, b.wall, false, BIG_DOCS);
      both(`${name} CPU`, `ms cpu, median of ${runs}`, a.cpu, b.cpu, false, BIG_DOCS);
    };
    timed('indexed query 100 docs [accountId,at] asc', 50, sq.f.queryMs, mem.f.queryMs);
    timed('indexed query 100 docs [accountId,at] desc (resort)', 50, sq.f.queryDescMs, mem.f.queryDescMs);
    timed('count by accountId', 50, sq.f.countMs, mem.f.countMs);
    timed('getChangedDocumentsSince 1000', 20, sq.f.changesMs, mem.f.changesMs);
    report({
      name: 'cold open to first query (sqlite-ds)',
      value: round(coldOpenMs),
      unit: 'ms',
      size: BIG_DOCS,
      extra: { cpuMs: round((coldCpu.user + coldCpu.system) / 1000), note: 'new connection; OS page cache not dropped', machine: host },
    });
    report({
      name: 'cold open to first query (memory)',
      value: 0,
      unit: 'n/a',
      size: BIG_DOCS,
      extra: { note: 'memory storage has no persistence; it would have to re-insert everything' },
    });
    await compareEncryption(host, cacheDir);
  } finally {
    process.stderr.write(`bench cache: ${cacheDir}\n`);
  }
}

function reportInsert(host: string, sq: InsertRates, mem: InsertRates): void {
  const both = (name: string, unit: string, a: number, b: number) => {
    report({ name: `${name} (sqlite-ds)`, value: round(a), unit, size: INSERT_DOCS, extra: { runs: INSERT_RUNS, machine: host } });
    report({ name: `${name} (memory)`, value: round(b), unit, size: INSERT_DOCS, extra: { runs: INSERT_RUNS, machine: host } });
    report({ name: `${name} ratio sqlite/memory`, value: round(a / b), unit: 'x (higher is better)', size: INSERT_DOCS });
  };
  both('bulk insert', 'docs/s, median', sq.insertDocsPerS, mem.insertDocsPerS);
  // Wall time on a shared machine mostly measures the neighbours; CPU time of this process is steadier.
  both('bulk insert per CPU second', 'docs/cpu-s, median', sq.insertDocsPerCpuS, mem.insertDocsPerCpuS);
}

/**
 * The same figures on a plaintext and an encrypted file (ChaCha20-Poly1305, a raw 32-byte key:
 * store/sqlite/database.ts), side by side: one line each with `encrypted: false / true`, and their
 * ratio. The big files are rebuilt each run (the key is random), so they are smaller than the 1M one.
 */
async function compareEncryption(host: string, cacheDir: string): Promise<void> {
  const dir = path.join(cacheDir, `enc-${randomToken(6)}`);
  const storages = {
    plain: getRxStorageSQLite({ databaseDirectory: dir }),
    encrypted: getRxStorageSQLite({ databaseDirectory: dir, key: randomBytes(32) }),
  };
  const figures: Record<keyof typeof storages, Figures & { coldOpenMs: number }> = {} as never;
  try {
    for (const [label, storage] of Object.entries(storages) as [keyof typeof storages, RxStorage<unknown, unknown>][]) {
      const { f, inst } = await measure(`sqlite ${label}`, storage, ENCRYPTION_DOCS, `enc-big-${label}`);
      await inst.close();
      const t = performance.now();
      const reopened = await open(storage, `enc-big-${label}`);
      if ((await reopened.query(accountQueryAsc(7))).documents.length === 0) throw new Error('cold open query returned nothing');
      const coldOpenMs = performance.now() - t;
      await reopened.remove();
      figures[label] = { ...f, coldOpenMs };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pair = (
    name: string,
    unit: string,
    size: number,
    pick: (f: Figures & { coldOpenMs: number }) => number,
    higherIsBetter: boolean,
  ) => {
    for (const encrypted of [false, true]) {
      const f = figures[encrypted ? 'encrypted' : 'plain'];
      report({
        name: `${name} (sqlite-ds)`,
        value: round(pick(f)),
        unit,
        size,
        extra: { encrypted, cipher: encrypted ? 'chacha20' : null, machine: host },
      });
    }
    report({
      name: `${name} ratio encrypted/plain`,
      value: round(pick(figures.encrypted) / pick(figures.plain)),
      unit: higherIsBetter ? 'x (higher is better)' : 'x (lower is better)',
      size,
    });
  };
  pair('bulk insert', 'docs/s, median', INSERT_DOCS, (f) => f.insertDocsPerS, true);
  pair('bulk insert per CPU second', 'docs/cpu-s, median', INSERT_DOCS, (f) => f.insertDocsPerCpuS, true);
  pair('indexed query 100 docs [accountId,at] asc', 'ms wall, median of 50', ENCRYPTION_DOCS, (f) => f.queryMs.wall, false);
  pair('indexed query 100 docs [accountId,at] asc CPU', 'ms cpu, median of 50', ENCRYPTION_DOCS, (f) => f.queryMs.cpu, false);
  pair('indexed query 100 docs [accountId,at] desc (resort)', 'ms wall, median of 50', ENCRYPTION_DOCS, (f) => f.queryDescMs.wall, false);
  pair('count by accountId', 'ms wall, median of 50', ENCRYPTION_DOCS, (f) => f.countMs.wall, false);
  pair('getChangedDocumentsSince 1000', 'ms wall, median of 20', ENCRYPTION_DOCS, (f) => f.changesMs.wall, false);
  pair('cold open to first query', 'ms', ENCRYPTION_DOCS, (f) => f.coldOpenMs, false);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

await main();
