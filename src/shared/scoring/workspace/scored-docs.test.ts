// scored-docs.ts: what the scoring engine keeps of a deal as read from the store.
import { describe, expect, it } from 'vitest';
import type { Opportunity } from '@shared/domain';
import { scoredOpportunity } from './scored-docs';

describe('scoredOpportunity', () => {
  it('keeps what scoring reads and leaves the sync, import and storage bookkeeping', () => {
    const stored = {
      id: 'opp_1',
      accountId: 'acc_1',
      name: 'Delta – Platform',
      amount: 125_600,
      currency: 'USD',
      stage: 'discover',
      stageChangedAt: 2,
      stageHistory: [
        { stage: 'qualify', at: 1 },
        { stage: 'discover', at: 2 },
      ],
      createdAt: 1,
      closeDate: 9,
      status: 'lost',
      closedAt: 9,
      ownerId: 'tm_1',
      members: [{ stakeholderId: 'st_1', role: 'decision_maker' }],
      crm: { routeToMarket: 'partner' },
      updatedAt: 9,
      source: { system: 'salesforce', id: '006A' },
      _deleted: false,
      _attachments: {},
      _meta: { lwt: 1 },
      _rev: '1-a',
    } as unknown as Opportunity;
    const { updatedAt, source, ...scored } = stored as Opportunity & Record<string, unknown>;
    void updatedAt;
    void source;
    for (const k of ['_deleted', '_attachments', '_meta', '_rev']) delete scored[k];
    expect(scoredOpportunity(stored)).toStrictEqual(scored);
    const open = { ...stored, status: 'open' } as Opportunity;
    delete (open as Partial<Opportunity>).closedAt;
    delete (open as Partial<Opportunity>).stageHistory;
    delete (open as Partial<Opportunity>).crm;
    const kept = scoredOpportunity(open);
    expect('closedAt' in kept || 'stageHistory' in kept || 'crm' in kept || 'actionStates' in kept).toBe(false);
  });
});
