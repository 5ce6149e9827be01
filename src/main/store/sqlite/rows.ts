// Runs in Node. Row-level helpers shared by reads and writes of one collection table.
import type { Database } from './database';
import type { RxDocumentData } from 'rxdb';
import { indexKeyParam } from './index-key';
import type { TableLayout } from './table';

type Doc = RxDocumentData<unknown>;

export interface ByIdStatements {
  readonly one: Database.Statement;
  readonly many: Database.Statement;
  /** The revision columns only (no document text): what a write needs to find conflicts. */
  readonly revisions: Database.Statement;
}

export function prepareByIdStatements(db: Database.Database, layout: TableLayout): ByIdStatements {
  return {
    one: db.prepare(`SELECT data FROM ${layout.table} WHERE id = ?`).pluck(),
    // One statement for any number of ids: SQLite caps bound parameters, json_each does not.
    many: db.prepare(`SELECT data FROM ${layout.table} WHERE id IN (SELECT value FROM json_each(?))`).pluck(),
    revisions: db.prepare(`SELECT id, rev, deleted, lwt FROM ${layout.table} WHERE id IN (SELECT value FROM json_each(?))`),
  };
}

/**
 * What is stored for these ids, as revision stubs: id, _rev, _deleted and _meta.lwt from their
 * columns, without reading and parsing each document's text. RxDB's categorizeBulkWriteRows only
 * looks at whether a stored document exists and at its _rev, except in a 409 conflict, whose
 * documentInDb the caller replaces with the whole stored document (see loadByIds).
 */
export function loadRevisions(stmts: ByIdStatements, primaryPath: string, ids: readonly unknown[]): Map<string, Doc> {
  const found = new Map<string, Doc>();
  for (const row of stmts.revisions.all(JSON.stringify(ids)) as { id: string; rev: string; deleted: number; lwt: number }[]) {
    found.set(row.id, {
      [primaryPath]: row.id,
      _rev: row.rev,
      _deleted: row.deleted === 1,
      _meta: { lwt: row.lwt },
      _attachments: {},
    } as Doc);
  }
  return found;
}

/** Loads the stored documents for the given ids (missing ids are simply absent from the map). */
export function loadByIds(stmts: ByIdStatements, primaryPath: string, ids: readonly unknown[]): Map<string, Doc> {
  const found = new Map<string, Doc>();
  const rows = ids.length === 1 ? [stmts.one.get(ids[0]) as string | undefined] : (stmts.many.all(JSON.stringify(ids)) as string[]);
  for (const json of rows) {
    if (json === undefined) continue;
    const doc = JSON.parse(json) as Doc;
    found.set((doc as Record<string, unknown>)[primaryPath] as string, doc);
  }
  return found;
}

/**
 * Writes deleted, lwt, rev, data and every index key of `doc` into `args` from `offset` on.
 * Index keys are bound for `CAST(? AS BLOB)` placeholders (see indexKeyParam).
 */
export function fillRowArgs(args: unknown[], offset: number, doc: Doc, layout: TableLayout): void {
  args[offset] = doc._deleted ? 1 : 0;
  args[offset + 1] = doc._meta.lwt;
  args[offset + 2] = doc._rev;
  args[offset + 3] = JSON.stringify(doc);
  const indexes = layout.indexes;
  for (let i = 0; i < indexes.length; i++) {
    args[offset + 4 + i] = indexKeyParam(indexes[i]!.toIndexString(doc));
  }
}
