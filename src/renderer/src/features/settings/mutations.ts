// Renderer: connecting, signing out and handling kept conflicts. The header badge is fed by the
// host's `sync` events; we also set it from the answer so it never lags this window's own action.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { KeptConflictView, SyncConnectInput } from '@shared/api';
import { call } from '@renderer/api/client';
import { INITIAL_SYNC_STATUS, setSyncStatus } from '@renderer/api/sync-status';

export function useConnectSync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SyncConnectInput) => call('sync.connect', input),
    onSuccess: (view) => {
      setSyncStatus(view.status);
      queryClient.setQueryData(['sync', 'status'], view);
    },
  });
}

export function useDisconnectSync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('sync.disconnect', {}),
    onSuccess: () => {
      setSyncStatus(INITIAL_SYNC_STATUS);
      return queryClient.invalidateQueries({ queryKey: ['sync'] });
    },
  });
}

type Ref = Pick<KeptConflictView, 'collection' | 'id' | 'field' | 'lostAt'>;
const refOf = ({ collection, id, field, lostAt }: Ref) => ({ collection, id, field, lostAt });

export function useResolveConflict(action: 'restore' | 'dismiss') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conflict: Ref) => call(action === 'restore' ? 'conflicts.restore' : 'conflicts.dismiss', refOf(conflict)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['conflicts'] }),
  });
}
