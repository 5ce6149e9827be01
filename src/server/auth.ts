// Sync server (Node): credentials. Passwords are argon2id hashes; bearer tokens and invite
// codes are random and only their SHA-256 is stored, so a leaked database grants nothing.
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { FastifyRequest } from 'fastify';
import type { Role } from '@shared/sync';
import type { SessionLookup } from './session-cache';
import { forbidden, memberRemoved, unauthorized } from './errors';

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
export const newSecret = (): string => randomBytes(32).toString('base64url');
/** OWASP's argon2id baseline (19 MiB, 2 passes); tests pass a smaller memory cost for speed. */
export const hashPassword = (password: string, memoryKiB = 19_456): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id, memoryCost: memoryKiB, timeCost: 2, parallelism: 1 });

// Verifying against a fixed hash when the email is unknown costs the same time as a real
// check, so response times do not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function verifyPassword(hash: string | undefined, password: string, memoryKiB?: number): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('not-a-real-password', memoryKiB);
    await argon2.verify(await dummyHash, password);
    return false;
  }
  return argon2.verify(hash, password);
}

export interface AuthedSession {
  tokenHash: string;
  userId: string;
  email: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
  expiresAt: number;
}

export async function authenticate(request: FastifyRequest, access: SessionLookup): Promise<AuthedSession> {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header) : null;
  if (!match?.[1]) throw unauthorized('no bearer token');
  const tokenHash = hashSecret(match[1]);
  const s = await access.findSession(tokenHash);
  if (!s) throw unauthorized('unknown token');
  // Before "revoked": removal revokes every token, and the device should hear the real reason.
  if (s.removed) throw memberRemoved(s.workspaceName);
  if (s.revoked) throw unauthorized('token revoked');
  if (s.expiresAt <= Date.now()) throw unauthorized('token expired');
  if (!s.role) throw forbidden('no longer a member of this workspace');
  return {
    tokenHash,
    userId: s.userId,
    email: s.email,
    workspaceId: s.workspaceId,
    workspaceName: s.workspaceName,
    role: s.role,
    expiresAt: s.expiresAt,
  };
}

/** A token only ever opens its own workspace, and only with the rights its role has now. */
export function requireWorkspace(session: AuthedSession, workspaceId: string, need: 'read' | 'write' | 'admin'): void {
  if (session.workspaceId !== workspaceId) throw forbidden('token belongs to another workspace');
  if (need === 'write' && session.role === 'viewer') throw forbidden('viewers cannot change data');
  if (need === 'admin' && session.role !== 'admin') throw forbidden('admins only');
}

/**
 * Authenticates in an onRequest hook, before Fastify reads the body: a request without a valid
 * token is refused unread, so only signed-in users can make the server receive and parse a
 * large body. The handler reads the session with `sessionOf`.
 */
export function authenticateFirst(access: SessionLookup) {
  const byRequest = new WeakMap<FastifyRequest, AuthedSession>();
  return {
    onRequest: async (request: FastifyRequest): Promise<void> => {
      byRequest.set(request, await authenticate(request, access));
    },
    sessionOf: (request: FastifyRequest): AuthedSession => {
      const s = byRequest.get(request);
      if (!s) throw unauthorized('no session'); // a route using sessionOf without the hook
      return s;
    },
  };
}
