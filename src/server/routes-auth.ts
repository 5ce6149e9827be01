// Sync server (Node): sign-in, sign-out, who-am-I, invitations and admin revocation. Routes
// anyone may call take small bodies only (config.smallBodyLimit): a larger one is refused by its
// Content-Length, or as soon as that many bytes arrived, before anything is parsed.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AcceptInviteBody, CreateInviteBody, RevokeBody, SignInBody, SYNC_API_PREFIX, type Me, type Session } from '@shared/sync';
import { newAccountProblems } from './password-policy';
import { authenticate, hashPassword, hashSecret, newSecret, requireWorkspace, verifyPassword } from './auth';
import type { Database } from './db';
import { badRequest, memberRemoved, SyncHttpError } from './errors';
import { createSignInLimiter } from './sign-in-limit';
import { parseOr400, type ServerConfig } from './config';
import type { SessionCache } from './session-cache';

export function registerAuthRoutes(app: FastifyInstance, db: Database, sessions: SessionCache, config: ServerConfig): void {
  const p = SYNC_API_PREFIX;
  // Password guessing: counted in the database before any argon2 work (sign-in-limit.ts).
  const limiter = createSignInLimiter(db, {
    maxPerEmail: config.signInMaxFailures,
    maxPerAddress: config.signInMaxFailuresPerAddress,
    windowMs: config.signInWindowMs,
  });
  const checkPassword = async (
    email: string,
    ip: string,
    user: { id: string; passwordHash: string } | undefined,
    password: string,
  ): Promise<boolean> => {
    const ok = await limiter.guard(
      email,
      ip,
      async () => (await verifyPassword(user?.passwordHash, password, config.passwordMemoryKiB)) && !!user,
    );
    if (!ok) {
      // At most maxPerEmail entries per e-mail and address per window: refused guesses are not
      // checked, so a burst leaves one 'sign_in.limited' entry rather than one per guess.
      await db.team.audit({ workspaceId: null, action: 'sign_in.failed', targetId: user?.id ?? null, targetEmail: email, address: ip });
    }
    return ok;
  };
  const small = { bodyLimit: config.smallBodyLimit };

  app.post(`${p}/auth/sign-in`, small, async (request): Promise<Session> => {
    const body = parseOr400(SignInBody, request.body);
    const user = await db.access.findUserByEmail(body.email);
    const ok = await checkPassword(body.email, request.ip, user, body.password);
    if (!user || !ok) throw new SyncHttpError(401, 'DS_SYNC_BAD_CREDENTIALS');
    const memberships = await db.access.memberships(user.id);
    const m = body.workspaceId ? memberships.find((x) => x.workspaceId === body.workspaceId) : memberships[0];
    if (!m) {
      // The right password of someone an admin removed: say so, so the app can put it in words.
      const removed = await db.access.removedFrom(user.id);
      if (body.workspaceId ? removed.includes(body.workspaceId) : removed.length > 0) throw memberRemoved();
      throw new SyncHttpError(403, 'DS_SYNC_FORBIDDEN', 'This account is not a member of that workspace. Ask its admin for an invite.');
    }
    const token = newSecret();
    const expiresAt = Date.now() + config.tokenTtlMs;
    const device = request.headers['user-agent']?.slice(0, 120) ?? null;
    await db.access.createSession(hashSecret(token), user.id, m.workspaceId, expiresAt, { device, address: request.ip });
    await db.team.audit({
      workspaceId: m.workspaceId,
      action: 'sign_in.ok',
      actorId: user.id,
      actorEmail: body.email,
      address: request.ip,
      details: device ? { device } : null,
    });
    return {
      token,
      expiresAt,
      userId: user.id,
      email: body.email,
      workspaceId: m.workspaceId,
      workspaceName: m.workspaceName,
      role: m.role,
    };
  });

  app.post(`${p}/auth/sign-out`, small, async (request, reply) => {
    const s = await authenticate(request, sessions);
    await db.access.revokeSession(s.tokenHash);
    await sessions.invalidate();
    return reply.status(204).send();
  });

  app.get(`${p}/auth/me`, async (request): Promise<Me> => {
    const s = await authenticate(request, sessions);
    return {
      userId: s.userId,
      email: s.email,
      workspaceId: s.workspaceId,
      workspaceName: s.workspaceName,
      role: s.role,
      expiresAt: s.expiresAt,
    };
  });

  app.post<{ Params: { ws: string } }>(`${p}/workspaces/:ws/invitations`, small, async (request, reply) => {
    const s = await authenticate(request, sessions);
    requireWorkspace(s, request.params.ws, 'admin');
    const body = parseOr400(CreateInviteBody, request.body);
    const code = newSecret();
    const expiresAt = Date.now() + config.inviteTtlMs;
    await db.access.createInvite(hashSecret(code), s.workspaceId, body.email, body.role, s.userId, expiresAt);
    await db.team.audit({
      workspaceId: s.workspaceId,
      action: 'invite.created',
      actorId: s.userId,
      actorEmail: s.email,
      targetEmail: body.email,
      address: request.ip,
      details: { role: body.role },
    });
    return reply.status(201).send({ code, email: body.email, role: body.role, expiresAt });
  });

  app.post(`${p}/invitations/accept`, small, async (request) => {
    const body = parseOr400(AcceptInviteBody, request.body);
    const codeHash = hashSecret(body.code);
    const invite = await db.access.findInvite(codeHash);
    if (!invite || invite.accepted || invite.expiresAt <= Date.now()) throw new SyncHttpError(410, 'DS_SYNC_INVITE_INVALID');
    let user = await db.access.findUserByEmail(invite.email);
    if (user) {
      // An existing account joins with its own password; an invite never resets a password.
      if (!(await checkPassword(invite.email, request.ip, user, body.password))) throw new SyncHttpError(401, 'DS_SYNC_BAD_CREDENTIALS');
    } else {
      // A new account made through the API meets the same rules as one made with the CLI.
      const weak = newAccountProblems(invite.email, body.password).find((p) => p.field === 'password');
      if (weak) throw new SyncHttpError(422, 'DS_SYNC_WEAK_PASSWORD', weak.message);
      user = { id: randomUUID(), passwordHash: await hashPassword(body.password, config.passwordMemoryKiB) };
      await db.access.createUser(user.id, invite.email, user.passwordHash);
    }
    if (!(await db.access.markInviteAccepted(codeHash, user.id))) throw new SyncHttpError(410, 'DS_SYNC_INVITE_INVALID');
    await db.access.upsertMembership(invite.workspaceId, user.id, invite.role);
    await db.team.audit({
      workspaceId: invite.workspaceId,
      action: 'invite.accepted',
      actorId: user.id,
      actorEmail: invite.email,
      address: request.ip,
      details: { role: invite.role },
    });
    await sessions.invalidate();
    return { userId: user.id, workspaceId: invite.workspaceId, email: invite.email, role: invite.role };
  });

  app.post<{ Params: { ws: string } }>(`${p}/workspaces/:ws/revoke`, small, async (request) => {
    const s = await authenticate(request, sessions);
    requireWorkspace(s, request.params.ws, 'admin');
    const body = parseOr400(RevokeBody, request.body);
    if (!body) throw badRequest();
    const revoked = await db.access.revokeUserSessions(s.workspaceId, body.userId);
    await db.team.audit({
      workspaceId: s.workspaceId,
      action: 'sessions.revoked',
      actorId: s.userId,
      actorEmail: s.email,
      targetId: body.userId,
      address: request.ip,
      details: { revoked },
    });
    await sessions.invalidate({ workspaceId: s.workspaceId, userId: body.userId, code: 'DS_SYNC_UNAUTHORIZED' });
    return { revoked };
  });
}
