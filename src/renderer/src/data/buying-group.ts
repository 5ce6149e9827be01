// Renderer: buying group reads. The host's `changed` event on stakeholders/relationships
// invalidates the 'buyingGroup' root (see api/invalidation.ts), so a map open in two windows
// stays in step.
import { queryOptions } from '@tanstack/react-query';
import { call } from '@renderer/api/client';

export const buyingGroupKeys = {
  detail: (accountId: string) => ['buyingGroup', accountId] as const,
};

export const buyingGroupQuery = (accountId: string) =>
  queryOptions({
    queryKey: buyingGroupKeys.detail(accountId),
    queryFn: () => call('buyingGroup.get', { accountId }),
  });
