// Renderer: score reads. All of them read the local-only scores collection, which the scoring
// process rewrites after every change it scores; the end of a long task (training, an import)
// refreshes them too (data/host-events.ts).
import type { AccountId, OpportunityId, StakeholderId, TeamMemberId } from '@shared/domain';
import { apiQuery } from './query';

/** How many deals Today shows at first, and how many more each "Show more" adds. */
export const TODAY_LIMIT = 25;

/** Today's first `limit` deals, of one owner (mine) or of the whole team. */
/** Today's ranking: the team's, one member's, or `'me'` (resolved by the host, no team.me first). */
export const todayQuery = (limit = TODAY_LIMIT, owner?: TeamMemberId | 'me') =>
  apiQuery('scoring.today', { limit, ...(owner === 'me' ? { mine: true } : owner ? { ownerId: owner } : {}) });

export const opportunityScoreQuery = (id: OpportunityId) => apiQuery('scoring.forOpportunity', { id });

export const accountScoresQuery = (accountId: AccountId) => apiQuery('scoring.forAccount', { accountId });

export const modelQuery = () => apiQuery('scoring.model', {});

/** What would change a deal's odds (and, for a person, "if she became a champion"). */
export const whatIfQuery = (opportunityId: OpportunityId, stakeholderId?: StakeholderId) =>
  apiQuery('scoring.whatIf', { opportunityId, ...(stakeholderId ? { stakeholderId } : {}) });
