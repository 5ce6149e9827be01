// Sync server (Node): team admin for a workspace's admins — members with their signed-in
// devices, role changes, removal (every token ends at once, and every later sign-in, pull, push
// and stream of that member is refused with DS_SYNC_MEMBER_REMOVED) and the audit log.
// Invitations are created by POST /workspaces/:ws/invitations (routes-auth.ts).
import type { FastifyInstance } from 'fastify';
import { AuditQuery, MemberParams, SetRoleBody, SYNC_API_PREFIX, type AuditResponse, type MembersResponse, type Role } from '@shared/sync';
import { authenticate, requireWorkspace } from './auth';
import { parseOr400, type ServerConfig } from './config';
import type { Database } from './db';
import type { MemberChangeRefusal } from './db';
import { notFound, SyncHttpError } from './errors';
import type { SessionCache } from './session-cache';

export const refusal = (why: MemberChangeRefusal): SyncHttpError =>
  why === 'last_admin' ? new SyncHttpError(409, 'DS_SYNC_LAST_ADMIN') : notFound('member of this workspace');

export function registerAdminRoutes(app: FastifyInstance, db: Database, sessions: SessionCache, config: ServerConfig): void {
  const base = `${SYNC_API_PREFIX}/workspaces/:ws`;
  const small = { bodyLimit: config.smallBodyLimit };

  app.get<{ Params: { ws: string } }>(`${base}/members`, async (request): Promise<MembersResponse> => {
    const s = await authenticate(request, sessions);
    requireWorkspace(s, request.params.ws, 'admin');
    return db.team.members(s.workspaceId);
  });

  app.post<{ Params: { ws: string; userId: string } }>(`${base}/members/:userId/role`, small, async (request) => {
    const s = await authenticate(request, sessions);
    requireWorkspace(s, request.params.ws, 'admin');
    const { userId } = parseOr400(MemberParams, request.params);
    const { role } = parseOr400(SetRoleBody, request.body);
    const done = await db.team.setRole(s.workspaceId, userId, role, { actorId: s.userId, actorEmail: s.email, address: request.ip });
    if (!done.ok) throw refusal(done.why);
    // Roles are re-read on every request once caches drop, so the change applies at once.
    await sessions.invalidate();
    return { userId, email: done.email, role: role satisfies Role, previousRole: done.from };
  });

  app.post<{ Params: { ws: string; userId: string } }>(`${base}/members/:userId/remove`, small, async (request) => {
    const s = await authenticate(request, sessions);
    requireWorkspace(s, request.params.ws, 'admin');
    const { userId } = parseOr400(MemberParams, request.params);
    const done = await db.team.removeMember(s.workspaceId, userId, { actorId: s.userId, actorEmail: s.email, address: request.ip });
    if (!done.ok) throw refusal(done.why);
    await sessions.invalidate({ workspaceId: s.workspaceId, userId, code: 'DS_SYNC_MEMBER_REMOVED' });
    return { userId, email: done.email, tokensEnded: done.revoked };
  });

  app.get<{ Params: { ws: string } }>(`${base}/audit`, async (request): Promise<AuditResponse> => {
    const s = await authenticate(request, sessions);
    requireWorkspace(s, request.params.ws, 'admin');
    const q = parseOr400(AuditQuery, request.query);
    return { entries: await db.team.auditLog(s.workspaceId, q.limit, q.before) };
  });
}
