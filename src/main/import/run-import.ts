// Main process (or plain Node for the CLI and tests): CRM CSV files → the store. One path for
// the wizard's preview (dryRun: everything but the writes), the wizard's run and `npm run
// import`. Files are read in order of what links to what (users, accounts, people, deals,
// activities), rows are built by the pure builder (src/shared/import) in batches of records,
// and each batch is stored in pieces: read what is there, merge, validate once, one bulk write.
// Cancel stops between batches: records written so far stay, whole (a record is never
// half-written); importing the same files again completes the rest, since a re-import updates
// and never duplicates.
//
// Threads: reading the files, mapping the columns and building and validating each row's record
// run on a worker thread of their own (planner.ts, started per import; it loads no RxDB), a few
// batches ahead of the writes. The main thread, which also serves the windows, only reads what
// is stored already, merges and writes, in pieces that each fit a slice of a few ms with a turn
// of the event loop between them (time-slice.ts). The thread failing or stopping ends the import
// with a coded error (DS_IMPORT_WORKER), records written before it kept. Measured in
// test/bench/import.bench.ts (100k activities with their accounts and contacts).
import type { Worker } from 'node:worker_threads';
import type { RxCollection } from 'rxdb';
import { ApiError } from '@shared/api';
import type { StageChange } from '@shared/domain';
import { canonicalJson } from '@shared/sync';
import { COLLECTION_OF, checkDoc, type ImportSettings, type NewMember, type RowIssue } from '@shared/import/build';
import type { ExportCollection } from '@shared/import/deepsales';
import type { Indexed, LinkKind } from '@shared/import/links';
import type { ImportKind } from '@shared/import/presets';
import { reconcile } from '@shared/import/reconcile';
import type { StageTarget } from '@shared/import/stages';
import { pauseForCheckpoint, type Store } from '../store';
import {
  crmPart,
  type DescribedFile,
  type FileOverride,
  type FileSummary,
  type Findings,
  type HostToPlanner,
  type OwnRow,
  type PlannedRow,
  type PlannerToHost,
} from './protocol';
import { SLICE_MS, TimeSlicer } from './time-slice';

export type { FileOverride, FileSummary } from './protocol';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  conflicts: number;
}

export interface ImportReport {
  files: FileSummary[];
  counts: Record<string, Counts>;
  errors: RowIssue[];
  warnings: RowIssue[];
  /** Distinct stage names and owner values met (for the wizard's mapping steps). */
  stages: string[];
  owners: string[];
  newMembers: { id: string; name: string }[];
  /** The first rows of each file as they will be (dry run) or were stored. */
  samples: { file: string; docs: Record<string, unknown>[] }[];
  cancelled: boolean;
}

export interface RunImportOptions {
  store: Store;
  files: ImportFile[];
  overrides?: Record<string, FileOverride>;
  stageMap?: Record<string, StageTarget>;
  ownerMap?: Record<string, string>;
  defaultCurrency?: string;
  defaultOwnerId?: string | null;
  now: number;
  dryRun?: boolean;
  signal?: AbortSignal;
  onProgress?: (fraction: number, message: string) => void;
  /** Records per batch: cancel and progress land between batches. */
  batchSize?: number;
  /** Ms of work between turns of the event loop (tests set 0 to turn as often as possible). */
  sliceMs?: number;
  /** Records per piece of a batch (PIECE); tests set it to the batch size for one write a batch. */
  pieceSize?: number;
  /** Tests only: the planning thread fails after this many rows. */
  crashThreadAfterRows?: number;
}

const MAX_ISSUES = 1000;
const SAMPLE_ROWS = 5;
const COUNT_KEY: Record<ExportCollection, string> = {
  teammembers: 'users',
  accounts: 'accounts',
  stakeholders: 'contacts',
  relationships: 'relationships',
  opportunities: 'opportunities',
  interactions: 'activities',
  journeysteps: 'journeysteps',
  workshopnotes: 'workshopnotes',
};

const emptyCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0, failed: 0, conflicts: 0 });

/**
 * Records stored in one piece: read what is there, merge, validate, write — one SQLite
 * transaction, with no turn of the event loop inside it (another write between our read and
 * our write would be overwritten). 128 records take ~6 ms on the bench machine (~45 µs each,
 * most of it validation and the write); a write's fixed cost makes much smaller pieces slower
 * overall (25 records a write cost twice the CPU per record of 500).
 */
const PIECE = 128;

/**
 * Ms of writing between pauses for the WAL checkpoint thread (pauseForCheckpoint): the WAL
 * then stays near what this much writing appends (~50 MB/s was measured on the 100k bench).
 */
const CHECKPOINT_EVERY_MS = 4_000;

type Doc = Record<string, unknown>;

/**
 * One piece's writes: new records with `bulkInsert`, records already there with `bulkUpsert`.
 * Why not `bulkUpsert` for all: it makes an RxDocument of every record it wrote (kept by RxDB's
 * document cache until a collection and a finalizer run), and over 100k new records those were
 * what the main thread's longest garbage collections had to go through; `bulkInsert` makes them
 * only when asked. A new record that meets a stored one after all (deleted here, a tombstone) is
 * written the way updates are. Returns the ids that could not be written, with the status.
 */
async function writePiece(coll: RxCollection<Doc>, creates: Doc[], updates: Doc[]): Promise<{ documentId: string; status: number }[]> {
  const failed: { documentId: string; status: number }[] = [];
  const upserts = [...updates];
  if (creates.length) {
    const inserted = await coll.bulkInsert(creates);
    const byId = new Map(creates.map((doc) => [doc.id as string, doc]));
    for (const e of inserted.error) {
      if (e.status === 409) upserts.push(byId.get(e.documentId)!);
      else failed.push(e);
    }
  }
  if (upserts.length) failed.push(...(await coll.bulkUpsert(upserts)).error);
  return failed;
}

/** Stores a batch piece by piece, a turn of the event loop whenever the slice is used up. */
async function inPieces<T>(batch: T[], size: number, slicer: TimeSlicer, store: (piece: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < batch.length; i += size) {
    if (slicer.due) await slicer.turn();
    await store(batch.slice(i, i + size));
  }
}

/** Sends the thread the records already stored, page by page with a turn between pages. */
async function loadIndex(store: Store, send: (entries: [LinkKind, Indexed][]) => void, slicer: TimeSlicer): Promise<void> {
  // 1,000 documents are read and made into RxDocuments in a few ms; 5,000 took 50 ms and more.
  const PAGE = 1000;
  const page = async <T extends { id: string }>(coll: RxCollection<T>, kind: LinkKind, entry: (doc: T) => Indexed) => {
    let last = '';
    for (;;) {
      if (slicer.due) await slicer.turn();
      const docs = await coll.find({ selector: { id: { $gt: last } } as never, sort: [{ id: 'asc' } as never], limit: PAGE }).exec();
      if (docs.length) send(docs.map((d) => [kind, entry(d.toJSON() as T)]));
      if (docs.length < PAGE) return;
      last = docs[docs.length - 1]!.primary;
    }
  };
  await page(store.teammembers, 'member', (m) => ({ id: m.id, name: m.name, email: m.email || undefined, source: m.source }));
  await page(store.accounts, 'account', (a) => ({ id: a.id, name: a.name, website: a.website, source: a.source }));
  await page(store.stakeholders, 'person', (s) => ({ id: s.id, name: s.name, email: s.email, accountId: s.accountId, source: s.source }));
  await page(store.opportunities, 'opportunity', (o) => ({ id: o.id, name: o.name, accountId: o.accountId, source: o.source }));
}

/** The owner of rows that name none: the one asked for, else the first team member, else none yet. */
async function defaultOwner(store: Store, given: string | null | undefined): Promise<string> {
  if (given && (await store.teammembers.findOne(given).exec())) return given;
  const first = await store.teammembers.findOne({ selector: {}, sort: [{ id: 'asc' }] }).exec();
  // An empty team: the row builder adds an "Imported owner" to reassign, if a row needs one.
  return first?.id ?? '';
}

/**
 * Shared memory the thread reads the files from: copied 1 MiB at a time, a turn between when the
 * slice is spent. The copy touches fresh pages (the kernel zeroes each on first touch): 4 MiB at a
 * time held the main thread 30–40 ms at the start of the 100k bench.
 */
async function sharedCopy(bytes: Uint8Array, slicer: TimeSlicer): Promise<SharedArrayBuffer> {
  const COPY = 2 ** 20;
  const shared = new SharedArrayBuffer(bytes.length);
  const view = new Uint8Array(shared);
  for (let i = 0; i < bytes.length; i += COPY) {
    if (slicer.due) await slicer.turn();
    view.set(bytes.subarray(i, i + COPY), i);
  }
  return shared;
}

const threadFailed = (detail: string) =>
  new ApiError(
    'DS_IMPORT_WORKER',
    `The import stopped: the thread that reads the files failed (${detail}). Records written before it are kept; run the import again to finish.`,
  );

type Answer = Exclude<PlannerToHost, { type: 'failed' }>;

/** The planning thread's messages, in order, awaited one at a time; its failure rejects the wait. */
class Planner {
  private readonly queue: Answer[] = [];
  private waiting: { resolve: (m: Answer) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private closed = false;

  constructor(private readonly worker: Worker) {
    let lastError: Error | null = null;
    worker.on('message', (m: PlannerToHost) => {
      if (m.type === 'failed')
        this.fail(
          new ApiError(
            m.code,
            `The import stopped on an unexpected error (${m.message.split('\n')[0]}). Records written before it are kept; run the import again to finish.`,
            { stack: m.message },
          ),
        );
      else this.push(m);
    });
    worker.on('error', (error) => {
      lastError = error;
      this.fail(threadFailed(error.message));
    });
    worker.once('exit', (code) => {
      if (!this.closed) this.fail(threadFailed(lastError?.message ?? `it exited with code ${code}`));
    });
  }

  static async start(): Promise<Planner> {
    const adapter = process.versions['electron'] ? await import('./spawn-electron') : await import('./spawn-node');
    return new Planner(adapter.createWorker({}));
  }

  /** Whether the thread can plan another import (it finished the last one and is running). */
  get usable(): boolean {
    return !this.failure && !this.closed && this.queue.length === 0;
  }

  /** Waiting for the next import: it does not keep the process alive meanwhile. */
  idle(): void {
    this.worker.unref();
  }

  busy(): void {
    this.worker.ref();
  }

  post(m: HostToPlanner): void {
    if (!this.closed && !this.failure) this.worker.postMessage(m);
  }

  next(): Promise<Answer> {
    const m = this.queue.shift();
    if (m) return Promise.resolve(m);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }

  private push(m: Answer): void {
    const w = this.waiting;
    this.waiting = null;
    if (w) w.resolve(m);
    else this.queue.push(m);
  }

  private fail(error: Error): void {
    if (this.failure || this.closed) return;
    this.failure = error;
    const w = this.waiting;
    this.waiting = null;
    w?.reject(error);
  }
}

/**
 * One thread kept between imports: starting one costs 0.1–1 s (plain Node compiles its
 * TypeScript), and the wizard's preview runs the whole plan again at each change. A thread that
 * failed, or whose import was cancelled or failed mid-file, is never reused.
 */
let idlePlanner: { planner: Planner; timer: NodeJS.Timeout } | null = null;
/** How long an unused thread stays. */
const IDLE_MS = 60_000;

/** A thread being started ahead of an import (prepareImport). */
let preparing: Promise<void> | null = null;

/**
 * Starts the thread ahead of an import, so the first preview does not wait for it (the wizard's
 * host calls it when files arrive). Nothing happens if one is kept already.
 */
export function prepareImport(): void {
  if (idlePlanner || preparing) return;
  preparing = Planner.start()
    .then((planner) => givePlanner(planner, true))
    // Not started now: the import itself starts one, and reports the failure if it fails again.
    .catch((error: unknown) => console.error('[import] DS_IMPORT_WORKER the thread could not start ahead', error))
    .finally(() => (preparing = null));
}

async function takePlanner(): Promise<Planner> {
  if (preparing) await preparing;
  const kept = idlePlanner;
  idlePlanner = null;
  if (kept) clearTimeout(kept.timer);
  if (kept?.planner.usable) {
    kept.planner.busy();
    return kept.planner;
  }
  if (kept) await kept.planner.close();
  return Planner.start();
}

async function givePlanner(planner: Planner, reusable: boolean): Promise<void> {
  if (!reusable || !planner.usable || idlePlanner) return planner.close();
  planner.idle();
  const timer = setTimeout(() => {
    if (idlePlanner?.planner !== planner) return;
    idlePlanner = null;
    void planner.close();
  }, IDLE_MS);
  timer.unref();
  idlePlanner = { planner, timer };
}

export async function runImport(options: RunImportOptions): Promise<ImportReport> {
  const planner = await takePlanner();
  let reusable = false;
  try {
    const report = await runWith(planner, options);
    reusable = !report.cancelled;
    return report;
  } finally {
    await givePlanner(planner, reusable);
  }
}

async function runWith(planner: Planner, options: RunImportOptions): Promise<ImportReport> {
  const { store, now, dryRun = false } = options;
  const slicer = new TimeSlicer(options.sliceMs ?? SLICE_MS);
  const pieceSize = Math.max(1, options.pieceSize ?? PIECE);
  const report: ImportReport = {
    files: [],
    counts: {},
    errors: [],
    warnings: [],
    stages: [],
    owners: [],
    newMembers: [],
    samples: [],
    cancelled: false,
  };
  const issue = (i: RowIssue) => {
    const list = i.severity === 'error' ? report.errors : report.warnings;
    if (list.length < MAX_ISSUES) list.push(i);
  };
  const countsOf = (key: string) => (report.counts[key] ??= emptyCounts());

  const files: { name: string; bytes: SharedArrayBuffer; length: number }[] = [];
  for (const f of options.files) files.push({ name: f.name, bytes: await sharedCopy(f.bytes, slicer), length: f.bytes.length });
  const settings: Omit<ImportSettings, 'defaultOwnerId'> = {
    stageMap: options.stageMap ?? {},
    ownerMap: options.ownerMap ?? {},
    defaultCurrency: options.defaultCurrency ?? 'USD',
    now,
  };
  planner.post({
    type: 'start',
    files,
    overrides: options.overrides ?? {},
    settings,
    batchSize: options.batchSize ?? 500,
    crashAfterRows: options.crashThreadAfterRows ?? null,
  });
  const first = await planner.next();
  if (first.type !== 'described') throw threadFailed(`it answered ${first.type} first`);
  for (const i of first.issues) issue(i);
  const described: DescribedFile[] = first.files;
  report.files = described.map(({ collection: _c, source: _s, ...summary }) => summary);
  await loadIndex(store, (entries) => planner.post({ type: 'links', entries }), slicer);

  // Chosen when the first CRM file starts, after the team of our own export (if any) is in.
  let ownerChosen = '';
  const newMembers = new Map<string, NewMember>();
  const stages = new Set<string>();
  const owners = new Set<string>();
  const writtenMembers = new Set<string>();
  let lastCheckpoint = performance.now();
  /** The file's records the schema refused when stored: the thread must not link to them. */
  let rejected: string[] = [];

  const totalBytes = options.files.reduce((s, f) => s + f.bytes.length, 0) || 1;
  let doneBytes = 0;
  let lastProgress = 0;
  const progress = (fileBytes: number, message: string, force = false) => {
    const t = performance.now();
    if (!force && t - lastProgress < 100) return;
    lastProgress = t;
    options.onProgress?.(Math.min(1, (doneBytes + fileBytes) / totalBytes), message);
  };

  const flushMembers = async () => {
    const fresh = [...newMembers.values()].filter((m) => !writtenMembers.has(m.id));
    if (!fresh.length) return;
    for (const m of fresh) writtenMembers.add(m.id);
    report.newMembers.push(...fresh.map((m) => ({ id: m.id, name: m.doc.name })));
    countsOf('users').created += fresh.length;
    if (!dryRun) await store.teammembers.bulkUpsert(fresh.map((m) => ({ ...m.doc, updatedAt: now })));
  };

  /** One piece of a batch: what is stored already, the merge, one validation, one bulk write. */
  const storeCrmPiece = async (d: DescribedFile, piece: PlannedRow[], sample: Record<string, unknown>[]) => {
    const kind = d.kind as ImportKind;
    const collection = COLLECTION_OF[kind];
    const coll = store[collection] as unknown as RxCollection<Doc>;
    const existing = dryRun ? new Map() : await coll.findByIds(piece.map((r) => r.id)).exec();
    const creates: Doc[] = [];
    const updates: Doc[] = [];
    const counts = countsOf(kind);
    for (const row of piece) {
      const before = existing.get(row.id)?.toJSON() as Record<string, unknown> | undefined;
      let doc: Record<string, unknown>;
      let outcome: 'created' | 'updated' | 'unchanged';
      let invalid: string | null = null;
      if (!before) {
        // Built and validated on the thread: a created record is stored as built.
        outcome = 'created';
        invalid = row.invalid;
        doc = row.created ?? {};
      } else {
        const { fields, source } = crmPart(row);
        const r = reconcile(before, fields, { ...source, importedAt: now }, now);
        doc = r.doc;
        outcome = r.outcome;
        counts.conflicts += r.conflicts;
        if (collection === 'opportunities' && r.changedFields.includes('stage') && !r.changedFields.includes('stageChangedAt')) {
          // The deal moved in the CRM since the last import: it entered its new stage now.
          const history = (before.stageHistory as StageChange[] | undefined) ?? [
            { stage: before.stage, at: before.stageChangedAt } as StageChange,
          ];
          doc.stageHistory = [...history, { stage: doc.stage, at: now }].slice(-50);
          doc.stageChangedAt = now;
        }
        // Validated once, as it will be stored: a merged document is stored as the schema reads it.
        if (outcome === 'updated') {
          const checked = checkDoc(collection, doc);
          if (checked.ok) doc = checked.doc;
          else invalid = checked.message;
        }
      }
      if (invalid !== null) {
        counts.failed++;
        rejected.push(row.id);
        issue({ file: d.file, line: row.line, code: 'DS_IMPORT_INVALID_ROW', message: invalid, severity: 'error' });
        continue;
      }
      for (const w of row.warnings ?? []) issue(w);
      counts[outcome]++;
      if (sample.length < SAMPLE_ROWS) sample.push(doc);
      if (outcome !== 'unchanged') (outcome === 'created' ? creates : updates).push(doc);
    }
    if (!dryRun && (creates.length || updates.length)) {
      const created = new Set(creates.map((doc) => doc.id));
      for (const e of await writePiece(coll, creates, updates)) {
        counts.failed++;
        const was = created.has(e.documentId) ? 'created' : 'updated';
        counts[was] = Math.max(0, counts[was] - 1);
        const line = piece.find((r) => r.id === e.documentId)?.line ?? 0;
        issue({
          file: d.file,
          line,
          code: 'DS_IMPORT_WRITE',
          message: `Record ${e.documentId} could not be written (${e.status}).`,
          severity: 'error',
        });
      }
    }
  };

  const storeOwnPiece = async (d: DescribedFile, piece: OwnRow[], sample: Record<string, unknown>[]) => {
    const collection = d.collection!;
    const coll = store[collection] as unknown as RxCollection<Doc>;
    const existing = dryRun ? new Map() : await coll.findByIds(piece.map((r) => r.doc.id as string)).exec();
    const counts = countsOf(COUNT_KEY[collection]);
    const creates: Doc[] = [];
    const updates: Doc[] = [];
    for (const { doc } of piece) {
      const before = existing.get(doc.id as string)?.toJSON() as Record<string, unknown> | undefined;
      if (sample.length < SAMPLE_ROWS) sample.push(doc);
      if (before && canonicalJson(before) === canonicalJson(doc)) {
        counts.unchanged++;
        continue;
      }
      counts[before ? 'updated' : 'created']++;
      (before ? updates : creates).push(doc);
    }
    if (dryRun) return;
    const created = new Set(creates.map((doc) => doc.id));
    for (const e of await writePiece(coll, creates, updates)) {
      counts.failed++;
      const was = created.has(e.documentId) ? 'created' : 'updated';
      counts[was] = Math.max(0, counts[was] - 1);
      issue({
        file: d.file,
        line: piece.find((r) => r.doc.id === e.documentId)?.line ?? 0,
        code: 'DS_IMPORT_WRITE',
        message: `Record ${e.documentId} could not be written (${e.status}).`,
        severity: 'error',
      });
    }
  };

  /** Row errors, failed rows and new team members the thread found, counted for the file. */
  const take = (d: DescribedFile, f: Findings) => {
    for (const i of f.issues) issue(i);
    if (f.failed) countsOf(d.collection ? COUNT_KEY[d.collection] : d.kind).failed += f.failed;
    for (const m of f.members) newMembers.set(m.id, m);
    for (const s of f.stages) stages.add(s);
    for (const o of f.owners) owners.add(o);
  };

  outer: for (let at = 0; at < described.length; at++) {
    const d = described[at]!;
    const sample: Record<string, unknown>[] = [];
    report.samples.push({ file: d.file, docs: sample });
    const summary = report.files[at]!;
    let defaultOwnerId: string | null = null;
    if (!d.collection && !ownerChosen) defaultOwnerId = ownerChosen = await defaultOwner(store, options.defaultOwnerId);
    planner.post({ type: 'file', at, defaultOwnerId, rejected });
    rejected = [];
    for (;;) {
      const m = await planner.next();
      if (m.type === 'described' || m.at !== at) throw threadFailed(`it sent ${m.type} out of turn`);
      take(d, m);
      summary.rows = m.rows;
      if (m.type === 'fileEnd') break;
      planner.post({ type: 'credit' });
      if (options.signal?.aborted) {
        report.cancelled = true;
        break outer;
      }
      if (!dryRun && performance.now() - lastCheckpoint > CHECKPOINT_EVERY_MS) {
        await pauseForCheckpoint(store);
        lastCheckpoint = performance.now();
      }
      if (m.crm.length) {
        await flushMembers();
        await inPieces(m.crm, pieceSize, slicer, (piece) => storeCrmPiece(d, piece, sample));
      } else await inPieces(m.own, pieceSize, slicer, (piece) => storeOwnPiece(d, piece, sample));
      progress(m.bytes, `Importing ${d.file}`);
      if (options.signal?.aborted) {
        report.cancelled = true;
        break outer;
      }
    }
    doneBytes += options.files[d.source]!.bytes.length;
    progress(0, `Imported ${d.file}`, true);
  }
  await flushMembers();
  // Row errors are found while building (links, values) or while storing (validation), a piece
  // later: listed by file and line, as a person reads them.
  const fileRank = new Map(report.files.map((f, i) => [f.file, i]));
  const byPlace = (a: RowIssue, b: RowIssue) => (fileRank.get(a.file) ?? -1) - (fileRank.get(b.file) ?? -1) || a.line - b.line;
  report.errors.sort(byPlace);
  report.warnings.sort(byPlace);
  report.stages = [...stages].sort();
  report.owners = [...owners].sort();
  options.onProgress?.(1, report.cancelled ? 'Import cancelled' : 'Import finished');
  return report;
}
