import { generateWorkspaceBatches, SEED_SIZES, type SeedSize } from '.';
import { uniqueDealName } from './deal';

/** Every name that two deals of one account share, as "account: name". */
function sharedDealNames(size: SeedSize, seed: number, now?: number): string[] {
  const seen = new Map<string, Set<string>>();
  const shared: string[] = [];
  for (const batch of generateWorkspaceBatches({ size, seed, ...(now === undefined ? {} : { now }) })) {
    if (batch.collection !== 'opportunities') continue;
    for (const deal of batch.docs) {
      const names = seen.get(deal.accountId) ?? new Set<string>();
      seen.set(deal.accountId, names);
      if (names.has(deal.name)) shared.push(`${deal.accountId}: ${deal.name}`);
      names.add(deal.name);
    }
  }
  return shared;
}

describe('generated deal names', () => {
  // L is a million interactions: one seed of it, several of the smaller sizes.
  const cases: [SeedSize, number][] = SEED_SIZES.flatMap((size) =>
    (size === 'L' ? [1] : [1, 7, 11, 42, 2027]).map((seed): [SeedSize, number] => [size, seed]),
  );

  it.each(cases)(
    'no two deals of one account share a name (%s, seed %i)',
    (size, seed) => {
      expect(sharedDealNames(size, seed)).toEqual([]);
    },
    120_000,
  );

  it('holds for any "today" too (the demo is generated up to the day it opens)', () => {
    for (const now of [Date.UTC(2026, 11, 4), Date.UTC(2027, 2, 1), Date.UTC(2028, 1, 29)]) {
      expect(sharedDealNames('XS', 7, now)).toEqual([]);
    }
  });

  it('a taken name gets the close quarter, then a number', () => {
    const taken = new Set<string>();
    const close = Date.UTC(2027, 7, 15);
    expect(uniqueDealName('Acme – CRM (Core)', close, taken)).toBe('Acme – CRM (Core)');
    expect(uniqueDealName('Acme – CRM (Core)', close, taken)).toBe('Acme – CRM (Core) · Q3 2027');
    expect(uniqueDealName('Acme – CRM (Core)', close, taken)).toBe('Acme – CRM (Core) · Q3 2027 (2)');
    expect(taken.size).toBe(3);
  });
});
