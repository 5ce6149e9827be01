// Renderer: logging an interaction. The host's `changed` event refreshes open views; we also
// invalidate this account so the page a seller goes to next already shows the meeting.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InteractionInput } from '@shared/api';
import { call } from '@renderer/api/client';

export function useLogInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InteractionInput) => call('interactions.log', input),
    onSuccess: (saved) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['account', saved.accountId] }),
        queryClient.invalidateQueries({ queryKey: ['accounts'] }),
        queryClient.invalidateQueries({ queryKey: ['opportunity'] }),
        queryClient.invalidateQueries({ queryKey: ['scores'] }),
      ]),
  });
}
