// Test support: a hand-written workspace small enough to reason about in assertions.
import type { Store } from '../../src/main/store';

export const T0 = Date.UTC(2026, 9, 1);

export async function fillTinyWorkspace(store: Store): Promise<void> {
  await store.teammembers.insert({
    id: 'tm_ana',
    name: 'Ana Seller',
    email: 'ana@example.com',
    role: 'seller',
    timezone: 'Europe/Berlin',
    updatedAt: T0,
  } as never);
  await store.accounts.bulkInsert([
    { id: 'acc_acme', name: 'Acme Logistics', industry: 'Logistics', region: 'EMEA', segment: 'enterprise', updatedAt: T0 },
    { id: 'acc_bolt', name: 'Bolt Energy', industry: 'Energy', region: 'NA', segment: 'mid_market', updatedAt: T0 },
  ] as never);
  await store.stakeholders.bulkInsert([
    {
      id: 'stk_cfo',
      accountId: 'acc_acme',
      name: 'Carla Finance',
      title: 'CFO',
      department: 'Finance',
      buyingRoles: ['economic_buyer'],
      stance: 'neutral',
      influence: 5,
      needs: ['ROI in a year'],
      pains: [],
      updatedAt: T0,
    },
    {
      id: 'stk_it',
      accountId: 'acc_acme',
      name: 'Ivan Tech',
      title: 'IT Director',
      department: 'IT',
      buyingRoles: ['technical_evaluator', 'champion'],
      stance: 'champion',
      influence: 4,
      needs: [],
      pains: ['legacy TMS'],
      updatedAt: T0,
    },
  ] as never);
  await store.relationships.insert({
    id: 'rel_1',
    accountId: 'acc_acme',
    fromId: 'stk_it',
    toId: 'stk_cfo',
    kind: 'reports_to',
    strength: 0.8,
    source: 'manual',
    updatedAt: T0,
  } as never);
  await store.opportunities.insert({
    id: 'opp_1',
    accountId: 'acc_acme',
    name: 'Fleet platform',
    amount: 250000,
    currency: 'USD',
    stage: 'propose',
    stageChangedAt: T0,
    createdAt: T0 - 86_400_000 * 60,
    closeDate: T0 + 86_400_000 * 30,
    status: 'open',
    ownerId: 'tm_ana',
    members: [
      { stakeholderId: 'stk_cfo', role: 'economic_buyer' },
      { stakeholderId: 'stk_it', role: 'champion' },
    ],
    updatedAt: T0,
  } as never);
  await store.interactions.bulkInsert(
    [1, 2, 3].map((n) => ({
      id: `int_${n}`,
      accountId: 'acc_acme',
      opportunityId: 'opp_1',
      kind: 'meeting',
      at: T0 - n * 86_400_000,
      channel: 'video',
      direction: 'two_way',
      sentiment: 1,
      attendeeIds: ['stk_it'],
      loggedBy: 'tm_ana',
      notes: `Call ${n}`,
      updatedAt: T0,
    })) as never,
  );
}
