// Pure (shared): closed deals to learn from — the workspace's own (looked at inside their life,
// see facts.ts) and historical ones imported from a CRM export. Imported rows only know what a
// CRM knows (amount, age, stage, categorical fields); everything about engagement is missing
// (NaN), which the trees route like any other missing value and the prior ignores.
import { z } from 'zod';
import { Stage } from '@shared/domain';
import { opportunityFacts, STAGE_INDEX, trainingAsOf } from './facts';
import { buildFeatureSpace, F, featureCount, featureRow, writeCrm, type FeatureSpace } from './features';
import type { WorkspaceState } from './state';

export const HistoryRecord = z.object({
  amount: z.number().min(0).nullable(),
  ageDays: z.number().min(0).nullable(),
  stage: Stage.nullable(),
  crm: z.record(z.string(), z.string()),
  won: z.boolean(),
});
export type HistoryRecord = z.infer<typeof HistoryRecord>;

export function historyRow(h: HistoryRecord, space: FeatureSpace): Float64Array {
  const row = new Float64Array(featureCount(space)).fill(NaN);
  row[F.log_amount] = h.amount === null ? NaN : Math.log1p(h.amount);
  row[F.age_days] = h.ageDays ?? NaN;
  row[F.stage] = h.stage === null ? -1 : STAGE_INDEX[h.stage];
  writeCrm(space, h.crm, row);
  return row;
}

/** The feature space for everything the model may see: deals in the workspace and imported history. */
export function spaceFor(state: WorkspaceState, history: readonly HistoryRecord[]): FeatureSpace {
  return buildFeatureSpace([...state.opportunities.map((o) => o?.crm), ...history.map((h) => h.crm)]);
}

export interface TrainingSet {
  rows: Float64Array[];
  labels: Uint8Array;
  /** Opportunity ids of the workspace rows, in order (history rows follow them). */
  opportunityIds: string[];
}

export function trainingSet(state: WorkspaceState, history: readonly HistoryRecord[], space: FeatureSpace): TrainingSet {
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  const opportunityIds: string[] = [];
  for (const slot of state.closedOpportunitySlots()) {
    const o = state.opportunities[slot]!;
    const facts = opportunityFacts(state, slot, trainingAsOf(o));
    if (!facts) continue;
    rows.push(featureRow(facts, space));
    labels.push(o.status === 'won' ? 1 : 0);
    opportunityIds.push(o.id);
  }
  for (const h of history) {
    rows.push(historyRow(h, space));
    labels.push(h.won ? 1 : 0);
  }
  return { rows, labels: Uint8Array.from(labels), opportunityIds };
}
