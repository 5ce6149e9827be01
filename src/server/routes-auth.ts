// Sync server (Node): sign-in, sign-out, who-am-I, invitations and admin revocation.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  AcceptInviteBody, CreateInviteBody, RevokeBody, SignInBody, SYNC_API_PREFIX, type Me, type Session,
} from '../shared/sync';
import { authenticate, hashPassword, hashSecret, newSecret, requireWorkspace, verifyPassword } from './auth';
import type { Database } from './db';
import { badRequest, rateLimited, SyncHttpError } from './errors';
import { createFailureLimiter } from './rate-limit';
import { parseOr400, type ServerConfig } from './config';
import type { SessionCache } from './session-cache';

export function registerAuthRoutes(app: FastifyInstance, db: Database, sessions: SessionCache, config: ServerConfig): void {
  const p = SYNC_API_PREFIX;
  // Password guessing, per email and client address; checked before any argon2 work is done.
  const failures = createFailureLimiter({ maxFailures: config.signInMaxFailures, windowMs: config.signInWindowMs });
  const checkPassword = async (email: string, ip: string, hash: string | undefined, password: string): Promise<boolean> => {
    const key = `${email}\n${ip}`;
    const wait = failures.retryAfterMs(key);
    if (wait > 0) throw rateLimited(wait);
    const ok = await verifyPassword(hash, password, config.passwordMemoryKiB);
    if (ok && hash) failures.succeed(key);
    else failures.fail(key);
    return ok;
  };

  app.post(`${p}/auth/sign-in`, async (request): Promise<Session> => {
    const body = parseOr400(SignInBody, request.body);
    const user = await db.access.findUserByEmail(body.email);
    const ok = await checkPassword(body.email, request.ip, user?.passwordHash, body.password);
    if (!user || !ok) throw new SyncHttpError(401, 'DS_SYNC_BAD_CREDENTIALS');
    const memberships = await db.access.memberships(user.id);
    const m = body.workspaceId ? memberships.find((x) => x.workspaceId === body.workspaceId) : memberships[0];
    if (!m) throw new SyncHttpError(403, 'DS_SYNC_FORBIDDEN', 'This account is not a member of that workspace. Ask its admin for an invite.');
    const token = newSecret();
    const expiresAt = Date.now() + config.tokenTtlMs;
    await db.access.createSession(hashSecret(token), user.id, m.workspaceId, expiresAt);
    return { token, expiresAt, userId: user.id, email: body.email, workspaceId: m.workspaceId, workspaceName: m.workspaceName, role: m.role };
  });

  app.post(`${p}/auth/sign-out`, async (request, reply) => {
    const s = await authenticate(request, sessions);
    await db.access.revokeSession(s.tokenHash);
    await sessions.invalidate();
    return reply.status(204).send();
  });

  app.get(`${p}/auth/me`, async (request): Promise<Me> => {
    const s = await authenticate(request, sessions);
    return { userId: s.userId, email: s.email, workspaceId: s.workspaceId, workspaceName: s.workspaceName, role: s.role, expiresAt: s.expiresAt };
  });

  app.post<{ Params: { ws: string } }>(`${p}/workspaces/:ws/invitations`, async (request, reply) => {
    const s = await authenticate(request, sessions);
    requireWorkspace(s, request.params.ws, 'admin');
    const body = parseOr400(CreateInviteBody, request.body);
    const code = newSecret();
    const expiresAt = Date.now() + config.inviteTtlMs;
    await db.access.createInvite(hashSecret(code), s.workspaceId, body.email, body.role, s.userId, expiresAt);
    return reply.status(201).send({ code, email: body.email, role: body.role, expiresAt });
  });

  app.post(`${p}/invitations/accept`, async (request) => {
    const body = parseOr400(AcceptInviteBody, request.body);
    const codeHash = hashSecret(body.code);
    const invite = await db.access.findInvite(codeHash);
    if (!invite || invite.accepted || invite.expiresAt <= Date.now()) throw new SyncHttpError(410, 'DS_SYNC_INVITE_INVALID');
    let user = await db.access.findUserByEmail(invite.email);
    if (user) {
      // An existing account joins with its own password; an invite never resets a password.
      if (!(await checkPassword(invite.email, request.ip, user.passwordHash, body.password))) throw new SyncHttpError(401, 'DS_SYNC_BAD_CREDENTIALS');
    } else {
      user = { id: randomUUID(), passwordHash: await hashPassword(body.password, config.passwordMemoryKiB) };
      await db.access.createUser(user.id, invite.email, user.passwordHash);
    }
    if (!(await db.access.markInviteAccepted(codeHash, user.id))) throw new SyncHttpError(410, 'DS_SYNC_INVITE_INVALID');
    await db.access.upsertMembership(invite.workspaceId, user.id, invite.role);
    await sessions.invalidate();
    return { userId: user.id, workspaceId: invite.workspaceId, email: invite.email, role: invite.role };
  });

  app.post<{ Params: { ws: string } }>(`${p}/workspaces/:ws/revoke`, async (request) => {
    const s = await authenticate(request, sessions);
    requireWorkspace(s, request.params.ws, 'admin');
    const body = parseOr400(RevokeBody, request.body);
    if (!body) throw badRequest();
    const revoked = await db.access.revokeUserSessions(s.workspaceId, body.userId);
    await sessions.invalidate();
    return { revoked };
  });
}
