// Sync server (Node): numbered SQL migrations, applied once each and recorded in
// schema_migrations. Append new ones; never edit an applied one.
import type { SqlDriver } from './driver';

export const MIGRATIONS: { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'accounts and access',
    sql: `
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE users (
        id uuid PRIMARY KEY, email text NOT NULL UNIQUE, password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE memberships (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, user_id));
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz);
      CREATE INDEX sessions_user ON sessions (workspace_id, user_id);
      CREATE TABLE invitations (
        code_hash text PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users(id));`,
  },
  {
    id: 2,
    name: 'change log and current state',
    sql: `
      -- The per-workspace counter row is also the push lock: see SyncRepository.push.
      CREATE TABLE sync_counters (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
        seq bigint NOT NULL DEFAULT 0);
      CREATE TABLE sync_changes (
        workspace_id uuid NOT NULL, seq bigint NOT NULL, collection text NOT NULL,
        doc_id text NOT NULL, doc jsonb NOT NULL, deleted boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, seq));
      CREATE TABLE sync_docs (
        workspace_id uuid NOT NULL, collection text NOT NULL, doc_id text NOT NULL,
        doc jsonb NOT NULL, deleted boolean NOT NULL, seq bigint NOT NULL,
        PRIMARY KEY (workspace_id, collection, doc_id));
      CREATE INDEX sync_docs_pull ON sync_docs (workspace_id, collection, seq);`,
  },
  {
    id: 3,
    name: 'push in one round trip',
    // The whole masterWrite runs inside PostgreSQL: one round trip per push, and the workspace
    // lock is held only for the function body and COMMIT instead of four client round trips.
    // A VOLATILE plpgsql function takes a fresh snapshot per statement, so the read that follows
    // the lock sees every push that committed while this one waited (see sync-repository.ts).
    // jsonb equality is key-order-free and numeric, the same as canonicalJson equality.
    sql: `
      CREATE FUNCTION ds_sync_push(p_ws uuid, p_collection text, p_rows jsonb, p_channel text)
      RETURNS TABLE (conflicts jsonb, last_seq bigint) LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_row jsonb; v_id text; v_new jsonb; v_assumed jsonb; v_now jsonb;
        v_current jsonb; v_conflicts jsonb := '{}'; v_writes jsonb := '{}'; v_n int; v_seq bigint;
      BEGIN
        PERFORM 1 FROM sync_counters WHERE workspace_id = p_ws FOR UPDATE;
        SELECT coalesce(jsonb_object_agg(d.doc_id, d.doc || jsonb_build_object('_deleted', d.deleted)), '{}')
          INTO v_current FROM sync_docs d
          WHERE d.workspace_id = p_ws AND d.collection = p_collection
            AND d.doc_id IN (SELECT e->'newDocumentState'->>'id' FROM jsonb_array_elements(p_rows) e);
        FOR v_row IN SELECT e FROM jsonb_array_elements(p_rows) e LOOP
          v_new := v_row->'newDocumentState';
          v_id := v_new->>'id';
          v_assumed := v_row->'assumedMasterState';
          IF v_assumed IS NOT NULL AND jsonb_typeof(v_assumed) = 'null' THEN v_assumed := NULL; END IF;
          v_now := v_current->v_id;
          -- Replay of the current state: accepted, nothing written.
          CONTINUE WHEN v_now IS NOT NULL AND v_now = v_new;
          IF v_now IS NOT NULL AND (v_assumed IS NULL OR v_now <> v_assumed) THEN
            v_conflicts := v_conflicts || jsonb_build_object(v_id, v_now);
            CONTINUE;
          END IF;
          v_current := v_current || jsonb_build_object(v_id, v_new);
          v_writes := v_writes || jsonb_build_object(v_id, v_new);
          v_conflicts := v_conflicts - v_id;
        END LOOP;
        SELECT count(*) INTO v_n FROM jsonb_object_keys(v_writes);
        IF v_n > 0 THEN
          UPDATE sync_counters SET seq = seq + v_n WHERE workspace_id = p_ws RETURNING seq INTO v_seq;
          WITH r AS (
            SELECT w.key AS doc_id, w.value - '_deleted' AS doc, coalesce((w.value->>'_deleted')::boolean, false) AS deleted,
                   v_seq - v_n + row_number() OVER (ORDER BY w.key) AS seq
            FROM jsonb_each(v_writes) w),
          log AS (
            INSERT INTO sync_changes (workspace_id, seq, collection, doc_id, doc, deleted)
            SELECT p_ws, r.seq, p_collection, r.doc_id, r.doc, r.deleted FROM r)
          INSERT INTO sync_docs (workspace_id, collection, doc_id, doc, deleted, seq)
          SELECT p_ws, p_collection, r.doc_id, r.doc, r.deleted, r.seq FROM r
          ON CONFLICT (workspace_id, collection, doc_id)
          DO UPDATE SET doc = EXCLUDED.doc, deleted = EXCLUDED.deleted, seq = EXCLUDED.seq;
          PERFORM pg_notify(p_channel, p_ws::text || ' ' || v_seq::text || ' ' || p_collection);
        END IF;
        RETURN QUERY SELECT coalesce((SELECT jsonb_agg(c.value) FROM jsonb_each(v_conflicts) c), '[]'::jsonb), v_seq;
      END
      $fn$;`,
  },
  {
    id: 4,
    name: 'group commit: many pushes in one transaction',
    // ds_sync_push for a group of pushes (see group-commit.ts), possibly of several workspaces:
    // p_pushes is [{ "w": workspace, "c": collection, "rows": [{ newDocumentState,
    // assumedMasterState }] }] in arrival order. Each push is checked against the state the
    // pushes before it left, exactly as if each had been its own transaction in this order, and
    // gets its own conflicts (the result is an array with one array of conflicts per push).
    // Within a push a document is written once (its last state), numbered in doc-id order, as in
    // ds_sync_push; across pushes each write keeps its own change, so the change log is the same
    // as without grouping. Workspace locks are taken in id order, so groups of two instances that
    // share workspaces can never deadlock. ds_sync_push stays for instances of the previous
    // version during a rolling upgrade.
    sql: `
      CREATE FUNCTION ds_sync_push_group(p_pushes jsonb, p_channel text)
      RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_ws uuid; v_push jsonb; v_coll text; v_row jsonb; v_id text; v_prefix text; v_new jsonb;
        v_assumed jsonb; v_now jsonb; v_current jsonb := '{}'; v_conflicts jsonb; v_writes jsonb;
        v_ids text[]; v_all jsonb := '[]'; v_log jsonb := '[]'; v_base jsonb := '{}'; v_n bigint; v_seq bigint;
      BEGIN
        -- Each lock in a statement of its own and before any read (see ds_sync_push).
        FOR v_ws IN SELECT DISTINCT (p->>'w')::uuid FROM jsonb_array_elements(p_pushes) p ORDER BY 1 LOOP
          PERFORM 1 FROM sync_counters WHERE workspace_id = v_ws FOR UPDATE;
        END LOOP;
        -- Current states by primary key, one collection at a time: an IN (subquery) over the
        -- JSON would be planned for 100 × 100 estimated rows and scan the whole workspace.
        FOR v_ws, v_coll, v_ids IN
          SELECT (p->>'w')::uuid, p->>'c', array_agg(DISTINCT r->'newDocumentState'->>'id')
          FROM jsonb_array_elements(p_pushes) p, jsonb_array_elements(p->'rows') r GROUP BY 1, 2
        LOOP
          SELECT v_current || coalesce(jsonb_object_agg(v_ws::text || ' ' || v_coll || ' ' || d.doc_id,
                                                        d.doc || jsonb_build_object('_deleted', d.deleted)), '{}')
            INTO v_current FROM sync_docs d
            WHERE d.workspace_id = v_ws AND d.collection = v_coll AND d.doc_id = ANY(v_ids);
        END LOOP;
        FOR v_push IN SELECT e FROM jsonb_array_elements(p_pushes) e LOOP
          v_prefix := (v_push->>'w')::uuid::text || ' ' || (v_push->>'c') || ' ';
          v_conflicts := '{}'; v_writes := '{}';
          FOR v_row IN SELECT e FROM jsonb_array_elements(v_push->'rows') e LOOP
            v_new := v_row->'newDocumentState';
            v_id := v_new->>'id';
            v_assumed := v_row->'assumedMasterState';
            IF v_assumed IS NOT NULL AND jsonb_typeof(v_assumed) = 'null' THEN v_assumed := NULL; END IF;
            v_now := v_current->(v_prefix || v_id);
            -- Replay of the current state: accepted, nothing written.
            CONTINUE WHEN v_now IS NOT NULL AND v_now = v_new;
            IF v_now IS NOT NULL AND (v_assumed IS NULL OR v_now <> v_assumed) THEN
              v_conflicts := v_conflicts || jsonb_build_object(v_id, v_now);
              CONTINUE;
            END IF;
            v_current := v_current || jsonb_build_object(v_prefix || v_id, v_new);
            v_writes := v_writes || jsonb_build_object(v_id, v_new);
            v_conflicts := v_conflicts - v_id;
          END LOOP;
          IF v_writes <> '{}' THEN
            SELECT v_log || jsonb_agg(jsonb_build_array(v_push->'w', v_push->'c', w.key, w.value) ORDER BY w.key)
              INTO v_log FROM jsonb_each(v_writes) w;
          END IF;
          v_all := v_all || jsonb_build_array(coalesce((SELECT jsonb_agg(c.value) FROM jsonb_each(v_conflicts) c), '[]'::jsonb));
        END LOOP;
        IF v_log = '[]' THEN RETURN v_all; END IF;
        -- One seq range per workspace; the log's order is the order of the seqs.
        FOR v_ws, v_n IN SELECT (w->>0)::uuid, count(*) FROM jsonb_array_elements(v_log) w GROUP BY 1 LOOP
          UPDATE sync_counters SET seq = seq + v_n WHERE workspace_id = v_ws RETURNING seq INTO v_seq;
          v_base := v_base || jsonb_build_object(v_ws::text, v_seq - v_n);
        END LOOP;
        WITH r AS (
          SELECT (x.w->>0)::uuid AS ws, x.w->>1 AS collection, x.w->>2 AS doc_id, (x.w->3) - '_deleted' AS doc,
                 coalesce((x.w->3->>'_deleted')::boolean, false) AS deleted,
                 (v_base->>((x.w->>0)::uuid::text))::bigint + row_number() OVER (PARTITION BY (x.w->>0)::uuid ORDER BY x.o) AS seq
          FROM jsonb_array_elements(v_log) WITH ORDINALITY AS x(w, o)),
        log AS (
          INSERT INTO sync_changes (workspace_id, seq, collection, doc_id, doc, deleted)
          SELECT r.ws, r.seq, r.collection, r.doc_id, r.doc, r.deleted FROM r
          RETURNING workspace_id, collection, seq),
        docs AS (
          INSERT INTO sync_docs (workspace_id, collection, doc_id, doc, deleted, seq)
          SELECT DISTINCT ON (r.ws, r.collection, r.doc_id) r.ws, r.collection, r.doc_id, r.doc, r.deleted, r.seq
          FROM r ORDER BY r.ws, r.collection, r.doc_id, r.seq DESC
          ON CONFLICT (workspace_id, collection, doc_id)
          DO UPDATE SET doc = EXCLUDED.doc, deleted = EXCLUDED.deleted, seq = EXCLUDED.seq)
        SELECT count(pg_notify(p_channel, t.ws || ' ' || t.seq || ' ' || t.collection)) INTO v_n
          FROM (SELECT workspace_id::text AS ws, collection, max(seq)::text AS seq FROM log GROUP BY 1, 2) t;
        RETURN v_all;
      END
      $fn$;`,
  },
  {
    id: 5,
    name: 'team admin: sign-in limits, removals, devices, audit log',
    // sign_in_limits: one row per limiter key (see sign-in-limit.ts); INSERT … ON CONFLICT DO
    // UPDATE takes the row lock, so concurrent attempts on any number of instances count one by
    // one. memberships.removed_at keeps a removed member's row so every refusal can say why.
    sql: `
      CREATE TABLE sign_in_limits (
        key text PRIMARY KEY, attempts integer NOT NULL, window_start timestamptz NOT NULL);
      ALTER TABLE memberships ADD COLUMN removed_at timestamptz, ADD COLUMN removed_by uuid;
      ALTER TABLE sessions ADD COLUMN device text, ADD COLUMN address text;
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        workspace_id uuid REFERENCES workspaces(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        actor_id uuid, actor_email text, target_id uuid, target_email text, address text,
        details jsonb);
      CREATE INDEX audit_log_workspace ON audit_log (workspace_id, id DESC);
      CREATE INDEX audit_log_target ON audit_log (target_id, id DESC) WHERE workspace_id IS NULL;`,
  },
];

/** Applies pending migrations; an advisory lock keeps two starting instances from racing. */
export async function migrate(db: SqlDriver): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7416001)');
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => r.id));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      applied.push(m.id);
    }
    return applied;
  });
}
