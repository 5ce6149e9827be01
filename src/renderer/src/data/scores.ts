// Renderer: score reads. Every key starts with 'scores', which the host's `changed` event for the
// local-only scores collection invalidates — the worker rewrites scores after every change.
import { queryOptions } from '@tanstack/react-query';
import { call } from '@renderer/api/client';

export const scoreKeys = {
  all: () => ['scores'] as const,
  opportunity: (id: string) => ['scores', 'opportunity', id] as const,
  account: (accountId: string) => ['scores', 'account', accountId] as const,
};

export const opportunityScoreQuery = (id: string) =>
  queryOptions({
    queryKey: scoreKeys.opportunity(id),
    queryFn: () => call('scoring.forOpportunity', { id }),
  });

export const accountScoresQuery = (accountId: string) =>
  queryOptions({
    queryKey: scoreKeys.account(accountId),
    queryFn: () => call('scoring.forAccount', { accountId }),
  });

/** Under 'scores' too: a what-if moves whenever the deal's score does. */
export const whatIfQuery = (opportunityId: string, stakeholderId?: string) =>
  queryOptions({
    queryKey: [...scoreKeys.opportunity(opportunityId), 'what-if', stakeholderId ?? null] as const,
    queryFn: () => call('scoring.whatIf', { opportunityId: opportunityId as never, ...(stakeholderId ? { stakeholderId: stakeholderId as never } : {}) }),
  });
