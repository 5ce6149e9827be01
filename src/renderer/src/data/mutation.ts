// Renderer: the one way a write is made. After the host answers, every cached answer reading
// what the method writes (its `writes` in the contract) is refreshed, and the mutation resolves
// once the ones on screen have their new data, so a dialog closes onto fresh data. The host's
// `changed` event (data/host-events.ts) refreshes the same answers in every other window; a
// fetch that event already started is reused here, not restarted.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API, type InputOf, type MutationName, type MutationSpec, type OutputOf } from '@shared/api';
import { call } from '@renderer/api/client';
import { invalidateCollections } from './keys';

export interface ApiMutationOptions<M extends MutationName> {
  /** Runs with the host's answer before the refresh (e.g. to show it at once). */
  onAnswer?: (output: OutputOf<M>, input: InputOf<M>) => void;
}

export function useApiMutation<M extends MutationName>(method: M, options: ApiMutationOptions<M> = {}) {
  const queryClient = useQueryClient();
  const { onAnswer } = options;
  return useMutation({
    mutationFn: (input: InputOf<M>) => call(method, input),
    onSuccess: async (output, input) => {
      onAnswer?.(output, input);
      await invalidateCollections(queryClient, (API[method] as MutationSpec).writes, { restartRunning: false });
    },
  });
}
