// Import planning thread (Node, worker_threads; see worker.ts): everything an import does before
// a write — the files' encoding, delimiter and records, their CRM, kind, column mapping and date
// order, and each row's record through the pure builder (src/shared/import/build), validated as
// it would be created. Rows go to the main thread in batches (protocol.ts), which stores them.
// It loads no store and no RxDB: the records already stored that rows link to come from the
// main thread, and the records of each file become linkable once the main thread has stored it
// (the next file waits for that, as links point from later files to earlier ones only).
import { EXPORT_COLLECTIONS, collectionOfHeader, fromCells } from '@shared/import/deepsales';
import { LINK_OF, RowBuilder, checkDoc, createdDoc, type FilePlan, type ImportSettings, type RowIssue } from '@shared/import/build';
import { LinkIndex, type Indexed, type LinkKind } from '@shared/import/links';
import { IMPORT_KINDS, autoMapping, detectCrm, detectKind, type ImportKind } from '@shared/import/presets';
import { detectDateOrder } from '@shared/import/values';
import { csvRecords, sniffCsv, type SniffedCsv } from './csv-source';
import type { DescribedFile, FileOverride, Findings, HostToPlanner, OwnRow, PlannedRow, PlannerToHost } from './protocol';

/** Batches the thread may plan ahead of the main thread's writes (memory stays bounded). */
const AHEAD = 4;

interface Described extends DescribedFile {
  sniffed: SniffedCsv;
  bytes: Uint8Array;
}

/** Header, CRM, kind, mapping and date order of one file (reads its first 200 records). */
async function describe(name: string, source: number, bytes: Uint8Array, override: FileOverride | undefined): Promise<Described | null> {
  const sniffed = await sniffCsv(bytes);
  const sample: string[][] = [];
  for await (const { record } of csvRecords(bytes, { sniffed })) {
    sample.push(record);
    if (sample.length > 200) break;
  }
  const headers = (sample[0] ?? []).map((h) => h.trim());
  if (headers.length === 0) return null;
  const crm = override?.crm ?? detectCrm(headers);
  const collection = crm === 'deepsales' ? collectionOfHeader(headers, name) : null;
  const kind = override?.kind ?? detectKind(headers, crm, name);
  const mapping = override?.mapping && override.mapping.length === headers.length ? override.mapping : autoMapping(headers, crm, kind);
  const dateCols = mapping.map((t, i) => (t && /^(at|createdAt|closeDate|stageChangedAt)$/.test(t) ? i : -1)).filter((i) => i >= 0);
  const dateOrder = override?.dateOrder ?? detectDateOrder(sample.slice(1).flatMap((r) => dateCols.map((i) => r[i] ?? '')));
  return {
    file: name,
    crm,
    kind: collection ?? kind,
    headers,
    mapping,
    dateOrder,
    encoding: sniffed.encoding,
    delimiter: sniffed.delimiter,
    rows: 0,
    collection,
    source,
    sniffed,
    bytes,
  };
}

const rank = (d: Described) => (d.collection ? EXPORT_COLLECTIONS.indexOf(d.collection) : 100 + IMPORT_KINDS.indexOf(d.kind as ImportKind));

export class ImportPlanner {
  private described: Described[] = [];
  private readonly index = new LinkIndex();
  private settings: ImportSettings | null = null;
  private builder: RowBuilder | null = null;
  private batchSize = 500;
  private crashAfterRows: number | null = null;
  private rowsPlanned = 0;
  /** Links of the file last planned, added once the main thread has stored it. */
  private pendingLinks: [LinkKind, Indexed][] = [];
  private readonly sentMembers = new Set<string>();
  private readonly stages = new Set<string>();
  private readonly owners = new Set<string>();
  private findings: Findings = { issues: [], failed: 0, members: [], stages: [], owners: [] };
  private credit = AHEAD;
  private wake: (() => void) | null = null;

  constructor(private readonly post: (m: PlannerToHost) => void) {}

  /** One message from the main thread; failures are posted back, coded. */
  handle(m: HostToPlanner): void {
    const run = (work: Promise<void>) =>
      work.catch((error: unknown) =>
        this.post({
          type: 'failed',
          code: 'DS_IMPORT_FAILED',
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
      );
    switch (m.type) {
      case 'start':
        void run(this.start(m));
        return;
      case 'links':
        for (const [kind, rec] of m.entries) this.index.add(kind, rec);
        return;
      case 'file':
        void run(this.plan(m.at, m.defaultOwnerId, m.rejected));
        return;
      case 'credit':
        this.credit++;
        this.wake?.();
        return;
    }
  }

  private async start(m: Extract<HostToPlanner, { type: 'start' }>): Promise<void> {
    this.settings = { ...m.settings, defaultOwnerId: '' };
    this.builder = new RowBuilder(this.index, this.settings);
    this.batchSize = m.batchSize;
    this.crashAfterRows = m.crashAfterRows;
    const issues: RowIssue[] = [];
    for (const [at, f] of m.files.entries()) {
      // A copy of the thread's own: text decoders read shared memory, but copying here keeps
      // the main thread's buffer free to go as soon as the message is sent.
      const bytes = new Uint8Array(new Uint8Array(f.bytes, 0, f.length));
      const d = await describe(f.name, at, bytes, m.overrides[f.name]);
      if (d) this.described.push(d);
      else
        issues.push({
          file: f.name,
          line: 1,
          code: 'DS_IMPORT_EMPTY_FILE',
          message: 'The file is empty: it has no header row. Export it again with its column names.',
          severity: 'error',
        });
    }
    this.described.sort((a, b) => rank(a) - rank(b));
    this.post({ type: 'described', files: this.described.map(({ sniffed: _s, bytes: _b, ...file }) => file), issues });
  }

  /** A stage name or owner value, noted the first time it is met (500 of each at most). */
  private met(seen: Set<string>, fresh: string[], cell: string | undefined): void {
    const value = cell?.trim();
    if (!value || seen.size >= 500 || seen.has(value)) return;
    seen.add(value);
    fresh.push(value);
  }

  private issue(i: RowIssue, failed: boolean): void {
    this.findings.issues.push(i);
    if (failed) this.findings.failed++;
  }

  /** What was found since the last message, new team members included. */
  private takeFindings(): Findings {
    for (const m of this.builder!.newMembers.values()) {
      if (this.sentMembers.has(m.id)) continue;
      this.sentMembers.add(m.id);
      this.findings.members.push(m);
    }
    const out = this.findings;
    this.findings = { issues: [], failed: 0, members: [], stages: [], owners: [] };
    return out;
  }

  private async plan(at: number, defaultOwnerId: string | null, rejected: string[]): Promise<void> {
    const builder = this.builder!;
    const settings = this.settings!;
    const refused = new Set(rejected);
    for (const [kind, rec] of this.pendingLinks) if (!refused.has(rec.id)) this.index.add(kind, rec);
    this.pendingLinks = [];
    if (defaultOwnerId !== null && !settings.defaultOwnerId) settings.defaultOwnerId = defaultOwnerId;

    const d = this.described[at]!;
    const plan: FilePlan = { file: d.file, crm: d.crm, kind: d.kind as ImportKind, mapping: d.mapping, dateOrder: d.dateOrder };
    const link = d.collection ? null : LINK_OF[d.kind as ImportKind];
    const stageCol = d.mapping.indexOf('stage');
    const ownerCol = d.mapping.indexOf('owner');
    let crm: PlannedRow[] = [];
    let own: OwnRow[] = [];
    const inBatch = new Set<string>();
    let rows = 0;
    let bytes = 0;
    let header = true;
    const send = async () => {
      if (!crm.length && !own.length) return;
      while (this.credit <= 0) await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
      this.credit--;
      this.post({ type: 'batch', at, crm, own, rows, bytes, ...this.takeFindings() });
      crm = [];
      own = [];
      inBatch.clear();
    };
    const records = csvRecords(d.bytes, {
      sniffed: d.sniffed,
      onBytes: (b) => (bytes = b),
      onUnreadable: (u) =>
        this.issue(
          {
            file: d.file,
            line: u.line,
            code: 'DS_IMPORT_UNREADABLE',
            message: `The record starting on this line is not valid CSV (${u.message}); it and what follows it in the file were not read. Check its quotes.`,
            severity: 'error',
          },
          true,
        ),
    });
    for await (const { record, line } of records) {
      if (header) {
        header = false;
        continue;
      }
      rows++;
      if (this.crashAfterRows !== null && ++this.rowsPlanned > this.crashAfterRows) {
        // Tests only: an uncaught failure of the thread itself, as a bug or a crash would be.
        setImmediate(() => {
          throw new Error('test crash of the import thread');
        });
        await new Promise(() => undefined);
      }
      if (d.collection) {
        const r = fromCells(d.collection, d.headers, record);
        if (!r.ok) {
          this.issue({ file: d.file, line, code: 'DS_IMPORT_INVALID_ROW', message: r.message, severity: 'error' }, true);
          continue;
        }
        own.push({ doc: r.doc, line });
        if (own.length >= this.batchSize) await send();
        continue;
      }
      if (stageCol >= 0) this.met(this.stages, this.findings.stages, record[stageCol]);
      if (ownerCol >= 0) this.met(this.owners, this.findings.owners, record[ownerCol]);
      const built = builder.build(plan, record, line);
      if (!built.ok) {
        this.issue(built.error, true);
        continue;
      }
      const { planned } = built;
      // The same record twice in one file: the first is stored before the second is read onto it.
      if (inBatch.has(planned.id)) await send();
      inBatch.add(planned.id);
      const doc = createdDoc(planned, settings.now);
      const checked = checkDoc(planned.collection, doc);
      crm.push({
        id: planned.id,
        line,
        warnings: planned.warnings.length ? planned.warnings : null,
        created: checked.ok ? doc : null,
        fieldNames: Object.keys(planned.fields).join(' '),
        invalid: checked.ok ? null : checked.message,
        fields: checked.ok ? null : planned.fields,
        source: checked.ok ? null : planned.source,
      });
      if (link && planned.link) this.pendingLinks.push([link, planned.link]);
      if (crm.length >= this.batchSize) await send();
    }
    await send();
    if (rows === 0) {
      this.issue(
        {
          file: d.file,
          line: 1,
          code: 'DS_IMPORT_HEADER_ONLY',
          message: 'The file has a header but no rows: nothing to import from it.',
          severity: 'warning',
        },
        false,
      );
    }
    this.post({ type: 'fileEnd', at, rows, ...this.takeFindings() });
  }
}
