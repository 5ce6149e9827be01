// Renderer: React Query defaults for a host that pushes changes. Data stays fresh until a
// `changed` event invalidates it, so there is no polling and no refetch on focus.
import { QueryClient } from '@tanstack/react-query';
import { isTransportError } from '../api/errors';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        // Host answers (not found, invalid input) will not change on retry; a dropped connection may.
        retry: (failures, error) => isTransportError(error) && failures < 3,
      },
      mutations: { retry: false },
    },
  });
}
