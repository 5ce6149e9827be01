// Renderer: deal writes from the account page. The host records the stage change in the deal's
// history; its `changed` event refreshes other windows, and we refetch this account (and the
// scores that depend on the stage) before the picker settles.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SetStageInput } from '@shared/api';
import { call } from '@renderer/api/client';
import { accountKeys } from '@renderer/data/accounts';

export function useSetStage(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetStageInput) => call('opportunities.setStage', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.detail(accountId) }),
  });
}
