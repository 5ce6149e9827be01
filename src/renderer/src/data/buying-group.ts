// Renderer: one account's buying group: people, relationships and deals. A map open in two
// windows stays in step through the host's change events on stakeholders and relationships.
import type { AccountId } from '@shared/domain';
import { apiQuery } from './query';

export const buyingGroupQuery = (accountId: AccountId) => apiQuery('buyingGroup.get', { accountId });
