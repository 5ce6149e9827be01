// Renderer: account reads. The list is fetched once, whole, and filtered in memory (see
// features/accounts/filter.ts) so typing never waits for a round trip.
import type { AccountId } from '@shared/domain';
import { apiQuery } from './query';

export const accountsListQuery = () => apiQuery('accounts.list', {});

export const accountQuery = (id: AccountId) => apiQuery('accounts.get', { id });

/** Every person's journey across the account's deals (the account's journey page). */
export const accountJourneyQuery = (id: AccountId) => apiQuery('accounts.journey', { id });
