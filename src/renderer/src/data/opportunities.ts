// Renderer: one opportunity with its journey, interactions and workshop notes. The host's
// change events on journeysteps/workshopnotes invalidate the 'opportunity' root, so a workshop
// projected from one window shows what another window adds.
import { queryOptions } from '@tanstack/react-query';
import { call } from '@renderer/api/client';

export const opportunityKeys = {
  detail: (id: string) => ['opportunity', id] as const,
};

export const opportunityQuery = (id: string) =>
  queryOptions({
    queryKey: opportunityKeys.detail(id),
    queryFn: () => call('opportunities.get', { id }),
  });

/**
 * Every deal, for the deal picker. Keyed under 'accounts' (not 'opportunity') because the list
 * carries account names: the change events of both collections invalidate that root.
 */
export const dealListQuery = () =>
  queryOptions({
    queryKey: ['accounts', 'deals'] as const,
    queryFn: () => call('opportunities.list', {}),
  });
