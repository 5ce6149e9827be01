// Main process: typed calls for accounts and access (the host's Settings page uses these).
import { Invite, Me, Session, SYNC_API_PREFIX, type Role } from '@shared/sync';
import { requestJson } from './http';

export interface SyncClient {
  signIn(input: { email: string; password: string; workspaceId?: string }): Promise<Session>;
  signOut(token: string): Promise<void>;
  me(token: string): Promise<Me>;
  createInvite(token: string, workspaceId: string, input: { email: string; role: Role }): Promise<Invite>;
  acceptInvite(input: { code: string; password: string }): Promise<{ userId: string; workspaceId: string; email: string; role: Role }>;
  revokeUser(token: string, workspaceId: string, userId: string): Promise<{ revoked: number }>;
}

export function createSyncClient(serverUrl: string): SyncClient {
  const base = `${serverUrl.replace(/\/+$/, '')}${SYNC_API_PREFIX}`;
  return {
    async signIn(input) {
      return Session.parse(await requestJson(`${base}/auth/sign-in`, { method: 'POST', body: input }));
    },
    async signOut(token) {
      await requestJson(`${base}/auth/sign-out`, { method: 'POST', token, body: {} });
    },
    async me(token) {
      return Me.parse(await requestJson(`${base}/auth/me`, { token }));
    },
    async createInvite(token, workspaceId, input) {
      return Invite.parse(
        await requestJson(`${base}/workspaces/${encodeURIComponent(workspaceId)}/invitations`, { method: 'POST', token, body: input }),
      );
    },
    acceptInvite: (input) => requestJson(`${base}/invitations/accept`, { method: 'POST', body: input }),
    revokeUser: (token, workspaceId, userId) =>
      requestJson(`${base}/workspaces/${encodeURIComponent(workspaceId)}/revoke`, { method: 'POST', token, body: { userId } }),
  };
}
