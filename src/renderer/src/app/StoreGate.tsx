// Renderer: the gate around the app. The host answers DS_STORE_CORRUPT to every call once the
// workspace file is found damaged (at open, by its check after open, or at a read); then the
// app is replaced by the recovery screen instead of pages that wait or show errors one by one.
import { useEffect, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { RecoveryScreen } from '@renderer/features/recovery/RecoveryScreen';
import { storeHealthQuery } from '@renderer/features/recovery/queries';

const STORE_CORRUPT = 'DS_STORE_CORRUPT';

export function StoreGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const health = useQuery(storeHealthQuery());

  // Any answer saying the store failed sends the gate to ask again (once per failure burst:
  // a refetch already running is reused).
  useEffect(() => {
    const recheck = () => void queryClient.refetchQueries({ queryKey: storeHealthQuery().queryKey }, { cancelRefetch: false });
    const offQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && event.action.error.code === STORE_CORRUPT) recheck();
    });
    const offMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && event.action.error.code === STORE_CORRUPT) recheck();
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [queryClient]);

  // Recovered: every answer cached while the store was failing is stale.
  const damaged = health.data?.state === 'damaged';
  useEffect(() => {
    if (health.data?.state === 'ok') void queryClient.invalidateQueries({ predicate: (q) => q.state.error?.code === STORE_CORRUPT });
  }, [health.data, queryClient]);

  // The first answer decides; if the question itself fails, the app shows (its pages say why).
  if (health.isPending) return null;
  if (damaged && health.data) return <RecoveryScreen health={health.data} />;
  return <>{children}</>;
}
