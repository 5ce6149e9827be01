// Runs in Node. The RxStorageInstance for one collection (one schema version) in an SQLite file.
import type Database from 'better-sqlite3';
import { Subject, type Observable } from 'rxjs';
import { categorizeBulkWriteRows, ensureNotFalsy, getStartIndexStringFromLowerBound, now } from 'rxdb';
import type {
  BulkWriteRow,
  CategorizeBulkWriteRowsOutput,
  EventBulk,
  PreparedQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorageBulkWriteResponse,
  RxStorageChangeEvent,
  RxStorageCountResult,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
  RxStorageQueryResult,
} from 'rxdb';
import { corruptError, isCorruptionError, releaseConnection, type SqliteConnection } from './connection';
import { SqliteStorageError } from './errors';
import { encodeIndexKey } from './index-key';
import { runCount, runQuery, type QueryContext } from './query';
import { dropTable, indexKey, type TableLayout } from './table';

export interface SqliteStorageInternals {
  readonly filePath: string;
  readonly tableName: string;
}
export type SqliteInstanceCreationOptions = Record<string, never>;

type Doc<T> = RxDocumentData<T>;
type Categorized<T> = CategorizeBulkWriteRowsOutput<T>;
type ChangeBulk<T> = EventBulk<RxStorageChangeEvent<Doc<T>>, RxStorageDefaultCheckpoint>;

export class RxStorageInstanceSQLite<RxDocType>
  implements RxStorageInstance<RxDocType, SqliteStorageInternals, SqliteInstanceCreationOptions, RxStorageDefaultCheckpoint>
{
  readonly internals: SqliteStorageInternals;
  private readonly changes$ = new Subject<ChangeBulk<RxDocType>>();
  private readonly db: Database.Database;
  private readonly ctx: QueryContext;
  private readonly insertStmt?: Database.Statement;
  private readonly updateStmt?: Database.Statement;
  private readonly byIdStmt?: Database.Statement;
  private readonly byIdsStmt?: Database.Statement;
  private readonly writeTx: (rows: BulkWriteRow<RxDocType>[], context: string) => Categorized<RxDocType>;
  private closed = false;

  constructor(
    readonly databaseName: string,
    readonly collectionName: string,
    readonly schema: Readonly<RxJsonSchema<Doc<RxDocType>>>,
    readonly options: Readonly<SqliteInstanceCreationOptions>,
    private readonly conn: SqliteConnection,
    private readonly layout: TableLayout,
    tableExists: boolean,
  ) {
    this.db = conn.db;
    this.internals = { filePath: conn.filePath, tableName: layout.tableName };
    this.ctx = { db: this.db, layout, schema: schema as RxJsonSchema<Doc<unknown>>, statements: new Map() };
    const t = layout.table;
    // A readonly view of a collection the writer has not created yet behaves as empty.
    if (tableExists) {
      this.byIdStmt = this.db.prepare(`SELECT data FROM ${t} WHERE id = ?`).pluck();
      this.byIdsStmt = this.db.prepare(`SELECT data FROM ${t} WHERE id IN (SELECT value FROM json_each(?))`).pluck();
    }
    if (!conn.readonly) {
      const cols = layout.indexes.map((ix) => ix.column);
      this.insertStmt = this.db.prepare(
        `INSERT INTO ${t} (id, deleted, lwt, rev, data${cols.map((c) => `, ${c}`).join('')}) VALUES (?, ?, ?, ?, ?${', ?'.repeat(cols.length)})`,
      );
      this.updateStmt = this.db.prepare(
        `UPDATE ${t} SET deleted = ?, lwt = ?, rev = ?, data = ?${cols.map((c) => `, ${c} = ?`).join('')} WHERE id = ?`,
      );
    }
    // IMMEDIATE takes the write lock up front, so the read-then-write below can never be
    // invalidated by another writer between categorising and writing.
    const tx = this.db.transaction((rows: BulkWriteRow<RxDocType>[], context: string) => this.writeInTransaction(rows, context));
    this.writeTx = (rows, context) => tx.immediate(rows, context);
    this.tableExists = tableExists;
  }

  private readonly tableExists: boolean;

  private get primaryPath(): string {
    return this.layout.primaryPath;
  }

  bulkWrite(documentWrites: BulkWriteRow<RxDocType>[], context: string): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    return this.guard(() => {
      if (this.conn.readonly) {
        return this.readonlyWrite(documentWrites, context);
      }
      const categorized = this.writeTx(documentWrites, context);
      // Emitted synchronously after COMMIT (as the memory storage does) so RxDB sees the event
      // before the write promise resolves, and never for a rolled-back transaction.
      if (categorized.eventBulk.events.length > 0) {
        const last = ensureNotFalsy(categorized.newestRow).document;
        const pk = this.primaryPath;
        categorized.eventBulk.checkpoint = { id: (last as Record<string, unknown>)[pk] as string, lwt: last._meta.lwt };
        this.changes$.next(categorized.eventBulk as ChangeBulk<RxDocType>);
      }
      return { error: categorized.errors };
    });
  }

  private readDocsInDb(documentWrites: BulkWriteRow<RxDocType>[]): Map<string, Doc<RxDocType>> {
    const docsInDb = new Map<string, Doc<RxDocType>>();
    if (!this.byIdStmt || !this.byIdsStmt) return docsInDb;
    const pk = this.primaryPath;
    let found: string[];
    if (documentWrites.length === 1) {
      const one = this.byIdStmt.get((documentWrites[0]!.document as Record<string, unknown>)[pk]) as string | undefined;
      found = one === undefined ? [] : [one];
    } else {
      const ids = documentWrites.map((row) => (row.document as Record<string, unknown>)[pk]);
      found = this.byIdsStmt.all(JSON.stringify(ids)) as string[];
    }
    for (const json of found) {
      const doc = JSON.parse(json) as Doc<RxDocType>;
      docsInDb.set((doc as Record<string, unknown>)[pk] as string, doc);
    }
    return docsInDb;
  }

  private writeInTransaction(documentWrites: BulkWriteRow<RxDocType>[], context: string): Categorized<RxDocType> {
    const pk = this.primaryPath as never;
    const categorized = categorizeBulkWriteRows<RxDocType>(this, pk, this.readDocsInDb(documentWrites), documentWrites, context);
    const indexes = this.layout.indexes;
    const insert = ensureNotFalsy(this.insertStmt);
    const update = ensureNotFalsy(this.updateStmt);
    const args: unknown[] = new Array(5 + indexes.length);
    for (const row of categorized.bulkInsertDocs) {
      const doc = row.document;
      args[0] = (doc as Record<string, unknown>)[pk];
      this.fillRowArgs(args, 1, doc);
      insert.run(args);
    }
    for (const row of categorized.bulkUpdateDocs) {
      const doc = row.document;
      this.fillRowArgs(args, 0, doc);
      args[4 + indexes.length] = (doc as Record<string, unknown>)[pk];
      update.run(args);
    }
    return categorized;
  }

  private fillRowArgs(args: unknown[], offset: number, doc: Doc<RxDocType>): void {
    args[offset] = doc._deleted ? 1 : 0;
    args[offset + 1] = doc._meta.lwt;
    args[offset + 2] = doc._rev;
    args[offset + 3] = JSON.stringify(doc);
    const indexes = this.layout.indexes;
    for (let i = 0; i < indexes.length; i++) {
      args[offset + 4 + i] = encodeIndexKey(indexes[i]!.toIndexString(doc as Doc<unknown>));
    }
  }

  /**
   * A readonly instance may still "write" rows that all conflict: RxDB opens a database by
   * inserting its storage token and collection documents and treats 409s as "already there".
   * That lets the scoring worker open an RxDatabase on a file the main process created.
   */
  private readonlyWrite(documentWrites: BulkWriteRow<RxDocType>[], context: string): RxStorageBulkWriteResponse<RxDocType> {
    const pk = this.primaryPath as never;
    const categorized = categorizeBulkWriteRows<RxDocType>(this, pk, this.readDocsInDb(documentWrites), documentWrites, context);
    if (categorized.bulkInsertDocs.length > 0 || categorized.bulkUpdateDocs.length > 0) {
      throw new SqliteStorageError(
        'DS_SQLITE_READONLY',
        `Collection ${this.collectionName} in ${this.conn.filePath} was opened readonly; writes go through the main process.`,
        { filePath: this.conn.filePath, collectionName: this.collectionName, context },
      );
    }
    return { error: categorized.errors };
  }

  findDocumentsById(ids: string[], withDeleted: boolean): Promise<Doc<RxDocType>[]> {
    return this.guard(() => {
      if (!this.byIdStmt || !this.byIdsStmt) return [];
      const ret: Doc<RxDocType>[] = [];
      const pk = this.primaryPath;
      if (ids.length === 1) {
        const json = this.byIdStmt.get(ids[0]) as string | undefined;
        const doc = json === undefined ? undefined : (JSON.parse(json) as Doc<RxDocType>);
        if (doc && (withDeleted || !doc._deleted)) ret.push(doc);
        return ret;
      }
      // json_each returns rows in table order; callers (and the memory storage) use input order.
      const byId = new Map<string, Doc<RxDocType>>();
      for (const json of this.byIdsStmt.all(JSON.stringify(ids)) as string[]) {
        const doc = JSON.parse(json) as Doc<RxDocType>;
        byId.set((doc as Record<string, unknown>)[pk] as string, doc);
      }
      for (const id of ids) {
        const doc = byId.get(id);
        if (doc && (withDeleted || !doc._deleted)) ret.push(doc);
      }
      return ret;
    });
  }

  query(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageQueryResult<RxDocType>> {
    return this.guard(() => {
      if (!this.tableExists) return { documents: [] };
      return { documents: runQuery(this.ctx, preparedQuery as PreparedQuery<unknown>) as Doc<RxDocType>[] };
    });
  }

  count(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    return this.guard(() => {
      const count = this.tableExists ? runCount(this.ctx, preparedQuery as PreparedQuery<unknown>) : 0;
      return { count, mode: 'fast' as const };
    });
  }

  getChangedDocumentsSince(
    limit: number,
    checkpoint?: RxStorageDefaultCheckpoint,
  ): Promise<{ documents: Doc<RxDocType>[]; checkpoint: RxStorageDefaultCheckpoint }> {
    return this.guard(() => {
      const fields = ['_meta.lwt', this.primaryPath];
      const index = this.layout.byIndexKey.get(indexKey(fields));
      let documents: Doc<RxDocType>[] = [];
      if (this.tableExists && index) {
        // The [lwt, id] index string of the checkpoint is exactly the position to continue after.
        const after = checkpoint
          ? encodeIndexKey(getStartIndexStringFromLowerBound(this.schema, fields, [checkpoint.lwt, checkpoint.id]))
          : Buffer.alloc(0);
        const op = checkpoint ? '>' : '>=';
        const key = `changes|${op}`;
        let stmt = this.ctx.statements.get(key);
        if (!stmt) {
          stmt = this.db
            .prepare(
              `SELECT data FROM ${this.layout.table} INDEXED BY ${index.sqlIndexName} WHERE ${index.column} ${op} ? ORDER BY ${index.column} LIMIT ?`,
            )
            .pluck();
          this.ctx.statements.set(key, stmt);
        }
        documents = (stmt.all(after, limit) as string[]).map((s) => JSON.parse(s) as Doc<RxDocType>);
      }
      const last = documents[documents.length - 1];
      return {
        documents,
        checkpoint: last
          ? { id: (last as Record<string, unknown>)[this.primaryPath] as string, lwt: last._meta.lwt }
          : (checkpoint ?? { id: '', lwt: 0 }),
      };
    });
  }

  changeStream(): Observable<ChangeBulk<RxDocType>> {
    return this.changes$.asObservable();
  }

  cleanup(minimumDeletedTime: number): Promise<boolean> {
    return this.guard(() => {
      if (this.conn.readonly || !this.tableExists) return true;
      const maxDeletionTime = now() - minimumDeletedTime;
      this.db.prepare(`DELETE FROM ${this.layout.table} WHERE deleted = 1 AND lwt <= ?`).run(maxDeletionTime);
      return true;
    });
  }

  getAttachmentData(documentId: string, attachmentId: string): Promise<Blob> {
    return Promise.reject(
      new SqliteStorageError(
        'DS_SQLITE_ATTACHMENTS_UNSUPPORTED',
        `Attachments are not supported by the SQLite storage (collection ${this.collectionName}); store files on disk and keep their path in the document.`,
        { collectionName: this.collectionName, documentId, attachmentId },
      ),
    );
  }

  async remove(): Promise<void> {
    this.ensureOpen();
    if (this.conn.readonly) {
      throw new SqliteStorageError('DS_SQLITE_READONLY', `Cannot remove collection ${this.collectionName}: ${this.conn.filePath} is open readonly.`, {
        filePath: this.conn.filePath,
      });
    }
    dropTable(this.db, this.layout);
    this.conn.droppedTables = true;
    await this.close();
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.changes$.complete();
    releaseConnection(this.conn);
    return Promise.resolve();
  }

  private ensureOpen(): void {
    if (this.closed) {
      throw new SqliteStorageError('DS_SQLITE_CLOSED', `Collection ${this.collectionName} in ${this.conn.filePath} is already closed.`, {
        filePath: this.conn.filePath,
        collectionName: this.collectionName,
      });
    }
  }

  // better-sqlite3 is synchronous; every call becomes a settled promise and SQLite corruption
  // surfaces as our coded error instead of a bare SqliteError.
  private guard<T>(fn: () => T): Promise<T> {
    try {
      this.ensureOpen();
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(isCorruptionError(err) ? corruptError(this.conn.filePath, err) : err);
    }
  }
}
