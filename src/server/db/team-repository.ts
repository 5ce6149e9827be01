// Sync server (Node): SQL for team admin — sign-in attempt counters, members with their devices,
// role changes, removals and the audit log. Shared by the pg and PGlite drivers.
import type { AuditAction, AuditEntry, MembersResponse, Role } from '@shared/sync';
import type { SqlDriver, SqlExecutor } from './driver';

const ms = (v: unknown): number => new Date(v as string).getTime();
const msOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : ms(v));

export interface AuditRecord {
  workspaceId: string | null;
  action: AuditAction;
  actorId?: string | null;
  actorEmail?: string | null;
  targetId?: string | null;
  targetEmail?: string | null;
  address?: string | null;
  details?: Record<string, unknown> | null;
}

export interface AttemptCount {
  key: string;
  attempts: number;
  /** Milliseconds until this key's window ends (database clock, so instances agree). */
  windowLeftMs: number;
}

/** Why a role change or removal was refused. */
export type MemberChangeRefusal = 'not_member' | 'last_admin';

async function insertAudit(db: SqlExecutor, r: AuditRecord): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (workspace_id, action, actor_id, actor_email, target_id, target_email, address, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      r.workspaceId,
      r.action,
      r.actorId ?? null,
      r.actorEmail ?? null,
      r.targetId ?? null,
      r.targetEmail ?? null,
      r.address ?? null,
      r.details ? JSON.stringify(r.details) : null,
    ],
  );
}

/** The member's row locked, and whether another admin would remain without them. */
async function lockMember(tx: SqlExecutor, workspaceId: string, userId: string) {
  // Every admin row of the workspace is locked (FOR UPDATE), so two admins demoting each other
  // at once cannot leave the workspace without one.
  const admins = await tx.query<{ user_id: string }>(
    `SELECT user_id FROM memberships WHERE workspace_id = $1 AND role = 'admin' AND removed_at IS NULL
     ORDER BY user_id FOR UPDATE`,
    [workspaceId],
  );
  const rows = await tx.query<{ role: Role; email: string }>(
    `SELECT m.role, u.email FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.workspace_id = $1 AND m.user_id = $2 AND m.removed_at IS NULL FOR UPDATE OF m`,
    [workspaceId, userId],
  );
  const member = rows[0];
  return { member, otherAdmins: admins.filter((a) => a.user_id !== userId).length };
}

export function createTeamRepository(db: SqlDriver) {
  return {
    /**
     * Counts one attempt on each key atomically and returns the new counts. A key's window starts
     * at its first attempt and lasts `windowMs`; an attempt after it starts a new window.
     */
    async countAttempt(keys: string[], windowMs: number): Promise<AttemptCount[]> {
      // Sorted, so two statements lock shared keys in the same order and never deadlock.
      const sorted = [...new Set(keys)].sort();
      const rows = await db.query<{ key: string; attempts: number; left_ms: number }>(
        `INSERT INTO sign_in_limits AS l (key, attempts, window_start)
         SELECT k, 1, now() FROM unnest($1::text[]) AS k ORDER BY k
         ON CONFLICT (key) DO UPDATE SET
           attempts = CASE WHEN l.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE l.attempts + 1 END,
           window_start = CASE WHEN l.window_start <= now() - make_interval(secs => $2) THEN now() ELSE l.window_start END
         RETURNING key, attempts,
           (extract(epoch FROM (window_start + make_interval(secs => $2) - now())) * 1000)::float8 AS left_ms`,
        [sorted, windowMs / 1000],
      );
      return rows.map((r) => ({ key: r.key, attempts: Number(r.attempts), windowLeftMs: Math.max(0, Number(r.left_ms)) }));
    },

    /** Takes one attempt back from each key (an attempt refused before any check was made). */
    async uncountAttempt(keys: string[]): Promise<void> {
      await db.query('UPDATE sign_in_limits SET attempts = greatest(attempts - 1, 0) WHERE key = ANY($1::text[])', [keys]);
    },

    /** A right password: its own key starts over, and the shared key forgets this attempt. */
    async clearAttempt(ownKey: string, sharedKeys: string[]): Promise<void> {
      await db.query(
        `WITH d AS (DELETE FROM sign_in_limits WHERE key = $1)
         UPDATE sign_in_limits SET attempts = greatest(attempts - 1, 0) WHERE key = ANY($2::text[])`,
        [ownKey, sharedKeys],
      );
    },

    async purgeAttempts(windowMs: number): Promise<void> {
      await db.query('DELETE FROM sign_in_limits WHERE window_start <= now() - make_interval(secs => $1)', [windowMs / 1000]);
    },

    audit: (r: AuditRecord) => insertAudit(db, r),

    /**
     * A workspace's audit log, newest first. Sign-in failures of one of its members are recorded
     * without a workspace (the e-mail may belong to several) and shown to each of them.
     */
    async auditLog(workspaceId: string | null, limit: number, before?: number): Promise<AuditEntry[]> {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT id, at, action, actor_email, target_email, address, details FROM audit_log a
         WHERE ($1::uuid IS NULL OR a.workspace_id = $1
                OR (a.workspace_id IS NULL AND a.target_id IN (SELECT user_id FROM memberships WHERE workspace_id = $1)))
           AND ($3::bigint IS NULL OR a.id < $3)
         ORDER BY a.id DESC LIMIT $2`,
        [workspaceId, limit, before ?? null],
      );
      return rows.map((r) => ({
        id: Number(r.id),
        at: ms(r.at),
        action: r.action as AuditAction,
        actorEmail: (r.actor_email as string | null) ?? null,
        targetEmail: (r.target_email as string | null) ?? null,
        address: (r.address as string | null) ?? null,
        details: (r.details as Record<string, unknown> | null) ?? null,
      }));
    },

    async members(workspaceId: string): Promise<MembersResponse> {
      const members = await db.query<Record<string, unknown>>(
        `SELECT m.user_id, u.email, m.role, m.created_at,
                (SELECT max(s.created_at) FROM sessions s WHERE s.workspace_id = m.workspace_id AND s.user_id = m.user_id) AS last_sign_in
         FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.workspace_id = $1 AND m.removed_at IS NULL ORDER BY u.email`,
        [workspaceId],
      );
      const devices = await db.query<Record<string, unknown>>(
        `SELECT user_id, substr(token_hash, 1, 12) AS id, created_at, expires_at, device, address FROM sessions
         WHERE workspace_id = $1 AND revoked_at IS NULL AND expires_at > now() ORDER BY created_at DESC`,
        [workspaceId],
      );
      const invites = await db.query<Record<string, unknown>>(
        `SELECT email, role, expires_at, created_at FROM invitations
         WHERE workspace_id = $1 AND accepted_at IS NULL AND expires_at > now() ORDER BY created_at DESC LIMIT 200`,
        [workspaceId],
      );
      return {
        members: members.map((m) => ({
          userId: m.user_id as string,
          email: m.email as string,
          role: m.role as Role,
          joinedAt: ms(m.created_at),
          lastSignInAt: msOrNull(m.last_sign_in),
          devices: devices
            .filter((d) => d.user_id === m.user_id)
            .map((d) => ({
              id: d.id as string,
              signedInAt: ms(d.created_at),
              expiresAt: ms(d.expires_at),
              device: (d.device as string | null) ?? null,
              address: (d.address as string | null) ?? null,
            })),
        })),
        invites: invites.map((i) => ({
          email: i.email as string,
          role: i.role as Role,
          expiresAt: ms(i.expires_at),
          createdAt: ms(i.created_at),
        })),
      };
    },

    /** Changes a member's role; never leaves the workspace without an admin. Audited. */
    async setRole(
      workspaceId: string,
      userId: string,
      role: Role,
      actor: Omit<AuditRecord, 'workspaceId' | 'action'>,
    ): Promise<{ ok: true; email: string; from: Role } | { ok: false; why: MemberChangeRefusal }> {
      return db.transaction(async (tx) => {
        const { member, otherAdmins } = await lockMember(tx, workspaceId, userId);
        if (!member) return { ok: false as const, why: 'not_member' as const };
        if (member.role === 'admin' && role !== 'admin' && otherAdmins === 0) return { ok: false as const, why: 'last_admin' as const };
        await tx.query('UPDATE memberships SET role = $3 WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId, role]);
        await insertAudit(tx, {
          ...actor,
          workspaceId,
          action: 'member.role_changed',
          targetId: userId,
          targetEmail: member.email,
          details: { from: member.role, to: role },
        });
        return { ok: true as const, email: member.email, from: member.role };
      });
    },

    /**
     * Removes a member: the membership is marked removed (so every later refusal can say why) and
     * every token of that user in this workspace ends in the same transaction. Audited.
     */
    async removeMember(
      workspaceId: string,
      userId: string,
      actor: Omit<AuditRecord, 'workspaceId' | 'action'>,
    ): Promise<{ ok: true; email: string; revoked: number } | { ok: false; why: MemberChangeRefusal }> {
      return db.transaction(async (tx) => {
        const { member, otherAdmins } = await lockMember(tx, workspaceId, userId);
        if (!member) return { ok: false as const, why: 'not_member' as const };
        if (member.role === 'admin' && otherAdmins === 0) return { ok: false as const, why: 'last_admin' as const };
        await tx.query('UPDATE memberships SET removed_at = now(), removed_by = $3 WHERE workspace_id = $1 AND user_id = $2', [
          workspaceId,
          userId,
          actor.actorId ?? null,
        ]);
        const revoked = await tx.query(
          `UPDATE sessions SET revoked_at = now() WHERE workspace_id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING token_hash`,
          [workspaceId, userId],
        );
        // Invitations this member had not used yet are withdrawn too.
        await tx.query(`DELETE FROM invitations WHERE workspace_id = $1 AND email = $2 AND accepted_at IS NULL`, [
          workspaceId,
          member.email,
        ]);
        await insertAudit(tx, {
          ...actor,
          workspaceId,
          action: 'member.removed',
          targetId: userId,
          targetEmail: member.email,
          details: { role: member.role, tokensEnded: revoked.length },
        });
        return { ok: true as const, email: member.email, revoked: revoked.length };
      });
    },

    /** A workspace by id or exact name (the CLI lets admins type either). */
    async findWorkspace(idOrName: string): Promise<{ id: string; name: string }[]> {
      return db.query<{ id: string; name: string }>(
        `SELECT id::text AS id, name FROM workspaces WHERE id::text = $1 OR name = $1 ORDER BY created_at`,
        [idOrName],
      );
    },
  };
}

export type TeamRepository = ReturnType<typeof createTeamRepository>;
