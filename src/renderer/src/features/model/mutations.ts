// Renderer: retraining and importing history. Both end with fresh scores, so both refresh 'scores'.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '@renderer/api/client';

export function useRetrain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('scoring.retrain', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['scores', 'model'] }),
  });
}

export function useImportHistory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { csv: string; targetColumn: string; positiveValue: string }) => call('scoring.importHistory', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['scores'] }),
  });
}
