// Renderer: team admin reads and writes (admins of the signed-in team workspace). Every change
// refreshes both the member list and the audit log, which records it.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '@shared/api';
import { call } from '@renderer/api/client';

export const teamAdminKeys = {
  all: () => ['team', 'admin'] as const,
  members: () => ['team', 'admin', 'members'] as const,
  audit: () => ['team', 'admin', 'audit'] as const,
};

export const teamMembersQuery = () => queryOptions({ queryKey: teamAdminKeys.members(), queryFn: () => call('team.admin.members', {}) });

export const teamAuditQuery = () =>
  queryOptions({ queryKey: teamAdminKeys.audit(), queryFn: () => call('team.admin.audit', { limit: 100 }) });

function useTeamMutation<M extends 'team.admin.invite' | 'team.admin.setRole' | 'team.admin.remove'>(method: M) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<M>) => call(method, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamAdminKeys.all() }),
  });
}

export const useInviteMember = () => useTeamMutation('team.admin.invite');
export const useSetMemberRole = () => useTeamMutation('team.admin.setRole');
export const useRemoveMember = () => useTeamMutation('team.admin.remove');
