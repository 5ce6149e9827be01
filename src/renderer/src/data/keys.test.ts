import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { API, type QuerySpec } from '@shared/api';
import { COLLECTION_NAMES, type AccountId } from '@shared/domain';
import { apiKey, invalidateCollections, queriesReading, QUERY_NAMES, READERS } from './keys';

describe('keys and invalidation from the contract', () => {
  it('knows every query method, and only query methods', () => {
    for (const method of QUERY_NAMES) expect(API[method].kind).toBe('query');
    const mutations = Object.values(API).filter((spec) => spec.kind === 'mutation');
    expect(QUERY_NAMES.length + mutations.length).toBe(Object.keys(API).length);
  });

  it('refreshes something for every collection, from what the queries declare', () => {
    for (const name of COLLECTION_NAMES) {
      expect(READERS[name].length).toBeGreaterThan(0);
      for (const method of READERS[name]) expect((API[method] as QuerySpec).reads).toContain(name);
    }
  });

  it('joins and de-duplicates the readers of several collections', () => {
    // The delete-impact and person page read relationships; the CSV export reads team members, and
    // so does Today's "mine" (who I am).
    expect(queriesReading(['relationships', 'teammembers']).sort()).toEqual([
      'accounts.removalImpact',
      'buyingGroup.get',
      'conflicts.list',
      'export.csv',
      'scoring.today',
      'stakeholders.get',
      'team.list',
      'team.me',
      'workspace.info',
    ]);
    expect(queriesReading(['scores']).sort()).toEqual([
      'scoring.forAccount',
      'scoring.forOpportunity',
      'scoring.model',
      'scoring.today',
      'scoring.whatIf',
    ]);
    expect(queriesReading(['nope'])).toEqual([]);
  });

  it('keys an answer by method and input, so one method is invalidated whatever its input', async () => {
    const client = new QueryClient();
    const a = apiKey('accounts.get', { id: 'acc_a' as AccountId });
    const b = apiKey('accounts.get', { id: 'acc_b' as AccountId });
    const team = apiKey('team.list', {});
    expect(a).toEqual(['accounts.get', { id: 'acc_a' }]);
    for (const key of [a, b, team]) client.setQueryData(key, []);
    await invalidateCollections(client, ['interactions']);
    expect(client.getQueryState(a)?.isInvalidated).toBe(true);
    expect(client.getQueryState(b)?.isInvalidated).toBe(true);
    expect(client.getQueryState(team)?.isInvalidated).toBe(false);
  });
});
