// Sync server (Node): the change log. Every accepted document write gets the next seq of its
// workspace. Seqs are allocated under a row lock on the workspace's counter that is held until
// COMMIT, so pushes of one workspace commit in seq order: a reader that has seen seq N can
// never later discover a smaller seq committing (no skipped writes). Pushes are applied by the
// SQL function ds_sync_push_group (migration 4) in groups (group-commit.ts): what arrives while
// earlier pushes are being applied goes in one transaction, whatever its workspace. Its locks
// are taken in statements of their own BEFORE current states are read, because a statement
// that waited for a lock would still see its pre-wait snapshot and miss a conflict.
import { toDocState, type WireDoc } from '@shared/sync';
import type { SqlDriver } from './driver';
import { createGroupCommit } from './group-commit';

export const NOTIFY_CHANNEL = 'ds_sync';

export type StoredDoc = WireDoc & { _deleted: boolean };

export interface PushRowInput {
  assumedMasterState?: StoredDoc | null;
  /** Already validated; `_deleted` split out. */
  newDocumentState: StoredDoc;
}

export interface PushResult {
  conflicts: StoredDoc[];
  /**
   * Set when the pushing session could no longer write at the moment its group was applied
   * (revoked, expired, removed or now a viewer): nothing of the push was written.
   */
  refused?: true;
}

function toWire(doc: Record<string, unknown>, deleted: boolean): StoredDoc {
  return { ...doc, _deleted: deleted } as StoredDoc;
}

/** Rows per group: a group of small pushes never grows past one maximal push (MAX_PUSH_ROWS). */
const GROUP_MAX_ROWS = 1000;

interface QueuedPush {
  workspaceId: string;
  /** The pushing session, checked against the database when the group is applied. */
  tokenHash: string | undefined;
  rows: number;
  /** `{"w":workspace,"c":collection,"rows":[…]}`, serialised once when the push arrives. */
  json: string;
}

export interface SyncRepositoryOptions {
  /** Push groups in flight at once (group-commit.ts). */
  pushConcurrency?: number;
}

export function createSyncRepository(db: SqlDriver, options: SyncRepositoryOptions = {}) {
  const pushGrouped = createGroupCommit<QueuedPush, PushResult>({
    key: (p) => p.workspaceId,
    weight: (p) => p.rows,
    maxWeight: GROUP_MAX_ROWS,
    concurrency: options.pushConcurrency ?? 2,
    async apply(all) {
      // Sessions are cached per instance (session-cache.ts) and another instance hears of a role
      // change or removal by NOTIFY a moment after it commits. One query per group (not per push)
      // closes that window: a push is applied only if its session may still write right now.
      const allowed = await writableSessions(all);
      const pushes = all.filter((p) => p.tokenHash === undefined || allowed.has(p.tokenHash));
      const out =
        pushes.length === 0
          ? [{ conflicts: [] as StoredDoc[][] }]
          : await db.query<{ conflicts: StoredDoc[][] }>('SELECT ds_sync_push_group($1::jsonb, $2) AS conflicts', [
              `[${pushes.map((p) => p.json).join(',')}]`,
              NOTIFY_CHANNEL,
            ]);
      const conflicts = out[0]?.conflicts;
      if (conflicts?.length !== pushes.length)
        throw new Error(`DS_SYNC_INTERNAL: ds_sync_push_group answered ${conflicts?.length} of ${pushes.length} pushes`);
      const byPush = new Map(pushes.map((p, i) => [p, conflicts[i]!]));
      return all.map((p) => {
        const c = byPush.get(p);
        return c ? { conflicts: c } : { conflicts: [], refused: true as const };
      });
    },
  });

  async function writableSessions(pushes: QueuedPush[]): Promise<Set<string>> {
    const hashes = [...new Set(pushes.flatMap((p) => (p.tokenHash === undefined ? [] : [p.tokenHash])))];
    if (hashes.length === 0) return new Set();
    const rows = await db.query<{ token_hash: string }>(
      `SELECT s.token_hash FROM sessions s
       JOIN memberships m ON m.workspace_id = s.workspace_id AND m.user_id = s.user_id
       WHERE s.token_hash = ANY($1::text[]) AND s.revoked_at IS NULL AND s.expires_at > now()
         AND m.removed_at IS NULL AND m.role IN ('admin', 'member')`,
      [hashes],
    );
    return new Set(rows.map((r) => r.token_hash));
  }

  return {
    async pull(workspaceId: string, collection: string, sinceSeq: number, limit: number) {
      const rows = await db.query<{ doc: Record<string, unknown>; deleted: boolean; seq: string | number }>(
        `SELECT doc, deleted, seq FROM sync_docs
         WHERE workspace_id = $1 AND collection = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
        [workspaceId, collection, sinceSeq, limit],
      );
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
    async push(workspaceId: string, collection: string, rows: PushRowInput[], tokenHash?: string): Promise<PushResult> {
      // Normalised here (local-only fields gone, `_deleted` explicit) so that jsonb equality in
      // ds_sync_push_group (migration 4) means exactly what sameDocState means on the client.
      const payload = rows.map((r) => ({
        newDocumentState: toDocState(r.newDocumentState),
        assumedMasterState: r.assumedMasterState ? toDocState(r.assumedMasterState) : null,
      }));
      return pushGrouped({
        workspaceId,
        tokenHash,
        rows: rows.length,
        json: JSON.stringify({ w: workspaceId, c: collection, rows: payload }),
      });
    },

    /**
     * Which of `collections` changed after a seq, for stream resumption. Read from the current
     * states, not the change log: a document changed after `sinceSeq` has a current seq above it,
     * so the answer is the same, costs one index probe per collection however old `sinceSeq` is,
     * and does not depend on the change log's history (see compactChanges).
     */
    async collectionsChangedSince(workspaceId: string, sinceSeq: number, collections: readonly string[]): Promise<string[]> {
      const rows = await db.query<{ collection: string }>(
        `SELECT c AS collection FROM unnest($3::text[]) c
         WHERE EXISTS (SELECT 1 FROM sync_docs d WHERE d.workspace_id = $1 AND d.collection = c AND d.seq > $2)`,
        [workspaceId, sinceSeq, collections],
      );
      return rows.map((r) => r.collection).sort();
    },

    /**
     * Change-log compaction: deletes every change written before `before` that a later change of
     * the same document has superseded, so the log keeps each document's latest change plus the
     * full history of the retention period. Nothing a client needs is lost: pulls and stream
     * resumption read the current states (sync_docs), never the log, so there is no "oldest
     * needed checkpoint" to respect here. Current states themselves, tombstones included, are
     * never compacted: without knowing every client's checkpoint, purging a tombstone could hide
     * a deletion from a client that has been offline since before it.
     *
     * Walks each workspace's log in seq windows by primary key and stops at the first window
     * with nothing older than `before`. Idempotent, and safe beside pushes (they only add higher
     * seqs) and beside another instance compacting at the same time.
     */
    async compactChanges(before: Date, windowSeqs = 5000): Promise<number> {
      const counters = await db.query<{ workspace_id: string; seq: string | number }>('SELECT workspace_id, seq FROM sync_counters');
      let deleted = 0;
      for (const { workspace_id: ws, seq } of counters) {
        for (let from = 0; from < Number(seq); from += windowSeqs) {
          const [r] = await db.query<{ deleted: string | number; past_horizon: boolean }>(
            `WITH gone AS (
               DELETE FROM sync_changes c
               WHERE c.workspace_id = $1 AND c.seq > $2 AND c.seq <= $3 AND c.created_at < $4
                 AND EXISTS (SELECT 1 FROM sync_docs d WHERE d.workspace_id = c.workspace_id
                               AND d.collection = c.collection AND d.doc_id = c.doc_id AND d.seq > c.seq)
               RETURNING 1)
             SELECT (SELECT count(*) FROM gone) AS deleted,
                    NOT EXISTS (SELECT 1 FROM sync_changes c WHERE c.workspace_id = $1 AND c.seq > $2 AND c.seq <= $3
                                  AND c.created_at < $4) AS past_horizon`,
            [ws, from, from + windowSeqs, before.toISOString()],
          );
          deleted += Number(r?.deleted ?? 0);
          // Seqs and write times rise together (near enough: a push that waited for its lock across
          // `before` is left for the next run), so later windows are newer still.
          if (r?.past_horizon) break;
        }
      }
      return deleted;
    },
  };
}

export type SyncRepository = ReturnType<typeof createSyncRepository>;
