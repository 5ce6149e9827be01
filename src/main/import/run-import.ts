// Main process (or plain Node for the CLI and tests): CRM CSV files → the store. One path for
// the wizard's preview (dryRun: everything but the writes), the wizard's run and `npm run
// import`. Files are read in order of what links to what (users, accounts, people, deals,
// activities), rows are built by the pure builder (src/shared/import) in batches of records,
// and each batch is stored in pieces: read what is there, merge, validate once, one bulk write.
// Cancel stops between batches: records written so far stay, whole (a record is never
// half-written); importing the same files again completes the rest, since a re-import updates
// and never duplicates.
//
// Speed and the main thread: everything here runs on the thread that serves the windows, in
// slices of a few ms with a turn of the event loop between them (time-slice.ts): rows are built
// until the slice is used up, and a batch is stored in pieces that each fit a slice. Measured in
// test/bench/import.bench.ts (100k activities with their accounts and contacts).
import type { RxCollection } from 'rxdb';
import type { StageChange } from '@shared/domain';
import { canonicalJson } from '@shared/sync';
import {
  COLLECTION_OF,
  LINK_OF,
  RowBuilder,
  checkDoc,
  createdDoc,
  type FilePlan,
  type ImportSettings,
  type Planned,
  type RowIssue,
} from '@shared/import/build';
import { EXPORT_COLLECTIONS, collectionOfHeader, fromCells, type ExportCollection } from '@shared/import/deepsales';
import { LinkIndex } from '@shared/import/links';
import { IMPORT_KINDS, autoMapping, detectCrm, detectKind, type ColumnMapping, type Crm, type ImportKind } from '@shared/import/presets';
import { reconcile } from '@shared/import/reconcile';
import type { StageTarget } from '@shared/import/stages';
import { detectDateOrder, type DateOrder } from '@shared/import/values';
import type { Store } from '../store';
import { csvRecords, sniffCsv, type SniffedCsv } from './csv-source';
import { SLICE_MS, TimeSlicer } from './time-slice';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface FileOverride {
  crm?: Crm;
  kind?: ImportKind;
  mapping?: ColumnMapping;
  dateOrder?: DateOrder;
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  conflicts: number;
}

export interface FileSummary {
  file: string;
  crm: Crm;
  /** CRM files: the kind of records; our own export: the collection. */
  kind: ImportKind | ExportCollection;
  headers: string[];
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  encoding: string;
  delimiter: string;
  rows: number;
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
}

const MAX_ISSUES = 1000;
const SAMPLE_ROWS = 5;
const KIND_ORDER: readonly ImportKind[] = IMPORT_KINDS;
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

interface Described extends FileSummary {
  sniffed: SniffedCsv;
  source: ImportFile;
  collection: ExportCollection | null;
}

/** Header, CRM, kind, mapping and date order of one file (reads its first 200 records). */
async function describe(file: ImportFile, override: FileOverride | undefined): Promise<Described | null> {
  const sniffed = await sniffCsv(file.bytes);
  const sample: string[][] = [];
  for await (const { record } of csvRecords(file.bytes, { sniffed })) {
    sample.push(record);
    if (sample.length > 200) break;
  }
  const headers = (sample[0] ?? []).map((h) => h.trim());
  if (headers.length === 0) return null;
  const crm = override?.crm ?? detectCrm(headers);
  const collection = crm === 'deepsales' ? collectionOfHeader(headers, file.name) : null;
  const kind = override?.kind ?? detectKind(headers, crm, file.name);
  const mapping = override?.mapping && override.mapping.length === headers.length ? override.mapping : autoMapping(headers, crm, kind);
  const dateCols = mapping.map((t, i) => (t && /^(at|createdAt|closeDate|stageChangedAt)$/.test(t) ? i : -1)).filter((i) => i >= 0);
  const dateOrder = override?.dateOrder ?? detectDateOrder(sample.slice(1).flatMap((r) => dateCols.map((i) => r[i] ?? '')));
  return {
    file: file.name,
    crm,
    kind: collection ?? kind,
    headers,
    mapping,
    dateOrder,
    encoding: sniffed.encoding,
    delimiter: sniffed.delimiter,
    rows: 0,
    sniffed,
    source: file,
    collection,
  };
}

/** Fills the link index from the store, page by page with a turn between pages. */
async function loadIndex(store: Store, index: LinkIndex, slicer: TimeSlicer): Promise<void> {
  // 1,000 documents are read and made into RxDocuments in a few ms; 5,000 took 50 ms and more.
  const PAGE = 1000;
  const page = async <T extends { id: string }>(coll: RxCollection<T>, add: (doc: T) => void) => {
    let last = '';
    for (;;) {
      if (slicer.due) await slicer.turn();
      const docs = await coll.find({ selector: { id: { $gt: last } } as never, sort: [{ id: 'asc' } as never], limit: PAGE }).exec();
      for (const d of docs) add(d.toJSON() as T);
      if (docs.length < PAGE) return;
      last = docs[docs.length - 1]!.primary;
    }
  };
  await page(store.teammembers, (m) => index.add('member', { id: m.id, name: m.name, email: m.email || undefined, source: m.source }));
  await page(store.accounts, (a) => index.add('account', { id: a.id, name: a.name, website: a.website, source: a.source }));
  await page(store.stakeholders, (s) =>
    index.add('person', { id: s.id, name: s.name, email: s.email, accountId: s.accountId, source: s.source }),
  );
  await page(store.opportunities, (o) => index.add('opportunity', { id: o.id, name: o.name, accountId: o.accountId, source: o.source }));
}

/** The owner of rows that name none: the one asked for, else the first team member, else none yet. */
async function defaultOwner(store: Store, given: string | null | undefined): Promise<string> {
  if (given && (await store.teammembers.findOne(given).exec())) return given;
  const first = await store.teammembers.findOne({ selector: {}, sort: [{ id: 'asc' }] }).exec();
  // An empty team: the row builder adds an "Imported owner" to reassign, if a row needs one.
  return first?.id ?? '';
}

export async function runImport(options: RunImportOptions): Promise<ImportReport> {
  const { store, now, dryRun = false } = options;
  const batchSize = options.batchSize ?? 500;
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
  const described: Described[] = [];
  for (const file of options.files) {
    const d = await describe(file, options.overrides?.[file.name]);
    if (!d) {
      issue({
        file: file.name,
        line: 1,
        code: 'DS_IMPORT_EMPTY_FILE',
        message: 'The file is empty: it has no header row. Export it again with its column names.',
        severity: 'error',
      });
      continue;
    }
    described.push(d);
  }
  const rank = (d: Described) => (d.collection ? EXPORT_COLLECTIONS.indexOf(d.collection) : 100 + KIND_ORDER.indexOf(d.kind as ImportKind));
  described.sort((a, b) => rank(a) - rank(b));
  report.files = described.map(({ sniffed: _s, source: _f, collection: _c, ...summary }) => summary);

  const index = new LinkIndex();
  await loadIndex(store, index, slicer);
  const settings: ImportSettings = {
    stageMap: options.stageMap ?? {},
    ownerMap: options.ownerMap ?? {},
    defaultOwnerId: '',
    defaultCurrency: options.defaultCurrency ?? 'USD',
    now,
  };
  const builder = new RowBuilder(index, settings);
  // Chosen when the first CRM file starts, after the team of our own export (if any) is in.
  const chooseDefaultOwner = async () => {
    if (!settings.defaultOwnerId) settings.defaultOwnerId = await defaultOwner(store, options.defaultOwnerId);
  };
  const writtenMembers = new Set<string>();
  const stages = new Set<string>();
  const owners = new Set<string>();

  const totalBytes = described.reduce((s, d) => s + d.source.bytes.length, 0) || 1;
  let doneBytes = 0;
  let lastProgress = 0;
  const progress = (fileBytes: number, message: string, force = false) => {
    const t = performance.now();
    if (!force && t - lastProgress < 100) return;
    lastProgress = t;
    options.onProgress?.(Math.min(1, (doneBytes + fileBytes) / totalBytes), message);
  };

  const flushMembers = async () => {
    const fresh = [...builder.newMembers.values()].filter((m) => !writtenMembers.has(m.id));
    if (!fresh.length) return;
    for (const m of fresh) writtenMembers.add(m.id);
    report.newMembers.push(...fresh.map((m) => ({ id: m.id, name: m.doc.name })));
    countsOf('users').created += fresh.length;
    if (!dryRun) await store.teammembers.bulkUpsert(fresh.map((m) => ({ ...m.doc, updatedAt: now })));
  };

  type Row = { planned: Planned; line: number };
  /** One piece of a batch: what is stored already, the merge, one validation, one bulk write. */
  const storeCrmPiece = async (d: Described, piece: Row[], sample: Record<string, unknown>[]) => {
    const kind = d.kind as ImportKind;
    const collection = COLLECTION_OF[kind];
    const coll = store[collection] as unknown as RxCollection<Doc>;
    const existing = dryRun ? new Map() : await coll.findByIds(piece.map((r) => r.planned.id)).exec();
    const creates: Doc[] = [];
    const updates: Doc[] = [];
    const counts = countsOf(kind);
    for (const { planned, line } of piece) {
      const before = existing.get(planned.id)?.toJSON() as Record<string, unknown> | undefined;
      let doc: Record<string, unknown>;
      let outcome: 'created' | 'updated' | 'unchanged';
      if (!before) {
        doc = createdDoc(planned, now);
        outcome = 'created';
      } else {
        const r = reconcile(before, planned.fields, { ...planned.source, importedAt: now }, now);
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
      }
      // Validated once, as it will be stored. A merged document is stored as the schema reads it;
      // a created one as built (it is all the builder's own fields, so reading changes nothing).
      if (outcome !== 'unchanged') {
        const checked = checkDoc(collection, doc);
        if (!checked.ok) {
          counts.failed++;
          issue({ file: d.file, line, code: 'DS_IMPORT_INVALID_ROW', message: checked.message, severity: 'error' });
          continue;
        }
        if (outcome === 'updated') doc = checked.doc;
      }
      for (const w of planned.warnings) issue(w);
      counts[outcome]++;
      if (sample.length < SAMPLE_ROWS) sample.push(doc);
      if (outcome !== 'unchanged') (outcome === 'created' ? creates : updates).push(doc);
      const link = LINK_OF[kind];
      if (link && planned.link) index.add(link, planned.link);
    }
    if (!dryRun && (creates.length || updates.length)) {
      const created = new Set(creates.map((doc) => doc.id));
      for (const e of await writePiece(coll, creates, updates)) {
        counts.failed++;
        const was = created.has(e.documentId) ? 'created' : 'updated';
        counts[was] = Math.max(0, counts[was] - 1);
        const line = piece.find((r) => r.planned.id === e.documentId)?.line ?? 0;
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

  const flushCrm = async (d: Described, batch: Row[], sample: Record<string, unknown>[]) => {
    if (!batch.length) return;
    await flushMembers();
    await inPieces(batch, pieceSize, slicer, (piece) => storeCrmPiece(d, piece, sample));
  };

  type OwnRow = { doc: Record<string, unknown>; line: number };
  const storeOwnPiece = async (d: Described, piece: OwnRow[], sample: Record<string, unknown>[]) => {
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
  const flushOwn = async (d: Described, batch: OwnRow[], sample: Record<string, unknown>[]) => {
    if (!batch.length) return;
    await inPieces(batch, pieceSize, slicer, (piece) => storeOwnPiece(d, piece, sample));
  };

  outer: for (const d of described) {
    const sample: Record<string, unknown>[] = [];
    report.samples.push({ file: d.file, docs: sample });
    const summary = report.files.find((f) => f.file === d.file)!;
    const stageCol = d.mapping.indexOf('stage');
    const ownerCol = d.mapping.indexOf('owner');
    if (!d.collection) await chooseDefaultOwner();
    const plan: FilePlan = { file: d.file, crm: d.crm, kind: d.kind as ImportKind, mapping: d.mapping, dateOrder: d.dateOrder };
    let crmBatch: Row[] = [];
    let ownBatch: OwnRow[] = [];
    const inBatch = new Set<string>();
    let fileBytes = 0;
    let header = true;
    const records = csvRecords(d.source.bytes, {
      sniffed: d.sniffed,
      onBytes: (b) => {
        fileBytes = b;
        progress(b, `Importing ${d.file}`);
      },
      onUnreadable: (u) => {
        countsOf(d.collection ? COUNT_KEY[d.collection] : d.kind).failed++;
        issue({
          file: d.file,
          line: u.line,
          code: 'DS_IMPORT_UNREADABLE',
          message: `The record starting on this line is not valid CSV (${u.message}); it and what follows it in the file were not read. Check its quotes.`,
          severity: 'error',
        });
      },
    });
    for await (const { record, line } of records) {
      if (header) {
        header = false;
        continue;
      }
      summary.rows++;
      if (slicer.due) await slicer.turn();
      if (d.collection) {
        const r = fromCells(d.collection, d.headers, record);
        if (!r.ok) {
          countsOf(COUNT_KEY[d.collection]).failed++;
          issue({ file: d.file, line, code: 'DS_IMPORT_INVALID_ROW', message: r.message, severity: 'error' });
          continue;
        }
        ownBatch.push({ doc: r.doc, line });
        if (ownBatch.length >= batchSize) {
          await flushOwn(d, ownBatch, sample);
          ownBatch = [];
          if (options.signal?.aborted) {
            report.cancelled = true;
            break outer;
          }
        }
        continue;
      }
      if (stageCol >= 0 && stages.size < 500 && record[stageCol]?.trim()) stages.add(record[stageCol]!.trim());
      if (ownerCol >= 0 && owners.size < 500 && record[ownerCol]?.trim()) owners.add(record[ownerCol]!.trim());
      const built = builder.build(plan, record, line);
      if (!built.ok) {
        countsOf(d.kind).failed++;
        issue(built.error);
        continue;
      }
      if (inBatch.has(built.planned.id)) {
        // The same record twice in one file: write the first before reading the second onto it.
        await flushCrm(d, crmBatch, sample);
        crmBatch = [];
        inBatch.clear();
      }
      inBatch.add(built.planned.id);
      crmBatch.push({ planned: built.planned, line });
      if (crmBatch.length >= batchSize) {
        await flushCrm(d, crmBatch, sample);
        progress(fileBytes, `Importing ${d.file}`);
        crmBatch = [];
        inBatch.clear();
        if (options.signal?.aborted) {
          report.cancelled = true;
          break outer;
        }
      }
    }
    if (options.signal?.aborted) {
      report.cancelled = true;
      break;
    }
    await (d.collection ? flushOwn(d, ownBatch, sample) : flushCrm(d, crmBatch, sample));
    if (d.rows === 0 && summary.rows === 0) {
      issue({
        file: d.file,
        line: 1,
        code: 'DS_IMPORT_HEADER_ONLY',
        message: 'The file has a header but no rows: nothing to import from it.',
        severity: 'warning',
      });
    }
    doneBytes += d.source.bytes.length;
    void fileBytes;
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
