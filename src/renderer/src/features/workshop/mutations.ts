// Renderer: sticky note writes. Other windows (the facilitator's laptop, a second screen) hear
// the host's `changed` event on workshopnotes and refetch the 'opportunity' root.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '@shared/api';
import { call } from '@renderer/api/client';
import { opportunityKeys } from '@renderer/data/opportunities';

export function useUpsertNote(opportunityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'workshop.upsertNote'>) => call('workshop.upsertNote', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opportunityKeys.detail(opportunityId) }),
  });
}

export function useRemoveNote(opportunityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('workshop.removeNote', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opportunityKeys.detail(opportunityId) }),
  });
}
