// Pure (shared): the Settings page's team admin (admins of the signed-in team workspace): the
// host forwards these to the sync server's admin routes through the signed-in session.
import { z } from 'zod';
import { AuditEntry, Invite, MembersResponse, Role } from '../sync';

export const TeamAdminMembersView = MembersResponse;
export type TeamAdminMembersView = z.infer<typeof TeamAdminMembersView>;

export const TeamAdminInviteInput = z.object({ email: z.string().trim().email().max(200), role: Role }).strict();
export type TeamAdminInviteInput = z.infer<typeof TeamAdminInviteInput>;
/** The invite code is shown once: the admin passes it on; the invitee enters it with a password. */
export const TeamAdminInviteView = Invite;

export const TeamAdminSetRoleInput = z.object({ userId: z.string().uuid(), role: Role }).strict();
export const TeamAdminSetRoleView = z.object({ userId: z.string(), email: z.string(), role: Role, previousRole: Role });

export const TeamAdminRemoveInput = z.object({ userId: z.string().uuid() }).strict();
export const TeamAdminRemoveView = z.object({ userId: z.string(), email: z.string(), tokensEnded: z.number().int() });

export const TeamAdminAuditInput = z
  .object({ limit: z.number().int().min(1).max(500).optional(), before: z.number().int().min(1).optional() })
  .strict();
export const TeamAdminAuditView = z.object({ entries: z.array(AuditEntry) });
export type TeamAdminAuditView = z.infer<typeof TeamAdminAuditView>;
