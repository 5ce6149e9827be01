// Renderer: buying group map writes. Relationship writes refresh what reads relationships
// (data/mutation.ts), so the new or removed edge is on screen when the dialog closes; map steps
// (move, tidy, stance…) write the people they name, each with its base; other windows hear the
// host's change event.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StakeholderInput } from '@shared/api';
import type { OpportunityId, Stakeholder, StakeholderId } from '@shared/domain';
import { call } from '@renderer/api/client';
import { invalidateCollections } from '@renderer/data/keys';
import { useApiMutation } from '@renderer/data/mutation';
import { personEdit, type MapStep, type RecordOp } from './map-history';

export const useUpsertRelationship = () => useApiMutation('relationships.upsert');

export const useRemoveRelationship = () => useApiMutation('relationships.remove');

/** Writes a map step (move, tidy, stance…) onto the people it names; see map-history.ts. */
export function useApplyMapStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ step, people }: { step: MapStep; people: readonly Stakeholder[] }) => {
      const byId = new Map(people.map((p) => [p.id as string, p]));
      for (const change of step.changes) {
        const current = byId.get(change.id);
        if (current) await call('stakeholders.upsert', personEdit(current, change.after) as StakeholderInput);
      }
    },
    onSuccess: () => invalidateCollections(queryClient, ['stakeholders'], { restartRunning: false }),
  });
}

/** Runs one record op (a deal role, a relationship, a person added, removed or restored); answers with the host's reply. */
export async function runRecordOp(op: RecordOp): Promise<unknown> {
  switch (op.method) {
    case 'opportunities.setMember':
      return call('opportunities.setMember', {
        opportunityId: op.opportunityId as OpportunityId,
        stakeholderId: op.stakeholderId as StakeholderId,
        role: op.role,
      });
    case 'relationships.upsert':
      return call('relationships.upsert', op.input);
    case 'relationships.remove':
      return call('relationships.remove', { id: op.doc.id });
    case 'stakeholders.upsert':
      return call('stakeholders.upsert', op.input);
    case 'stakeholders.remove':
      return call('stakeholders.remove', { id: op.id as StakeholderId });
    case 'records.restore':
      return call('records.restore', op.records);
  }
}

/** Record edits on the map, each answered with the host's reply (for the undo history). */
export function useRecordOp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runRecordOp,
    onSuccess: () => invalidateCollections(queryClient, ['stakeholders', 'relationships', 'opportunities'], { restartRunning: false }),
  });
}
