// Main process: team admin for the signed-in team workspace — members and their devices,
// invites, roles, removal and the audit log — forwarded to the sync server with this device's
// session. The server decides who may (admins only) and answers coded errors, passed through.
import { ApiError } from '@shared/api';
import { createTeamAdminClient, SyncClientError } from '@main/sync';
import type { HandlerMap } from '../handler';
import type { SyncSession } from '../sync-session';

export function teamAdminHandlers(session: SyncSession): HandlerMap {
  const client = () => {
    const target = session.teamTarget();
    if (!target)
      throw new ApiError(
        'DS_SYNC_ERROR',
        'Sign in to your team server first (Settings → Team sync); team admin works on the team workspace.',
      );
    return createTeamAdminClient(target);
  };
  // The server's DS_SYNC_* code and words reach the UI as they are (e.g. DS_SYNC_FORBIDDEN for
  // a non-admin, DS_SYNC_LAST_ADMIN, DS_SYNC_MEMBER_REMOVED when this admin was removed).
  const forward = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof SyncClientError) throw new ApiError(error.code, error.message);
      throw error;
    }
  };
  return {
    'team.admin.members': () => forward(() => client().members()),
    'team.admin.invite': (input) => forward(() => client().invite(input)),
    'team.admin.setRole': (input) => forward(() => client().setRole(input.userId, input.role)),
    'team.admin.remove': (input) => forward(() => client().remove(input.userId)),
    'team.admin.audit': (input) => forward(() => client().audit(input)),
  };
}
