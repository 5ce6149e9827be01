// Runs in Node. The RxStorageInstance for one collection (one schema version) in an SQLite file.
import type { Database } from './database';
import { Subject, type Observable } from 'rxjs';
import { categorizeBulkWriteRows, ensureNotFalsy, now } from 'rxdb';
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
import { isCorruptionError, releaseConnection, type SqliteConnection } from './connection';
import { failureOf, markCorrupt } from './health';
import { attachmentsError, closedError, readonlyError } from './errors';
import { INDEX_KEY_PLACEHOLDER } from './index-key';
import { fillRowArgs, loadByIds, loadRevisions, prepareByIdStatements, type ByIdStatements } from './rows';
import { runChangedSince, runCount, runQuery, type QueryContext } from './query';
import { dropTable, tableExists, type TableLayout } from './table';

export interface SqliteStorageInternals {
  readonly filePath: string;
  readonly tableName: string;
}
export type SqliteInstanceCreationOptions = Record<string, never>;

type Doc<T> = RxDocumentData<T>;
type Categorized<T> = CategorizeBulkWriteRowsOutput<T>;
type ChangeBulk<T> = EventBulk<RxStorageChangeEvent<Doc<T>>, RxStorageDefaultCheckpoint>;

export class RxStorageInstanceSQLite<RxDocType> implements RxStorageInstance<
  RxDocType,
  SqliteStorageInternals,
  SqliteInstanceCreationOptions,
  RxStorageDefaultCheckpoint
> {
  readonly internals: SqliteStorageInternals;
  private readonly changes$ = new Subject<ChangeBulk<RxDocType>>();
  private readonly db: Database.Database;
  private readonly ctx: QueryContext;
  private readonly insertStmt?: Database.Statement;
  private readonly updateStmt?: Database.Statement;
  private byId?: ByIdStatements;
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
    this.tableReady = tableExists;
    if (tableExists) this.prepareReads();
    if (!conn.readonly) {
      const cols = layout.indexes.map((ix) => ix.column);
      const key = INDEX_KEY_PLACEHOLDER;
      this.insertStmt = this.db.prepare(
        `INSERT INTO ${t} (id, deleted, lwt, rev, data${cols.map((c) => `, ${c}`).join('')}) VALUES (?, ?, ?, ?, ?${`, ${key}`.repeat(cols.length)})`,
      );
      this.updateStmt = this.db.prepare(
        `UPDATE ${t} SET deleted = ?, lwt = ?, rev = ?, data = ?${cols.map((c) => `, ${c} = ${key}`).join('')} WHERE id = ?`,
      );
    }
    // IMMEDIATE takes the write lock up front, so the read-then-write below can never be
    // invalidated by another writer between categorising and writing.
    const tx = this.db.transaction((rows: BulkWriteRow<RxDocType>[], context: string) => this.writeInTransaction(rows, context));
    this.writeTx = (rows, context) => {
      const result = tx.immediate(rows, context);
      conn.checkpointer?.wrote();
      return result;
    };
  }

  // False only for a readonly view of a collection the writer has not created yet; it reads as
  // empty until the table appears (checked again on each read, which is one sqlite_master lookup).
  private tableReady: boolean;

  private get tableExists(): boolean {
    if (!this.tableReady && tableExists(this.db, this.layout)) {
      this.tableReady = true;
      this.prepareReads();
    }
    return this.tableReady;
  }

  private prepareReads(): void {
    this.byId = prepareByIdStatements(this.db, this.layout);
  }

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

  /**
   * Categorises a write against what is stored, reading only the revision columns; a conflict
   * (409) then gets the whole stored document, which RxDB's conflict handling needs.
   */
  private categorize(documentWrites: BulkWriteRow<RxDocType>[], context: string): Categorized<RxDocType> {
    const pk = this.primaryPath;
    const byId = this.tableExists ? this.byId : undefined;
    const ids = documentWrites.map((row) => (row.document as Record<string, unknown>)[pk]);
    const stored = byId ? loadRevisions(byId, pk, ids) : new Map<string, Doc<unknown>>();
    const categorized = categorizeBulkWriteRows<RxDocType>(
      this,
      pk as never,
      stored as Map<string, Doc<RxDocType>>,
      documentWrites,
      context,
    );
    const conflicts = categorized.errors.filter((e) => e.status === 409);
    if (byId && conflicts.length > 0) {
      const whole = loadByIds(
        byId,
        pk,
        conflicts.map((e) => e.documentId),
      );
      for (const e of conflicts) (e as { documentInDb?: Doc<RxDocType> }).documentInDb = whole.get(e.documentId) as Doc<RxDocType>;
    }
    return categorized;
  }

  private writeInTransaction(documentWrites: BulkWriteRow<RxDocType>[], context: string): Categorized<RxDocType> {
    const pk = this.primaryPath as never;
    const categorized = this.categorize(documentWrites, context);
    const indexes = this.layout.indexes;
    const insert = ensureNotFalsy(this.insertStmt);
    const update = ensureNotFalsy(this.updateStmt);
    const args: unknown[] = new Array(5 + indexes.length);
    for (const row of categorized.bulkInsertDocs) {
      const doc = row.document;
      args[0] = (doc as Record<string, unknown>)[pk];
      fillRowArgs(args, 1, doc as Doc<unknown>, this.layout);
      insert.run(args);
    }
    for (const row of categorized.bulkUpdateDocs) {
      const doc = row.document;
      fillRowArgs(args, 0, doc as Doc<unknown>, this.layout);
      args[4 + indexes.length] = (doc as Record<string, unknown>)[pk];
      update.run(args);
    }
    return categorized;
  }

  /**
   * A readonly instance may still "write" rows that all conflict: RxDB opens a database by
   * inserting its storage token and collection documents and treats 409s as "already there".
   * That lets the scoring worker open an RxDatabase on a file the main process created.
   */
  private readonlyWrite(documentWrites: BulkWriteRow<RxDocType>[], context: string): RxStorageBulkWriteResponse<RxDocType> {
    const categorized = this.categorize(documentWrites, context);
    if (categorized.bulkInsertDocs.length > 0 || categorized.bulkUpdateDocs.length > 0) {
      throw readonlyError(this.conn.filePath, this.collectionName, `write (${context}) to`);
    }
    return { error: categorized.errors };
  }

  findDocumentsById(ids: string[], withDeleted: boolean): Promise<Doc<RxDocType>[]> {
    return this.guard(() => {
      if (!this.tableExists || !this.byId) return [];
      const byId = loadByIds(this.byId, this.primaryPath, ids) as Map<string, Doc<RxDocType>>;
      // Input order, as the memory storage returns it (json_each yields table order).
      const ret: Doc<RxDocType>[] = [];
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
      const documents = this.tableExists ? (runChangedSince(this.ctx, limit, checkpoint) as Doc<RxDocType>[]) : [];
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
      this.conn.checkpointer?.wrote();
      return true;
    });
  }

  getAttachmentData(documentId: string, attachmentId: string): Promise<Blob> {
    return Promise.reject(attachmentsError(this.collectionName, { documentId, attachmentId }));
  }

  async remove(): Promise<void> {
    this.ensureOpen();
    if (this.conn.readonly) {
      throw readonlyError(this.conn.filePath, this.collectionName, 'remove');
    }
    dropTable(this.db, this.layout);
    this.conn.droppedTables = true;
    await this.close();
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.changes$.complete();
    return releaseConnection(this.conn);
  }

  private ensureOpen(): void {
    if (this.closed) {
      throw closedError(this.conn.filePath, this.collectionName);
    }
  }

  // better-sqlite3 is synchronous; every call becomes a settled promise and SQLite corruption
  // surfaces as our coded error instead of a bare SqliteError. Once the file is known to be
  // damaged (here, or by the integrity check) every call answers that at once (health.ts).
  private guard<T>(fn: () => T): Promise<T> {
    try {
      this.ensureOpen();
      const failed = failureOf(this.conn.filePath);
      if (failed) return Promise.reject(failed);
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(isCorruptionError(err) ? markCorrupt(this.conn.filePath, err) : err);
    }
  }
}
