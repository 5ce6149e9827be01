// Scoring worker thread (Node): the store's read-only snapshot reader, the one face of the store
// that scoring's worker imports. It knows the SQLite layout (src/main/store/sqlite/table.ts: one
// table per collection and schema version with columns id, deleted, lwt, rev and `data`, the
// document as JSON) so no code outside src/main/store has to. The file is in WAL mode, so this
// reader sees the last committed snapshot and never blocks the main thread writing, nor is
// blocked by it. Kept apart from index.ts on purpose: index.ts loads RxDB, which the worker
// never needs (its memory is one of scoring's figures).
import { openDatabase } from './sqlite/database';
import { encodeIndexKey } from './sqlite/index-key';

/** The SQLite module for worker threads that keep a database of their own (the search thread's
 * index, in a scratch file encrypted under a key of its own), without loading RxDB through
 * index.ts; one function keys every file (database.ts). */
export { Database, DATABASE_KEY_BYTES, openDatabase } from './sqlite/database';

/** Where a workspace's snapshot is read from; plain data, so it can be posted to a worker. */
export interface SnapshotSpec {
  filePath: string;
  /** Collection name → its table (schema versions differ per collection). */
  tables: Record<string, string>;
  /** The file's key as hex (database.ts), absent for a plaintext file. */
  key?: string;
  /** Per collection, the indexes `byKey` reads through (scores.ts finds them in the schema). */
  keys?: Record<string, Partial<Record<SnapshotKey, KeyedRead>>>;
}

/** Fields the snapshot can read documents by, through an index. */
export type SnapshotKey = 'accountId' | 'opportunityId';

/** An index whose key starts with the document's deleted flag ('0' live) then the field padded to `width`. */
export interface KeyedRead {
  /** The index column, quoted. */
  column: string;
  width: number;
}

export type SnapshotRow = Record<string, unknown> & { id: string };

export interface StoreSnapshot {
  /** Every live document of a collection, in batches (a million interactions never sit in one array). */
  scan(collection: string, batch: number, onBatch: (docs: SnapshotRow[]) => void): void;
  /**
   * One page of live documents in storage order (rowid), starting after `after` (0 for the first
   * page): for readers that must stop between pages, such as the search thread answering queries
   * while it builds. `next` is where the following page starts, null after the last one.
   */
  page(collection: string, after: number, limit: number): { docs: SnapshotRow[]; next: number | null };
  /**
   * Live documents whose `field` is one of `values`, in storage order (rowid, as `scan` and
   * `page` give them), read through the index that starts with that field: one account's
   * people or interactions without reading the others'. Null when the collection has no such
   * index (the caller reads them by scanning instead).
   */
  byKey(collection: string, field: SnapshotKey, values: Iterable<string>): SnapshotRow[] | null;
  /** Live documents of a collection. */
  count(collection: string): number;
  /** Current version of these ids: live docs, and the ids that are gone (deleted or purged) with their account if known. */
  read(collection: string, ids: readonly string[]): { live: SnapshotRow[]; gone: { id: string; accountId?: string }[] };
  /**
   * Sets the page cache to `kib` (every connection opens with 64 MiB, database.ts), freeing the
   * pages over it: for readers that pass each page once (a bulk scan), where a big cache only
   * fills up (and its memory stays with the thread's malloc arena once freed).
   */
  trimCache(kib: number): void;
  /** The stored scores' ids and payload text (none before the host first stored any). */
  storedScores(onRow: (id: string, payload: string) => void): void;
  close(): void;
}

export function openStoreSnapshot(spec: SnapshotSpec): StoreSnapshot {
  // Keyed like every connection, with its 64 MiB page cache: each page read from disk is
  // decrypted, so a small cache would decrypt the same index pages again and again.
  const db = openDatabase(spec.filePath, { readonly: true, fileMustExist: true, key: spec.key ? Buffer.from(spec.key, 'hex') : null });
  db.pragma('query_only = ON');
  const exists = (t: string) => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t) !== undefined;
  const quoted = (t: string) => `"${t.replace(/"/g, '""')}"`;
  const tableOf = (collection: string) => {
    const t = spec.tables[collection];
    if (!t) throw new Error(`DS_STORE_ERROR: no table known for collection ${collection}`);
    return t;
  };
  return {
    scan(collection, batch, onBatch) {
      const t = tableOf(collection);
      // A collection nobody wrote to yet has no table: nothing to read, not an error.
      if (!exists(t)) return;
      let docs: SnapshotRow[] = [];
      for (const row of db
        .prepare(`SELECT data FROM ${quoted(t)} WHERE deleted = 0`)
        .pluck()
        .iterate() as Iterable<string>) {
        docs.push(JSON.parse(row) as SnapshotRow);
        if (docs.length >= batch) {
          onBatch(docs);
          docs = [];
        }
      }
      if (docs.length) onBatch(docs);
    },
    trimCache(kib) {
      db.pragma(`cache_size = -${Math.max(0, Math.floor(kib))}`);
    },
    page(collection, after, limit) {
      const t = tableOf(collection);
      if (!exists(t)) return { docs: [], next: null };
      // Rows are read whatever their state and filtered here, so a page ends at a rowid even when
      // it held only deleted rows; the rowid is SQLite's own key, so each page is one range scan.
      const rows = db
        .prepare(`SELECT rowid AS r, deleted, data FROM ${quoted(t)} WHERE rowid > ? ORDER BY rowid LIMIT ?`)
        .all(after, limit) as { r: number; deleted: number; data: string }[];
      const docs = rows.filter((row) => !row.deleted).map((row) => JSON.parse(row.data) as SnapshotRow);
      return { docs, next: rows.length < limit ? null : rows[rows.length - 1]!.r };
    },
    byKey(collection, field, values) {
      const keyed = spec.keys?.[collection]?.[field];
      if (!keyed) return null;
      const t = tableOf(collection);
      if (!exists(t)) return [];
      // A range of the index: every key that starts with '0' (live) and the padded value; index
      // keys are UTF-8 (CESU-8) bytes, which never hold 0xff, so head + 0xff bounds the range.
      const stmt = db.prepare(
        `SELECT rowid AS r, data FROM ${quoted(t)} WHERE ${keyed.column} >= ? AND ${keyed.column} < ? AND deleted = 0`,
      );
      const rows: { r: number; data: string }[] = [];
      for (const value of new Set(values)) {
        if (value.length > keyed.width) continue; // longer than the schema allows: never stored
        const head = encodeIndexKey(`0${value.padEnd(keyed.width, ' ')}`);
        for (const row of stmt.all(head, Buffer.concat([head, Buffer.from([0xff])])) as { r: number; data: string }[]) rows.push(row);
      }
      return rows.sort((a, b) => a.r - b.r).map((row) => JSON.parse(row.data) as SnapshotRow);
    },
    count(collection) {
      const t = tableOf(collection);
      if (!exists(t)) return 0;
      return db
        .prepare(`SELECT count(*) FROM ${quoted(t)} WHERE deleted = 0`)
        .pluck()
        .get() as number;
    },
    read(collection, ids) {
      const t = tableOf(collection);
      const live: SnapshotRow[] = [];
      const gone: { id: string; accountId?: string }[] = [];
      if (!exists(t)) return { live, gone: ids.map((id) => ({ id })) };
      const stmt = db.prepare(`SELECT deleted, data FROM ${quoted(t)} WHERE id = ?`);
      for (const id of ids) {
        const row = stmt.get(id) as { deleted: number; data: string } | undefined;
        if (!row) {
          gone.push({ id });
          continue;
        }
        const doc = JSON.parse(row.data) as SnapshotRow;
        if (row.deleted) gone.push({ id, ...(typeof doc['accountId'] === 'string' ? { accountId: doc['accountId'] } : {}) });
        else live.push(doc);
      }
      return { live, gone };
    },
    storedScores(onRow) {
      const table = spec.tables['scores'];
      if (!table || !exists(table)) return;
      const rows = db
        .prepare(`SELECT id, json_extract(data, '$.payload') AS payload FROM ${quoted(table)} WHERE deleted = 0`)
        .raw()
        .iterate();
      for (const [id, payload] of rows as Iterable<[string, unknown]>) if (typeof payload === 'string') onRow(id, payload);
    },
    close() {
      db.close();
    },
  };
}
