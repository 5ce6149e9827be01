// Main process: the store's side of scoring. Scoring's worker reads a read-only snapshot of the
// SQLite file (snapshot.ts); here the store says where that file and its tables are, and owns
// the writes of the scores the worker computes, so no code outside src/main/store knows table
// names, columns or RxDB's document internals (`_meta`, `_rev`).
import { fillWithDefaultSettings, getIndexableStringMonad, type BulkWriteRow, type RxDocumentData, type RxJsonSchema } from 'rxdb';
import { ApiError } from '@shared/api';
import { rxSchemaFor, type CollectionName, type ScoreDoc } from '@shared/domain';
import type { Store } from './create-store';
import type { KeyedRead, SnapshotKey, SnapshotSpec } from './snapshot';
import { databaseFilePath, RX_STORAGE_NAME_SQLITE } from './sqlite';
import type { DatabaseKey } from './sqlite/database';
import { layoutFor, tableNameFor } from './sqlite/table';

/**
 * Where a read-only snapshot of these collections (and the stored scores) can be read, or null
 * for a store that is not on disk (an in-memory test store): scoring reads only from files.
 */
export function snapshotSpecOf(store: Store, collections: readonly CollectionName[]): SnapshotSpec | null {
  const storage = store.storage as { name?: string; settings?: { databaseDirectory?: string; key?: DatabaseKey } };
  const dir = storage.settings?.databaseDirectory;
  if (storage.name !== RX_STORAGE_NAME_SQLITE || !dir) return null;
  const tables: Record<string, string> = {};
  const keys: NonNullable<SnapshotSpec['keys']> = {};
  for (const c of [...collections, 'scores' as const]) {
    tables[c] = tableNameFor(c, rxSchemaFor(c).version);
    const keyed = keyedReadsOf(c);
    if (Object.keys(keyed).length) keys[c] = keyed;
  }
  const key = storage.settings?.key;
  // Hex text: the spec is posted to the worker as plain data.
  return { filePath: databaseFilePath(dir, store.name), tables, keys, ...(key ? { key: key.toString('hex') } : {}) };
}

const SNAPSHOT_KEYS: readonly SnapshotKey[] = ['accountId', 'opportunityId'];

/**
 * Which of a collection's indexes the snapshot can read by account or by deal (snapshot.ts
 * `byKey`): an index whose key starts with `_deleted` then that field, as RxDB writes it (the
 * schema filled with RxDB's defaults, as the storage made its table). The key's head is checked
 * on a sample against what the snapshot will look for ('0' for a live document, then the value
 * padded with spaces to the field's maxLength); a layout that does not match is left out, and the
 * snapshot's reader then scans instead.
 */
function keyedReadsOf(collection: CollectionName): Partial<Record<SnapshotKey, KeyedRead>> {
  const schema = fillWithDefaultSettings(rxSchemaFor(collection) as RxJsonSchema<RxDocumentData<unknown>>);
  const layout = layoutFor(collection, schema);
  const out: Partial<Record<SnapshotKey, KeyedRead>> = {};
  for (const field of SNAPSHOT_KEYS) {
    const index = layout.indexes.find((ix) => ix.fields[0] === '_deleted' && ix.fields[1] === field);
    const width = (schema.properties as Record<string, { maxLength?: number } | undefined>)[field]?.maxLength;
    if (!index || typeof width !== 'number') continue;
    const head = getIndexableStringMonad(schema, ['_deleted', field]) as (d: unknown) => string;
    const sample = 'acc_1';
    if (head({ _deleted: false, [field]: sample }) !== `0${sample.padEnd(width, ' ')}`) continue;
    out[field] = { column: index.column, width };
  }
  return out;
}

/**
 * Scores per storage write, with a yield to the event loop between writes, so storing a full
 * rescore (8k scores on L) never stalls the main thread (measured by test/bench/scoring.bench.ts).
 */
export const WRITE_CHUNK = 10;
const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

/**
 * Scores to write, taken a chunk at a time: an array, or a batch that makes each chunk's docs only
 * when it is written (the scoring service decodes a worker batch's payloads chunk by chunk, so a
 * payload's string lives through one write, not the batch's ten).
 */
export interface ScoreRows {
  readonly length: number;
  slice(start: number, end: number): ScoreDoc[];
}

/**
 * Write score batches in small chunks with a yield between them, so the main thread stays
 * responsive.
 *
 * Why not `bulkUpsert`: for documents that exist (every score after the first run) RxDB first
 * tries an insert, gets a 409 conflict per document, then rewrites each through its incremental
 * write queue and builds an RxDocument for it. Profiled while a full rescore of an L workspace
 * (8k scores) was stored, that allocated ~18 KB per score on the main thread, most of it kept
 * alive until the next scavenge (WeakRef'd RxDocuments, conflict errors), and the young
 * generation collections it caused were the main thread's longest pauses. One read of the
 * current revisions plus one storage `bulkWrite` per chunk does the same write (same change
 * events, so queries and `$` observers see it) for about half the allocation. Scores have one
 * writer (the scoring service), so a conflict only means a score was removed or rewritten
 * between the read and the write; those rows are retried against what is stored now.
 */
export async function writeScores(store: Store, upserts: ScoreRows, removals: string[], chunk = WRITE_CHUNK): Promise<void> {
  for (let k = 0; k < upserts.length; k += chunk) {
    await putScores(store, upserts.slice(k, k + chunk));
    await yieldToLoop();
  }
  for (let k = 0; k < removals.length; k += chunk) {
    await removeScores(store, removals.slice(k, k + chunk));
    await yieldToLoop();
  }
}

const SCORE_WRITE_CONTEXT = 'ds-scoring-write';

/**
 * Whether a change came from writeScores. Its writes go in chunks of ten, so a full rescore of L
 * is ~1,600 writes over seconds; the host does not announce them one by one (a refresh of every
 * open answer reading scores every 30 ms while they were stored) but the scoring service says
 * once when a run's scores are all stored (ScoringService).
 */
export function isScoringWrite(bulk: { context: string }): boolean {
  return bulk.context === SCORE_WRITE_CONTEXT;
}
type StoredScore = RxDocumentData<ScoreDoc>;

function putScores(store: Store, docs: readonly ScoreDoc[]): Promise<void> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return writeScoreRows(store, [...byId.keys()], (id, prev) => {
    const d = byId.get(id)!;
    // _meta and _rev are set by RxDB's wrapped storage instance (lwt = now, next revision).
    const document: StoredScore = {
      id: d.id,
      subjectType: d.subjectType,
      subjectId: d.subjectId,
      accountId: d.accountId,
      computedAt: d.computedAt,
      payload: d.payload,
      _deleted: false,
      _attachments: {},
      _meta: prev ? prev._meta : { lwt: 0 },
      _rev: prev ? prev._rev : '',
    };
    return prev ? { document, previous: prev } : { document };
  });
}

/**
 * Through the storage as writes are, not RxDB's `bulkRemove`: that reads the scores as
 * RxDocuments, and a cached id keeps whatever is written to it next (store/score-payloads.ts).
 * A score that is not stored, or already removed, is left as it is.
 */
function removeScores(store: Store, ids: readonly string[]): Promise<void> {
  return writeScoreRows(store, ids, (_id, prev) =>
    prev && !prev._deleted ? { document: { ...prev, _deleted: true }, previous: prev } : null,
  );
}

/**
 * One read of these scores as stored (removed ones included: a score removed earlier is revived
 * by writing over its tombstone), one storage `bulkWrite` of the rows `rowOf` makes of them (null:
 * nothing to write). Rows that conflicted with another write are read and made again, twice at most.
 */
async function writeScoreRows(
  store: Store,
  ids: readonly string[],
  rowOf: (id: string, previous: StoredScore | undefined) => BulkWriteRow<ScoreDoc> | null,
  attempt = 0,
): Promise<void> {
  const instance = store.scores.storageInstance;
  const previous = new Map((await instance.findDocumentsById([...ids], true)).map((d) => [d.id, d]));
  const rows = ids.flatMap((id) => rowOf(id, previous.get(id)) ?? []);
  if (!rows.length) return;
  const { error } = await instance.bulkWrite(rows, SCORE_WRITE_CONTEXT);
  if (!error.length) return;
  const conflicted = new Set(error.filter((e) => e.status === 409).map((e) => e.documentId));
  const other = error.find((e) => e.status !== 409);
  if (other) throw new ApiError('DS_SCORING_ERROR', `Storing score ${other.documentId} failed (status ${other.status}).`);
  if (attempt >= 2) throw new ApiError('DS_SCORING_ERROR', `Storing ${conflicted.size} scores kept conflicting with other writes.`);
  await writeScoreRows(
    store,
    ids.filter((id) => conflicted.has(id)),
    rowOf,
    attempt + 1,
  );
}

/**
 * Stakeholder scores are computed on request now; earlier versions stored one doc per person
 * (60k in a large workspace). Removed in small chunks so the cleanup never stalls the app.
 */
export async function removeStoredStakeholderScores(store: Store, chunk = WRITE_CHUNK): Promise<number> {
  let removed = 0;
  for (;;) {
    const docs = await store.scores.find({ selector: { subjectType: 'stakeholder' }, limit: chunk }).exec();
    if (!docs.length) return removed;
    await store.scores.bulkRemove(docs.map((d) => d.id));
    removed += docs.length;
    await yieldToLoop();
  }
}
