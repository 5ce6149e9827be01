// Renderer: record writes shared by pages and the log dialog — creates and edits that carry their
// base, deletes that answer what went with them, and the restore that undoes a delete. Every
// write invalidates the roots its collections touch (the same table host events use), so the
// window that made the change shows it before the host's event arrives.
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  AccountInput, InteractionInput, InteractionUpdateInput, OpportunityInput, RemovedRecords, SetMemberInput,
} from '@shared/api';
import type { CollectionName } from '@shared/domain';
import { call } from '@renderer/api/client';
import { rootsToInvalidate } from '@renderer/api/invalidation';

function refresh(queryClient: QueryClient, collections: CollectionName[]): Promise<unknown> {
  const roots = [...rootsToInvalidate(collections), 'scores'];
  return Promise.all(roots.map((root) => queryClient.invalidateQueries({ queryKey: [root] })));
}

export const personQuery = (id: string) =>
  queryOptions({ queryKey: ['person', id] as const, queryFn: () => call('stakeholders.get', { id }) });

/** Who this user is in the workspace (owner default for new deals). */
export const meQuery = () =>
  queryOptions({ queryKey: ['workspace', 'me'] as const, queryFn: () => call('workspace.info', {}), select: (w) => w.me?.id as string | undefined });

export const accountImpactQuery = (id: string) =>
  queryOptions({ queryKey: ['account', id, 'impact'] as const, queryFn: () => call('accounts.removalImpact', { id }) });

export const opportunityImpactQuery = (id: string) =>
  queryOptions({ queryKey: ['opportunity', id, 'impact'] as const, queryFn: () => call('opportunities.removalImpact', { id }) });

const ALL: CollectionName[] = ['accounts', 'stakeholders', 'relationships', 'opportunities', 'interactions', 'journeysteps', 'workshopnotes'];

export function useUpsertAccount() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: AccountInput) => call('accounts.upsert', input), onSuccess: () => refresh(qc, ['accounts']) });
}

export function useUpsertOpportunity() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: OpportunityInput) => call('opportunities.upsert', input), onSuccess: () => refresh(qc, ['opportunities']) });
}

export function useSetMember() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: SetMemberInput) => call('opportunities.setMember', input), onSuccess: () => refresh(qc, ['opportunities']) });
}

export function useLogInteraction() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: InteractionInput) => call('interactions.log', input), onSuccess: () => refresh(qc, ['interactions']) });
}

export function useUpdateInteraction() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: InteractionUpdateInput) => call('interactions.update', input), onSuccess: () => refresh(qc, ['interactions']) });
}

export type RemovableKind = 'account' | 'opportunity' | 'stakeholder' | 'interaction';
const REMOVE = {
  account: 'accounts.remove', opportunity: 'opportunities.remove', stakeholder: 'stakeholders.remove', interaction: 'interactions.remove',
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
