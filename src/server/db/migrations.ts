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
