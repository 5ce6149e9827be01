// Sync server (Node): the change log. Every accepted document write gets the next seq of its
// workspace. Seqs are allocated under a row lock on the workspace's counter that is held until
// COMMIT, so pushes of one workspace commit in seq order: a reader that has seen seq N can
// never later discover a smaller seq committing (no skipped writes). Pushes of different
// workspaces never wait for each other.
import { sameDocState, type WireDoc } from '../../shared/sync';
import type { SqlDriver } from './driver';

export const NOTIFY_CHANNEL = 'ds_sync';

export type StoredDoc = WireDoc & { _deleted: boolean };

export interface PushRowInput {
  assumedMasterState?: StoredDoc | null;
  /** Already validated; `_deleted` split out. */
  newDocumentState: StoredDoc;
}

export interface PushResult {
  conflicts: StoredDoc[];
  /** Last seq written, when anything was. */
  seq?: number;
}

function toWire(doc: Record<string, unknown>, deleted: boolean): StoredDoc {
  return { ...doc, _deleted: deleted } as StoredDoc;
}

function stripDeleted(doc: StoredDoc): Record<string, unknown> {
  const { _deleted, ...rest } = doc;
  void _deleted;
  return rest;
}

export function createSyncRepository(db: SqlDriver) {
  return {
    async pull(workspaceId: string, collection: string, sinceSeq: number, limit: number) {
      const rows = await db.query<{ doc: Record<string, unknown>; deleted: boolean; seq: string | number }>(
        `SELECT doc, deleted, seq FROM sync_docs
         WHERE workspace_id = $1 AND collection = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
        [workspaceId, collection, sinceSeq, limit]);
      const last = rows[rows.length - 1];
      return {
        documents: rows.map((r) => toWire(r.doc, r.deleted)),
        checkpoint: { seq: last ? Number(last.seq) : sinceSeq },
      };
    },

    async latestSeq(workspaceId: string): Promise<number> {
      const rows = await db.query<{ seq: string | number }>('SELECT seq FROM sync_counters WHERE workspace_id = $1', [workspaceId]);
      return rows[0] ? Number(rows[0].seq) : 0;
    },

    /**
     * RxDB's masterWrite: a row is written when the server still holds the state the client
     * assumed; otherwise the real master state is returned as a conflict for the client to
     * merge. A row equal to the current state is a replay: accepted, but nothing is written,
     * so duplicate pushes never add seqs or history.
     */
    async push(workspaceId: string, collection: string, rows: PushRowInput[]): Promise<PushResult> {
      return db.transaction(async (tx) => {
        await tx.query('SELECT seq FROM sync_counters WHERE workspace_id = $1 FOR UPDATE', [workspaceId]);
        const ids = [...new Set(rows.map((r) => r.newDocumentState.id))];
        const current = new Map<string, StoredDoc>();
        const found = await tx.query<{ doc_id: string; doc: Record<string, unknown>; deleted: boolean }>(
          `SELECT doc_id, doc, deleted FROM sync_docs WHERE workspace_id = $1 AND collection = $2
           AND doc_id IN (SELECT jsonb_array_elements_text($3::jsonb))`,
          [workspaceId, collection, JSON.stringify(ids)]);
        for (const r of found) current.set(r.doc_id, toWire(r.doc, r.deleted));

        const conflicts = new Map<string, StoredDoc>();
        const writes = new Map<string, StoredDoc>();
        for (const row of rows) {
          const id = row.newDocumentState.id;
          const now = writes.get(id) ?? current.get(id);
          if (now && sameDocState(now, row.newDocumentState)) continue;
          if (now && (!row.assumedMasterState || !sameDocState(now, row.assumedMasterState))) {
            conflicts.set(id, now);
            continue;
          }
          writes.set(id, row.newDocumentState);
          conflicts.delete(id);
        }
        if (writes.size === 0) return { conflicts: [...conflicts.values()] };

        const list = [...writes.values()].map((d, i) => ({
          ord: i + 1, doc_id: d.id, doc: stripDeleted(d), deleted: d._deleted === true,
        }));
        // One statement allocates the seqs, appends the log, moves the current state and
        // queues the NOTIFY (delivered at COMMIT), keeping the counter lock short.
        const out = await tx.query<{ seq: string | number }>(
          `WITH c AS (
             UPDATE sync_counters SET seq = seq + $3 WHERE workspace_id = $1 RETURNING seq),
           r AS (
             SELECT x.ord, x.doc_id, x.doc, x.deleted, c.seq - $3 + x.ord AS seq
             FROM jsonb_to_recordset($4::jsonb) AS x(ord int, doc_id text, doc jsonb, deleted boolean), c),
           log AS (
             INSERT INTO sync_changes (workspace_id, seq, collection, doc_id, doc, deleted)
             SELECT $1, r.seq, $2, r.doc_id, r.doc, r.deleted FROM r),
           cur AS (
             INSERT INTO sync_docs (workspace_id, collection, doc_id, doc, deleted, seq)
             SELECT $1, $2, r.doc_id, r.doc, r.deleted, r.seq FROM r
             ON CONFLICT (workspace_id, collection, doc_id)
             DO UPDATE SET doc = EXCLUDED.doc, deleted = EXCLUDED.deleted, seq = EXCLUDED.seq)
           SELECT c.seq, pg_notify($5, $1 || ' ' || c.seq::text || ' ' || $2) FROM c`,
          [workspaceId, collection, list.length, JSON.stringify(list), NOTIFY_CHANNEL]);
        return { conflicts: [...conflicts.values()], seq: Number(out[0]?.seq) };
      });
    },

    /** Collections changed after a seq, for stream resumption (bounded: the caller resyncs beyond it). */
    async collectionsChangedSince(workspaceId: string, sinceSeq: number): Promise<string[]> {
      const rows = await db.query<{ collection: string }>(
        'SELECT DISTINCT collection FROM sync_changes WHERE workspace_id = $1 AND seq > $2', [workspaceId, sinceSeq]);
      return rows.map((r) => r.collection).sort();
    },
  };
}

export type SyncRepository = ReturnType<typeof createSyncRepository>;
