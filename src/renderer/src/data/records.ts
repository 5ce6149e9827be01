// Renderer: record writes shared by pages and the log dialog — creates and edits that carry their
// base, deletes that answer what went with them, and the restore that undoes a delete. Every
// write refreshes the queries that read what it writes (data/keys.ts, from the contract), so the
// window that made the change shows it before the host's event arrives.
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AccountInput, InteractionInput, InteractionUpdateInput, OpportunityInput, RemovedRecords, SetMemberInput } from '@shared/api';
import type { AccountId, CollectionName, OpportunityId, StakeholderId, TeamMemberId } from '@shared/domain';
import { call } from '@renderer/api/client';
import { invalidateCollections } from './keys';
import { apiQuery } from './query';

function refresh(queryClient: QueryClient, collections: CollectionName[]): Promise<unknown> {
  return invalidateCollections(queryClient, [...collections, 'scores'], { restartRunning: false });
}

export const personQuery = (id: StakeholderId) => apiQuery('stakeholders.get', { id });

/** Who this user is in the workspace (owner default for new deals). */
export const meQuery = () => queryOptions({ ...apiQuery('workspace.info', {}), select: (w): TeamMemberId | undefined => w.me?.id });

export const accountImpactQuery = (id: AccountId) => apiQuery('accounts.removalImpact', { id });

export const opportunityImpactQuery = (id: OpportunityId) => apiQuery('opportunities.removalImpact', { id });

const ALL: CollectionName[] = [
  'accounts',
  'stakeholders',
  'relationships',
  'opportunities',
  'interactions',
  'journeysteps',
  'workshopnotes',
];

export function useUpsertAccount() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: AccountInput) => call('accounts.upsert', input), onSuccess: () => refresh(qc, ['accounts']) });
}

export function useUpsertOpportunity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: OpportunityInput) => call('opportunities.upsert', input),
    onSuccess: () => refresh(qc, ['opportunities']),
  });
}

export function useSetMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SetMemberInput) => call('opportunities.setMember', input),
    onSuccess: () => refresh(qc, ['opportunities']),
  });
}

export function useLogInteraction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: InteractionInput) => call('interactions.log', input),
    onSuccess: () => refresh(qc, ['interactions']),
  });
}

export function useUpdateInteraction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: InteractionUpdateInput) => call('interactions.update', input),
    onSuccess: () => refresh(qc, ['interactions']),
  });
}

export type RemovableKind = 'account' | 'opportunity' | 'stakeholder' | 'interaction';
const REMOVE = {
  account: 'accounts.remove',
  opportunity: 'opportunities.remove',
  stakeholder: 'stakeholders.remove',
  interaction: 'interactions.remove',
} as const;

export function useRemove(kind: RemovableKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(REMOVE[kind], { id } as never) as Promise<{ ok: true; removed: RemovedRecords }>,
    onSuccess: () => refresh(qc, ALL),
  });
}

export function useRestore() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (records: RemovedRecords) => call('records.restore', records), onSuccess: () => refresh(qc, ALL) });
}
