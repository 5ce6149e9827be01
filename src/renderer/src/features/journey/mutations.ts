// Renderer: journey step writes; refetch this opportunity before resolving so the map redraws
// with the step before the dialog closes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '@shared/api';
import { call } from '@renderer/api/client';
import { opportunityKeys } from '@renderer/data/opportunities';

export function useAddStep(opportunityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'journey.addStep'>) => call('journey.addStep', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opportunityKeys.detail(opportunityId) }),
  });
}

export function useRemoveStep(opportunityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('journey.removeStep', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opportunityKeys.detail(opportunityId) }),
  });
}
