// Renderer: score reads. All of them read the local-only scores collection, which the scoring
// process rewrites after every change it scores; the end of a long task (training, an import)
// refreshes them too (data/host-events.ts).
import type { AccountId, OpportunityId, StakeholderId } from '@shared/domain';
import { apiQuery } from './query';

/** How many deals Today ranks. */
export const TODAY_LIMIT = 25;

export const todayQuery = () => apiQuery('scoring.today', { limit: TODAY_LIMIT });

export const opportunityScoreQuery = (id: OpportunityId) => apiQuery('scoring.forOpportunity', { id });

export const accountScoresQuery = (accountId: AccountId) => apiQuery('scoring.forAccount', { accountId });

export const modelQuery = () => apiQuery('scoring.model', {});

/** What would change a deal's odds (and, for a person, "if she became a champion"). */
export const whatIfQuery = (opportunityId: OpportunityId, stakeholderId?: StakeholderId) =>
  apiQuery('scoring.whatIf', { opportunityId, ...(stakeholderId ? { stakeholderId } : {}) });
