// The store's side of scoring on a real SQLite store: scores written as the service writes them
// (writeScores) and read back as the host reads them (readScorePayloads), without a read leaving
// a score in the collection's document cache (where each later write of its id would be kept,
// with its payload: store/score-payloads.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AccountId, ScoreDoc } from '@shared/domain';
import { createStore, type Store } from './create-store';
import { readScorePayloads } from './score-payloads';
import { writeScores } from './scores';

const score = (n: number, payload: string): ScoreDoc => ({
  id: `opportunity:opp_${n}`,
  subjectType: 'opportunity',
  subjectId: `opp_${n}`,
  accountId: 'acc_1' as AccountId,
  computedAt: 1_700_000_000_000 + n,
  payload,
});

/** Ids the scores collection's RxDB document cache holds (RxDB internals, read for this check only). */
const cachedIds = (store: Store): string[] => [
  ...(store.scores as unknown as { _docCache: { cacheItemByDocId: Map<string, unknown> } })._docCache.cacheItemByDocId.keys(),
];

describe('stored scores', () => {
  let dir: string;
  let store: Store;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-scores-'));
    store = await createStore({ directory: dir, name: 'ws' });
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads back the payloads written, leaving out absent and removed scores', async () => {
    // Payloads sliced from one text (what a cached id kept alive when batches came as one text).
    const batch = '{"p":1}{"p":2}{"p":3}';
    await writeScores(store, [score(1, batch.slice(0, 7)), score(2, batch.slice(7, 14)), score(3, batch.slice(14))], [], 2);
    await writeScores(store, [score(2, '{"p":"2b"}')], ['opportunity:opp_3']);
    const read = await readScorePayloads(store, [
      'opportunity:opp_1',
      'opportunity:opp_2',
      'opportunity:opp_3',
      'opportunity:nobody',
      'opportunity:opp_1',
    ]);
    expect([...read]).toEqual([
      ['opportunity:opp_1', '{"p":1}'],
      ['opportunity:opp_2', '{"p":"2b"}'],
    ]);
    expect(await readScorePayloads(store, [])).toEqual(new Map());
  });

  it('keeps no score in the document cache, through reads and the writes after them', async () => {
    await writeScores(store, [score(1, '{"p":1}'), score(2, '{"p":2}')], []);
    await readScorePayloads(store, ['opportunity:opp_1', 'opportunity:opp_2']);
    await writeScores(store, [score(1, '{"p":"1b"}'), score(2, '{"p":"2b"}')], []);
    expect((await readScorePayloads(store, ['opportunity:opp_1'])).get('opportunity:opp_1')).toBe('{"p":"1b"}');
    expect(cachedIds(store)).toEqual([]);
    // Removed, revived and removed twice (the second a no-op): still nothing cached.
    await writeScores(store, [], ['opportunity:opp_2']);
    await writeScores(store, [score(2, '{"p":"2c"}')], ['opportunity:opp_1', 'opportunity:opp_1', 'opportunity:nobody']);
    expect([...(await readScorePayloads(store, ['opportunity:opp_1', 'opportunity:opp_2']))]).toEqual([
      ['opportunity:opp_2', '{"p":"2c"}'],
    ]);
    expect(cachedIds(store)).toEqual([]);
    // The check can fail: a read through the query API does cache.
    await store.scores.findByIds(['opportunity:opp_2']).exec();
    expect(cachedIds(store)).toEqual(['opportunity:opp_2']);
  });
});
