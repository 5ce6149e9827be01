// Pure (shared): the sync server's team-admin contract (admins only): members with their
// devices, role changes, removal and the audit log. Server routes and the host parse through it.
import { z } from 'zod';
import { Role } from './wire';

const Uuid = z.string().uuid();

/** One signed-in device: a live (unrevoked, unexpired) token. `id` is a short, non-secret handle. */
export const MemberDevice = z.object({
  id: z.string(),
  signedInAt: z.number(),
  expiresAt: z.number(),
  /** The client's User-Agent at sign-in, shortened; null when it sent none. */
  device: z.string().nullable(),
  address: z.string().nullable(),
});
export type MemberDevice = z.infer<typeof MemberDevice>;

export const TeamMemberView = z.object({
  userId: Uuid,
  email: z.string(),
  role: Role,
  joinedAt: z.number(),
  lastSignInAt: z.number().nullable(),
  devices: z.array(MemberDevice),
});
export type TeamMemberView = z.infer<typeof TeamMemberView>;

export const PendingInviteView = z.object({ email: z.string(), role: Role, expiresAt: z.number(), createdAt: z.number() });
export type PendingInviteView = z.infer<typeof PendingInviteView>;

export const MembersResponse = z.object({ members: z.array(TeamMemberView), invites: z.array(PendingInviteView) });
export type MembersResponse = z.infer<typeof MembersResponse>;

export const SetRoleBody = z.object({ role: Role });
export const MemberParams = z.object({ ws: Uuid, userId: Uuid });

export const AUDIT_ACTIONS = [
  'sign_in.ok',
  'sign_in.failed',
  'sign_in.limited',
  'invite.created',
  'invite.accepted',
  'member.role_changed',
  'member.removed',
  'sessions.revoked',
  'workspace.created',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.number(),
  action: AuditAction,
  /** Who did it (null: the server CLI, or an unknown e-mail trying to sign in). */
  actorEmail: z.string().nullable(),
  /** Whom it concerned, when someone else. */
  targetEmail: z.string().nullable(),
  address: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Entries older than this id (paging back). */
  before: z.coerce.number().int().min(1).optional(),
});
export const AuditResponse = z.object({ entries: z.array(AuditEntry) });
export type AuditResponse = z.infer<typeof AuditResponse>;
