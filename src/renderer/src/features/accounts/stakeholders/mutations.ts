// Renderer: stakeholder writes. The host's `changed` event refreshes every open view; we also
// invalidate on success so this window never shows the old list after its own save, and we
// wait for that refetch so the dialog closes onto fresh data.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StakeholderInput } from '@shared/api';
import { call } from '@renderer/api/client';

export function useUpsertStakeholder(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StakeholderInput) => call('stakeholders.upsert', input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['account', accountId] }),
        queryClient.invalidateQueries({ queryKey: ['buyingGroup', accountId] }),
        queryClient.invalidateQueries({ queryKey: ['accounts'] }),
      ]),
  });
}
