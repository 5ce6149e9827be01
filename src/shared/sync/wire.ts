// Pure (shared): the sync server's HTTP contract. Server and client parse through these, so a
// change here is a protocol change for both.
import { z } from 'zod';
import { cleanText } from '../domain';

export const SYNC_API_PREFIX = '/v1';

/** Stable error codes; the UI maps them to plain words (see SYNC_ERROR_MESSAGES). */
export const SyncErrorCode = z.enum([
  'DS_SYNC_BAD_REQUEST',
  'DS_SYNC_MALFORMED_JSON',
  'DS_SYNC_UNAUTHORIZED',
  'DS_SYNC_FORBIDDEN',
  'DS_SYNC_NOT_FOUND',
  'DS_SYNC_INVALID_DOCUMENT',
  'DS_SYNC_BODY_TOO_LARGE',
  'DS_SYNC_BAD_CREDENTIALS',
  'DS_SYNC_INVITE_INVALID',
  'DS_SYNC_RATE_LIMITED',
  'DS_SYNC_CONFLICT',
  'DS_SYNC_UNAVAILABLE',
  'DS_SYNC_INTERNAL',
  // Issue 13 (server and team admin): access ended, limits and malformed requests.
  'DS_SYNC_MEMBER_REMOVED',
  'DS_SYNC_LAST_ADMIN',
  'DS_SYNC_TOO_MANY_STREAMS',
  'DS_SYNC_REQUEST_TIMEOUT',
  'DS_SYNC_INVALID_TEXT',
  'DS_SYNC_WEAK_PASSWORD',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

export const SYNC_ERROR_MESSAGES: Record<SyncErrorCode, string> = {
  DS_SYNC_BAD_REQUEST: 'The request was not understood. Update the app and try again.',
  DS_SYNC_MALFORMED_JSON: 'The request body was not valid JSON. Update the app and try again.',
  DS_SYNC_UNAUTHORIZED: 'Your session has ended. Sign in again to keep syncing.',
  DS_SYNC_FORBIDDEN: 'Your role in this workspace does not allow this. Ask an admin for access.',
  DS_SYNC_NOT_FOUND: 'The server does not know this workspace or collection. Check the server address.',
  DS_SYNC_INVALID_DOCUMENT: 'A record was rejected as invalid. Fix or remove it, then sync again.',
  DS_SYNC_BODY_TOO_LARGE: 'A change was too large to send. Split it into smaller changes.',
  DS_SYNC_BAD_CREDENTIALS: 'Email or password is wrong. Check them or ask an admin for a new invite.',
  DS_SYNC_INVITE_INVALID: 'This invite code is unknown, used or expired. Ask an admin for a new one.',
  DS_SYNC_RATE_LIMITED: 'Too many failed sign-ins for this email from this device. Wait a few minutes, then try again.',
  DS_SYNC_CONFLICT: 'That already exists. Sign in instead.',
  DS_SYNC_UNAVAILABLE: 'The sync server cannot be reached. Your changes are safe and will sync later.',
  DS_SYNC_INTERNAL: 'The sync server failed. Your changes are safe; try again later.',
  DS_SYNC_MEMBER_REMOVED:
    'An admin removed you from this team workspace. Your data stays on this device; ask the admin to invite you again or sign in to another workspace.',
  DS_SYNC_LAST_ADMIN: 'A workspace needs at least one admin. Make someone else an admin first.',
  DS_SYNC_TOO_MANY_STREAMS: 'Too many live connections are open for this account. Close other windows or devices, then try again.',
  DS_SYNC_REQUEST_TIMEOUT: 'The request took too long to arrive. Check the connection and try again.',
  DS_SYNC_INVALID_TEXT:
    'The request holds text that cannot be stored (a NUL character, a broken character or bytes that are not UTF-8). Fix that text, then try again.',
  DS_SYNC_WEAK_PASSWORD: 'That password is too easy to guess. Choose a longer one that is not a common password.',
};

export const ErrorBody = z.object({
  error: z.object({ code: SyncErrorCode, message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Role = z.enum(['admin', 'member', 'viewer']);
export type Role = z.infer<typeof Role>;

/** The API's rules for an e-mail and a new password; the server CLI validates with the same. */
export const Email = z.string().trim().toLowerCase().email().max(200);
export const Password = cleanText().min(8).max(200);
const Uuid = z.string().uuid();

export const SignInBody = z.object({ email: Email, password: Password, workspaceId: Uuid.optional() });
export type SignInBody = z.infer<typeof SignInBody>;

export const Session = z.object({
  token: z.string(),
  expiresAt: z.number(),
  userId: Uuid,
  email: z.string(),
  workspaceId: Uuid,
  workspaceName: z.string(),
  role: Role,
});
export type Session = z.infer<typeof Session>;

export const Me = Session.omit({ token: true });
export type Me = z.infer<typeof Me>;

export const CreateInviteBody = z.object({ email: Email, role: Role });
export const Invite = z.object({ code: z.string(), email: z.string(), role: Role, expiresAt: z.number() });
export type Invite = z.infer<typeof Invite>;
export const AcceptInviteBody = z.object({ code: z.string().min(10).max(200), password: Password });
export const RevokeBody = z.object({ userId: Uuid });

export const Checkpoint = z.object({ seq: z.number().int().min(0) });
export type Checkpoint = z.infer<typeof Checkpoint>;

export const PullQuery = z.object({
  seq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

/** A replicated document state as RxDB sends it: the entity plus `_deleted`. */
export const WireDoc = z.object({ id: z.string().min(1).max(64), _deleted: z.boolean().optional() }).passthrough();
export type WireDoc = z.infer<typeof WireDoc>;

export const MAX_PUSH_ROWS = 1000;
export const PushRow = z.object({ assumedMasterState: WireDoc.optional().nullable(), newDocumentState: WireDoc });
export const PushBody = z.object({ rows: z.array(PushRow).min(1).max(MAX_PUSH_ROWS) });
export type PushBody = z.infer<typeof PushBody>;

export interface PullResponse {
  documents: (WireDoc & { _deleted: boolean })[];
  checkpoint: Checkpoint;
}
export interface PushResponse {
  /** Real master states of rows that conflicted, as RxDB's masterWrite expects. */
  conflicts: (WireDoc & { _deleted: boolean })[];
}

/** Server-sent event payloads on GET /v1/workspaces/:ws/stream. */
export const StreamChange = z.object({ seq: z.number(), collections: z.array(z.string()) });
export type StreamChange = z.infer<typeof StreamChange>;
