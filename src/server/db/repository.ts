// Sync server (Node): all SQL for workspaces, users, sessions and invitations. Shared by the
// pg and PGlite drivers; values always travel as parameters.
import type { SqlDriver } from './driver';
import type { Role } from '@shared/sync';

export interface SessionRow {
  userId: string;
  email: string;
  workspaceId: string;
  workspaceName: string;
  /** Null when the membership was removed after sign-in. */
  role: Role | null;
  /** An admin removed this user from the workspace (role is null then). */
  removed: boolean;
  expiresAt: number;
  revoked: boolean;
}

export interface InviteRow {
  workspaceId: string;
  email: string;
  role: Role;
  expiresAt: number;
  accepted: boolean;
}

export interface MembershipRow {
  workspaceId: string;
  workspaceName: string;
  role: Role;
}

const ms = (v: unknown): number => new Date(v as string).getTime();

export function createAccessRepository(db: SqlDriver) {
  return {
    async createWorkspace(id: string, name: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO workspaces (id, name) VALUES ($1, $2)', [id, name]);
        await tx.query('INSERT INTO sync_counters (workspace_id) VALUES ($1)', [id]);
      });
    },

    async findUserByEmail(email: string): Promise<{ id: string; passwordHash: string } | undefined> {
      const rows = await db.query<{ id: string; password_hash: string }>('SELECT id, password_hash FROM users WHERE email = $1', [email]);
      return rows[0] ? { id: rows[0].id, passwordHash: rows[0].password_hash } : undefined;
    },

    async createUser(id: string, email: string, passwordHash: string): Promise<void> {
      await db.query('INSERT INTO users (id, email, password_hash) VALUES ($1, $2, $3)', [id, email, passwordHash]);
    },

    async upsertMembership(workspaceId: string, userId: string, role: Role): Promise<void> {
      await db.query(
        `INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role, removed_at = NULL, removed_by = NULL`,
        [workspaceId, userId, role],
      );
    },

    async memberships(userId: string): Promise<MembershipRow[]> {
      const rows = await db.query<{ workspace_id: string; name: string; role: Role }>(
        `SELECT m.workspace_id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
         WHERE m.user_id = $1 AND m.removed_at IS NULL ORDER BY m.created_at, m.workspace_id`,
        [userId],
      );
      return rows.map((r) => ({ workspaceId: r.workspace_id, workspaceName: r.name, role: r.role }));
    },

    /** Workspaces this user was removed from (and not re-added to). */
    async removedFrom(userId: string): Promise<string[]> {
      const rows = await db.query<{ workspace_id: string }>(
        'SELECT workspace_id FROM memberships WHERE user_id = $1 AND removed_at IS NOT NULL',
        [userId],
      );
      return rows.map((r) => r.workspace_id);
    },

    async createSession(
      tokenHash: string,
      userId: string,
      workspaceId: string,
      expiresAt: number,
      client: { device?: string | null; address?: string | null } = {},
    ): Promise<void> {
      await db.query(
        'INSERT INTO sessions (token_hash, user_id, workspace_id, expires_at, device, address) VALUES ($1, $2, $3, $4, $5, $6)',
        [tokenHash, userId, workspaceId, new Date(expiresAt).toISOString(), client.device ?? null, client.address ?? null],
      );
    },

    async findSession(tokenHash: string): Promise<SessionRow | undefined> {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT s.user_id, u.email, s.workspace_id, w.name, m.role, m.removed_at, s.expires_at, s.revoked_at
         FROM sessions s JOIN users u ON u.id = s.user_id JOIN workspaces w ON w.id = s.workspace_id
         LEFT JOIN memberships m ON m.workspace_id = s.workspace_id AND m.user_id = s.user_id
         WHERE s.token_hash = $1`,
        [tokenHash],
      );
      const r = rows[0];
      if (!r) return undefined;
      return {
        userId: r.user_id as string,
        email: r.email as string,
        workspaceId: r.workspace_id as string,
        workspaceName: r.name as string,
        role: r.removed_at === null ? ((r.role as Role | null) ?? null) : null,
        removed: r.removed_at !== null && r.removed_at !== undefined,
        expiresAt: ms(r.expires_at),
        revoked: r.revoked_at !== null,
      };
    },

    async revokeSession(tokenHash: string): Promise<void> {
      await db.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
    },

    async revokeUserSessions(workspaceId: string, userId: string): Promise<number> {
      const rows = await db.query(
        `UPDATE sessions SET revoked_at = now()
         WHERE workspace_id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING token_hash`,
        [workspaceId, userId],
      );
      return rows.length;
    },

    async createInvite(
      codeHash: string,
      workspaceId: string,
      email: string,
      role: Role,
      createdBy: string,
      expiresAt: number,
    ): Promise<void> {
      await db.query(
        `INSERT INTO invitations (code_hash, workspace_id, email, role, created_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [codeHash, workspaceId, email, role, createdBy, new Date(expiresAt).toISOString()],
      );
    },

    async findInvite(codeHash: string): Promise<InviteRow | undefined> {
      const rows = await db.query<Record<string, unknown>>(
        'SELECT workspace_id, email, role, expires_at, accepted_at FROM invitations WHERE code_hash = $1',
        [codeHash],
      );
      const r = rows[0];
      if (!r) return undefined;
      return {
        workspaceId: r.workspace_id as string,
        email: r.email as string,
        role: r.role as Role,
        expiresAt: ms(r.expires_at),
        accepted: r.accepted_at !== null,
      };
    },

    /** Marks the invite used; false when someone else used it first (single use, race-safe). */
    async markInviteAccepted(codeHash: string, userId: string): Promise<boolean> {
      const rows = await db.query(
        `UPDATE invitations SET accepted_at = now(), accepted_by = $2
         WHERE code_hash = $1 AND accepted_at IS NULL AND expires_at > now() RETURNING code_hash`,
        [codeHash, userId],
      );
      return rows.length === 1;
    },
  };
}

export type AccessRepository = ReturnType<typeof createAccessRepository>;
