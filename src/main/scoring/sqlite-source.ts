// Scoring process (Node): reads workspace documents straight from the store's SQLite file,
// read-only. Layout (src/main/store/sqlite/table.ts): one table per collection and schema
// version, `rx_<collection>_v<version>`, with columns id, deleted, lwt, rev and `data` (the
// document as JSON). The file is in WAL mode, so this reader sees the last committed snapshot
// and never blocks the main process writing, nor is blocked by it.
import Database from 'better-sqlite3';
import { nativeBindingOption } from '../store/sqlite/native-binding';
import type { ScoredCollection } from './protocol';

export type RawRow = Record<string, unknown> & { id: string };

export interface SqliteSource {
  /** Every live document of a collection, in batches (a million interactions never sit in one array). */
  scan(collection: ScoredCollection, batch: number, onBatch: (docs: RawRow[]) => void): void;
  /** Current version of these ids: live docs, and the ids that are gone (deleted or purged) with their last data. */
  read(collection: ScoredCollection, ids: readonly string[]): { live: RawRow[]; gone: { id: string; accountId?: string }[] };
  /** The stored scores' ids and payload text (none before the host first stored any). */
  storedScores(table: string, onRow: (id: string, payload: string) => void): void;
  close(): void;
}

export function openSqliteSource(filePath: string, tables: Record<ScoredCollection, string>): SqliteSource {
  const db = new Database(filePath, { readonly: true, fileMustExist: true, ...nativeBindingOption() });
  db.pragma('query_only = ON');
  const exists = (t: string) => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t) !== undefined;
  const quoted = (t: string) => `"${t.replace(/"/g, '""')}"`;
  return {
    scan(collection, batch, onBatch) {
      const t = tables[collection];
      // A collection nobody wrote to yet has no table: nothing to read, not an error.
      if (!exists(t)) return;
      let docs: RawRow[] = [];
      for (const row of db.prepare(`SELECT data FROM ${quoted(t)} WHERE deleted = 0`).pluck().iterate() as Iterable<string>) {
        docs.push(JSON.parse(row) as RawRow);
        if (docs.length >= batch) { onBatch(docs); docs = []; }
      }
      if (docs.length) onBatch(docs);
    },
    read(collection, ids) {
      const t = tables[collection];
      const live: RawRow[] = [];
      const gone: { id: string; accountId?: string }[] = [];
      if (!exists(t)) return { live, gone: ids.map((id) => ({ id })) };
      const stmt = db.prepare(`SELECT deleted, data FROM ${quoted(t)} WHERE id = ?`);
      for (const id of ids) {
        const row = stmt.get(id) as { deleted: number; data: string } | undefined;
        if (!row) { gone.push({ id }); continue; }
        const doc = JSON.parse(row.data) as RawRow;
        if (row.deleted) gone.push({ id, ...(typeof doc['accountId'] === 'string' ? { accountId: doc['accountId'] } : {}) });
        else live.push(doc);
      }
      return { live, gone };
    },
    storedScores(table, onRow) {
      if (!exists(table)) return;
      const rows = db.prepare(`SELECT id, json_extract(data, '$.payload') AS payload FROM ${quoted(table)} WHERE deleted = 0`).raw().iterate();
      for (const [id, payload] of rows as Iterable<[string, unknown]>) if (typeof payload === 'string') onRow(id, payload);
    },
    close() {
      db.close();
    },
  };
}
