// Runs in Node. Table layout of one RxDB collection (one schema version) inside the database file.
import type { Database } from './database';
import { getIndexableStringMonad, getPrimaryFieldOfPrimaryKey } from 'rxdb';
import type { RxDocumentData, RxJsonSchema } from 'rxdb';
import { META_TABLE } from './connection';
import { SqliteStorageError } from './errors';

export interface IndexLayout {
  readonly fields: string[];
  readonly column: string; // quoted
  readonly sqlIndexName: string; // quoted
  readonly toIndexString: (doc: RxDocumentData<unknown>) => string;
}

export interface TableLayout {
  readonly tableName: string; // unquoted
  readonly table: string; // quoted
  readonly primaryPath: string;
  readonly indexes: IndexLayout[];
  readonly byIndexKey: Map<string, IndexLayout>;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function indexKey(fields: readonly string[]): string {
  return fields.join(',');
}

export function tableNameFor(collectionName: string, schemaVersion: number): string {
  // The schema version is part of the name so migration-schema can hold old and new data side by side.
  return `rx_${collectionName}_v${schemaVersion}`;
}

export function layoutFor(collectionName: string, schema: RxJsonSchema<RxDocumentData<unknown>>): TableLayout {
  const tableName = tableNameFor(collectionName, schema.version);
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;
  const seen = new Set<string>();
  const indexes: IndexLayout[] = [];
  for (const raw of schema.indexes ?? []) {
    const fields = (Array.isArray(raw) ? raw.slice() : [raw]) as string[];
    const key = indexKey(fields);
    if (seen.has(key)) continue;
    seen.add(key);
    const n = indexes.length;
    indexes.push({
      fields,
      column: quoteIdent(`i${n}`),
      sqlIndexName: quoteIdent(`${tableName}__i${n}`),
      toIndexString: getIndexableStringMonad(schema, fields) as (doc: RxDocumentData<unknown>) => string,
    });
  }
  return {
    tableName,
    table: quoteIdent(tableName),
    primaryPath,
    indexes,
    byIndexKey: new Map(indexes.map((ix) => [indexKey(ix.fields), ix])),
  };
}

function registryKey(layout: TableLayout): string {
  return `table:${layout.tableName}`;
}

function layoutSignature(layout: TableLayout): string {
  return JSON.stringify(layout.indexes.map((ix) => ix.fields));
}

export function tableExists(db: Database.Database, layout: TableLayout): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(layout.tableName) !== undefined;
}

/**
 * Creates the table and its indexes on first use. An existing table must have been created for
 * the same index list, otherwise the index columns would be read with the wrong meaning.
 */
export function ensureTable(db: Database.Database, layout: TableLayout, filePath: string): void {
  const signature = layoutSignature(layout);
  const stored = db.prepare(`SELECT value FROM ${META_TABLE} WHERE key = ?`).pluck().get(registryKey(layout)) as string | undefined;
  if (stored !== undefined && tableExists(db, layout)) {
    if (stored !== signature) {
      throw new SqliteStorageError(
        'DS_SQLITE_SCHEMA_MISMATCH',
        `Table ${layout.tableName} in ${filePath} was created with indexes ${stored} but the schema now declares ${signature}. ` +
          'Raise the schema version and add a migration strategy when indexes change.',
        { filePath, tableName: layout.tableName, stored, declared: signature },
      );
    }
    return;
  }
  const indexColumns = layout.indexes.map((ix) => `, ${ix.column} BLOB NOT NULL`).join('');
  db.transaction(() => {
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${layout.table} (
        id TEXT PRIMARY KEY NOT NULL,
        deleted INTEGER NOT NULL,
        lwt REAL NOT NULL,
        rev TEXT NOT NULL,
        data TEXT NOT NULL${indexColumns}
      )`,
    );
    for (const ix of layout.indexes) {
      db.exec(`CREATE INDEX IF NOT EXISTS ${ix.sqlIndexName} ON ${layout.table} (${ix.column})`);
    }
    // cleanup() only ever looks for tombstones; a partial index keeps that cheap without
    // widening every row.
    db.exec(`CREATE INDEX IF NOT EXISTS ${quoteIdent(`${layout.tableName}__tombstones`)} ON ${layout.table} (lwt) WHERE deleted = 1`);
    db.prepare(`INSERT OR REPLACE INTO ${META_TABLE} (key, value) VALUES (?, ?)`).run(registryKey(layout), signature);
  }).immediate();
}

export function dropTable(db: Database.Database, layout: TableLayout): void {
  db.transaction(() => {
    db.exec(`DROP TABLE IF EXISTS ${layout.table}`);
    db.prepare(`DELETE FROM ${META_TABLE} WHERE key = ?`).run(registryKey(layout));
  }).immediate();
}
