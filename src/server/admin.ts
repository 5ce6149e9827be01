// Sync server (Node): team admin outside HTTP — the first workspace and admin (CLI `admin
// create`) and the CLI's list, invite, set-role, remove and audit. Role changes and removals go
// through the same repository calls (and audit entries) as the admin routes.
import { randomUUID } from 'node:crypto';
import type { Database } from './db';
import type { Role } from '@shared/sync';
import { Email } from '@shared/sync';
import { hashPassword, hashSecret, newSecret } from './auth';
import { newAccountProblems } from './password-policy';
import { AUTH_CHANNEL, accessEndedPayload } from './session-cache';

export interface CreatedWorkspace {
  workspaceId: string;
  userId: string;
  /** The e-mail already had an account: it keeps its own password. */
  existingUser: boolean;
}

export class AdminCommandError extends Error {}

export async function createWorkspaceWithAdmin(
  db: Database,
  input: { workspace: string; email: string; password: string; role?: Role; passwordMemoryKiB?: number },
): Promise<CreatedWorkspace> {
  // The API's own rules (shape only here; the CLI also refuses common passwords up front).
  const problems = newAccountProblems(input.email, input.password, { refuseCommon: false });
  if (problems.length > 0) throw new AdminCommandError(problems.map((p) => `${p.code}: ${p.message}`).join('\n'));
  const email = Email.parse(input.email);
  const workspaceId = randomUUID();
  const existing = await db.access.findUserByEmail(email);
  const userId = existing?.id ?? randomUUID();
  const passwordHash = existing ? undefined : await hashPassword(input.password, input.passwordMemoryKiB);
  await db.access.createWorkspace(workspaceId, input.workspace);
  if (passwordHash) await db.access.createUser(userId, email, passwordHash);
  await db.access.upsertMembership(workspaceId, userId, input.role ?? 'admin');
  await db.team.audit({
    workspaceId,
    action: 'workspace.created',
    targetId: userId,
    targetEmail: email,
    details: { role: input.role ?? 'admin', via: 'cli' },
  });
  return { workspaceId, userId, existingUser: !!existing };
}

/** A workspace by id or exact name; refuses none or several with plain words. */
export async function resolveWorkspace(db: Database, idOrName: string): Promise<{ id: string; name: string }> {
  const found = await db.team.findWorkspace(idOrName);
  if (found.length === 0) throw new AdminCommandError(`DS_SYNC_NOT_FOUND: no workspace has the id or name "${idOrName}".`);
  if (found.length > 1)
    throw new AdminCommandError(
      `DS_SYNC_BAD_REQUEST: ${found.length} workspaces are named "${idOrName}"; give its id instead (${found.map((w) => w.id).join(', ')}).`,
    );
  return found[0]!;
}

async function userIdOf(db: Database, email: string): Promise<string> {
  const user = await db.access.findUserByEmail(Email.parse(email));
  if (!user) throw new AdminCommandError(`DS_SYNC_NOT_FOUND: no account has the e-mail ${email}.`);
  return user.id;
}

const refused = (why: 'not_member' | 'last_admin', email: string) =>
  new AdminCommandError(
    why === 'last_admin'
      ? `DS_SYNC_LAST_ADMIN: ${email} is the workspace's only admin. Make someone else an admin first.`
      : `DS_SYNC_NOT_FOUND: ${email} is not a member of this workspace.`,
  );

export async function adminSetRole(db: Database, workspaceId: string, email: string, role: Role) {
  const userId = await userIdOf(db, email);
  const done = await db.team.setRole(workspaceId, userId, role, { details: { via: 'cli' } });
  if (!done.ok) throw refused(done.why, email);
  await db.driver.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, 'changed']);
  return { userId, from: done.from, to: role };
}

export async function adminRemove(db: Database, workspaceId: string, email: string) {
  const userId = await userIdOf(db, email);
  const done = await db.team.removeMember(workspaceId, userId, { details: { via: 'cli' } });
  if (!done.ok) throw refused(done.why, email);
  // Servers on the same PostgreSQL drop their session caches and end that member's streams.
  await db.driver.query('SELECT pg_notify($1, $2)', [
    AUTH_CHANNEL,
    accessEndedPayload({ workspaceId, userId, code: 'DS_SYNC_MEMBER_REMOVED' }),
  ]);
  return { userId, tokensEnded: done.revoked };
}

/** An invite code for `email`, made in the name of the workspace's first admin. */
export async function adminInvite(db: Database, workspaceId: string, email: string, role: Role, ttlMs: number) {
  const address = Email.safeParse(email);
  if (!address.success) throw new AdminCommandError(`DS_SYNC_BAD_REQUEST: "${email}" is not a valid e-mail address.`);
  const admins = (await db.team.members(workspaceId)).members.filter((m) => m.role === 'admin');
  if (!admins[0]) throw new AdminCommandError('DS_SYNC_LAST_ADMIN: this workspace has no admin; run `admin create` first.');
  const code = newSecret();
  const expiresAt = Date.now() + ttlMs;
  await db.access.createInvite(hashSecret(code), workspaceId, address.data, role, admins[0].userId, expiresAt);
  await db.team.audit({ workspaceId, action: 'invite.created', targetEmail: address.data, details: { role, via: 'cli' } });
  return { code, email: address.data, role, expiresAt };
}
