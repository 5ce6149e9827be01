// Renderer: relationship writes. We invalidate on success (and wait for the refetch) so the new
// or removed edge is on screen when the dialog closes; other windows hear the host's event.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '@shared/api';
import { call } from '@renderer/api/client';
import { buyingGroupKeys } from '@renderer/data/buying-group';

export function useUpsertRelationship(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'relationships.upsert'>) => call('relationships.upsert', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: buyingGroupKeys.detail(accountId) }),
  });
}

export function useRemoveRelationship(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('relationships.remove', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: buyingGroupKeys.detail(accountId) }),
  });
}
