// Sync server (Node): tunables with production defaults; tests shrink the timeouts.
import type { z } from 'zod';
import { badRequest } from './errors';

export interface ServerConfig {
  tokenTtlMs: number;
  inviteTtlMs: number;
  /** Largest accepted request body; larger ones get 413 DS_SYNC_BODY_TOO_LARGE. */
  bodyLimit: number;
  /** SSE comment interval, so proxies and clients can tell a quiet stream from a dead one. */
  heartbeatMs: number;
  /** argon2id memory cost for new password hashes (verification reads it from the hash). */
  passwordMemoryKiB: number;
  /** Password checks allowed per email and client address in `signInWindowMs` (sign-in-limit.ts). */
  signInMaxFailures: number;
  /** Failed sign-ins allowed per client address across all emails in `signInWindowMs`. */
  signInMaxFailuresPerAddress: number;
  signInWindowMs: number;
  /** Body limit of routes anyone may call (sign-in, invite acceptance): refused unread above it. */
  smallBodyLimit: number;
  /** JSON nested deeper than this is refused before it is parsed. */
  maxJsonDepth: number;
  /** A whole request (headers and body) must arrive within this; then 408 DS_SYNC_REQUEST_TIMEOUT. */
  requestTimeoutMs: number;
  /** Request headers must arrive within this (capped at requestTimeoutMs). */
  headersTimeoutMs: number;
  /** Live streams per token and per user on one instance; more get 429 DS_SYNC_TOO_MANY_STREAMS. */
  maxStreamsPerToken: number;
  maxStreamsPerUser: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (Fastify's trustProxy). */
  trustProxy: boolean;
  /** The change log keeps every change this long; older superseded ones are compacted away. */
  changeRetentionMs: number;
  /** How often each instance compacts the change log; 0 turns it off. */
  compactEveryMs: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
  tokenTtlMs: 30 * 24 * 3600_000,
  inviteTtlMs: 7 * 24 * 3600_000,
  bodyLimit: 4 * 1024 * 1024,
  heartbeatMs: 15_000,
  passwordMemoryKiB: 19_456,
  signInMaxFailures: 5,
  signInMaxFailuresPerAddress: 10,
  signInWindowMs: 15 * 60_000,
  smallBodyLimit: 16 * 1024,
  maxJsonDepth: 64,
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 15_000,
  maxStreamsPerToken: 4,
  maxStreamsPerUser: 12,
  trustProxy: false,
  changeRetentionMs: 7 * 24 * 3600_000,
  compactEveryMs: 3600_000,
};

export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw badRequest(r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return r.data;
}
