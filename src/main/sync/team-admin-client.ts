// Main process: typed calls to the sync server's team-admin routes (admins only; the server
// checks the role on every call and answers a coded 403 otherwise).
import { AuditResponse, Invite, MembersResponse, SYNC_API_PREFIX, type Role } from '@shared/sync';
import { requestJson } from './http';

export interface TeamAdminTarget {
  serverUrl: string;
  token: string;
  workspaceId: string;
}

export function createTeamAdminClient({ serverUrl, token, workspaceId }: TeamAdminTarget) {
  const ws = `${serverUrl.replace(/\/+$/, '')}${SYNC_API_PREFIX}/workspaces/${encodeURIComponent(workspaceId)}`;
  return {
    async members(): Promise<MembersResponse> {
      return MembersResponse.parse(await requestJson(`${ws}/members`, { token }));
    },
    async invite(input: { email: string; role: Role }): Promise<Invite> {
      return Invite.parse(await requestJson(`${ws}/invitations`, { method: 'POST', token, body: input }));
    },
    setRole: (userId: string, role: Role) =>
      requestJson<{ userId: string; email: string; role: Role; previousRole: Role }>(`${ws}/members/${encodeURIComponent(userId)}/role`, {
        method: 'POST',
        token,
        body: { role },
      }),
    remove: (userId: string) =>
      requestJson<{ userId: string; email: string; tokensEnded: number }>(`${ws}/members/${encodeURIComponent(userId)}/remove`, {
        method: 'POST',
        token,
        body: {},
      }),
    async audit(query: { limit?: number; before?: number }): Promise<AuditResponse> {
      const params = new URLSearchParams();
      if (query.limit) params.set('limit', String(query.limit));
      if (query.before) params.set('before', String(query.before));
      return AuditResponse.parse(await requestJson(`${ws}/audit${params.size ? `?${params}` : ''}`, { token }));
    },
  };
}
