// Renderer: account reads. The list is fetched once, whole, and filtered in memory (see
// filter.ts) so typing never waits for a round trip.
import { queryOptions } from '@tanstack/react-query';
import { call } from '@renderer/api/client';

export const accountKeys = {
  list: () => ['accounts', 'list'] as const,
  detail: (id: string) => ['account', id] as const,
};

export const accountsListQuery = () =>
  queryOptions({
    queryKey: accountKeys.list(),
    queryFn: () => call('accounts.list', {}),
  });

export const accountQuery = (id: string) =>
  queryOptions({
    queryKey: accountKeys.detail(id),
    queryFn: () => call('accounts.get', { id }),
  });
