// Renderer: relationship writes. We invalidate on success (and wait for the refetch) so the new
// or removed edge is on screen when the dialog closes; other windows hear the host's event.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf, StakeholderInput } from '@shared/api';
import type { Stakeholder } from '@shared/domain';
import { call } from '@renderer/api/client';
import { buyingGroupKeys } from '@renderer/data/buying-group';
import { personEdit, type MapStep } from './map-history';

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

/** Writes a map step (move, tidy, stance…) onto the people it names; see map-history.ts. */
export function useApplyMapStep(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ step, people }: { step: MapStep; people: readonly Stakeholder[] }) => {
      const byId = new Map(people.map((p) => [p.id as string, p]));
      for (const change of step.changes) {
        const current = byId.get(change.id);
        if (current) await call('stakeholders.upsert', personEdit(current, change.after) as StakeholderInput);
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: buyingGroupKeys.detail(accountId) }),
  });
}
