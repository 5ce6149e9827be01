// Runs in Node. Row-level helpers shared by reads and writes of one collection table.
import type Database from 'better-sqlite3';
import type { RxDocumentData } from 'rxdb';
import { indexKeyParam } from './index-key';
import type { TableLayout } from './table';

type Doc = RxDocumentData<unknown>;

export interface ByIdStatements {
  readonly one: Database.Statement;
  readonly many: Database.Statement;
}

export function prepareByIdStatements(db: Database.Database, layout: TableLayout): ByIdStatements {
  return {
    one: db.prepare(`SELECT data FROM ${layout.table} WHERE id = ?`).pluck(),
    // One statement for any number of ids: SQLite caps bound parameters, json_each does not.
    many: db.prepare(`SELECT data FROM ${layout.table} WHERE id IN (SELECT value FROM json_each(?))`).pluck(),
  };
}

/** Loads the stored documents for the given ids (missing ids are simply absent from the map). */
export function loadByIds(stmts: ByIdStatements, primaryPath: string, ids: readonly unknown[]): Map<string, Doc> {
  const found = new Map<string, Doc>();
  const rows =
    ids.length === 1
      ? [stmts.one.get(ids[0]) as string | undefined]
      : (stmts.many.all(JSON.stringify(ids)) as string[]);
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
