// Renderer: connecting, signing out and handling kept conflicts. The header badge is fed by the
// host's `sync` events; we also set it from the answer so it never lags this window's own action.
import { useQueryClient } from '@tanstack/react-query';
import type { KeptConflictView } from '@shared/api';
import { INITIAL_SYNC_STATUS, setSyncStatus } from '@renderer/api/sync-status';
import { apiKey } from '@renderer/data/keys';
import { useApiMutation } from '@renderer/data/mutation';

export function useConnectSync() {
  const queryClient = useQueryClient();
  return useApiMutation('sync.connect', {
    onAnswer: (view) => {
      setSyncStatus(view.status);
      queryClient.setQueryData(apiKey('sync.status', {}), view);
    },
  });
}

export const useDisconnectSync = () => useApiMutation('sync.disconnect', { onAnswer: () => setSyncStatus(INITIAL_SYNC_STATUS) });

type Ref = Pick<KeptConflictView, 'collection' | 'id' | 'field' | 'lostAt'>;
/** Only the reference goes back to the host (the view also carries the values). */
export const refOf = ({ collection, id, field, lostAt }: Ref) => ({ collection, id, field, lostAt });

export const useResolveConflict = (action: 'restore' | 'dismiss') =>
  useApiMutation(action === 'restore' ? 'conflicts.restore' : 'conflicts.dismiss');
