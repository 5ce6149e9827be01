// The snapshot reader's indexed reads (byKey), on a real encrypted SQLite file written by the
// store: one account's documents through the index, the same documents in the same order as a
// scan keeps of them.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateWorkspaceBatches } from '@shared/seed';
import { createStore, type Store } from './create-store';
import { loadWorkspaceIntoStore } from './load-workspace';
import { snapshotSpecOf } from './scores';
import { openStoreSnapshot, type SnapshotRow, type StoreSnapshot } from './snapshot';

const COLLECTIONS = ['accounts', 'stakeholders', 'opportunities', 'interactions', 'journeysteps'] as const;

describe('store snapshot: reads by account and by deal', () => {
  let dir: string;
  let store: Store;
  let snapshot: StoreSnapshot;
  const scanned = (collection: string): SnapshotRow[] => {
    const out: SnapshotRow[] = [];
    snapshot.scan(collection, 1000, (docs) => out.push(...docs));
    return out;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-snapshot-'));
    store = await createStore({ directory: dir, name: 'ws', key: randomBytes(32) });
    await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: 3 }));
    // Written after the load, so storage order is not the order of the account index.
    const first = (await store.interactions.find({ sort: [{ id: 'asc' }], limit: 1 }).exec())[0]!;
    await first.incrementalPatch({ notes: 'edited after the load' });
    const gone = (await store.interactions.find({ selector: { accountId: first.accountId }, sort: [{ id: 'desc' }], limit: 1 }).exec())[0]!;
    await gone.remove();
    snapshot = openStoreSnapshot(snapshotSpecOf(store, COLLECTIONS)!);
  }, 60_000);

  afterAll(async () => {
    snapshot.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['stakeholders', 'accountId'],
    ['interactions', 'accountId'],
    ['journeysteps', 'opportunityId'],
  ] as const)('reads %s by %s: the live ones the scan gives, in its order', (collection, field) => {
    const all = scanned(collection);
    const values = [...new Set(all.map((d) => d[field] as string))].sort();
    expect(values.length).toBeGreaterThan(3);
    // A few keys at once, and one nobody has.
    const asked = [values[0]!, values[2]!, values.at(-1)!, 'nobody'];
    const wanted = all.filter((d) => asked.includes(d[field] as string));
    expect(wanted.length).toBeGreaterThan(0);
    expect(snapshot.byKey(collection, field, asked)).toEqual(wanted);
  });

  it('leaves out deleted documents and sees later writes', async () => {
    const edited = (await store.interactions.find({ sort: [{ id: 'asc' }], limit: 1 }).exec())[0]!;
    const read = snapshot.byKey('interactions', 'accountId', [edited.accountId])!;
    expect(read.find((d) => d.id === edited.id)?.['notes']).toBe('edited after the load');
    const stored = await store.interactions.find({ selector: { accountId: edited.accountId } }).exec();
    expect(read.map((d) => d.id).sort()).toEqual(stored.map((d) => d.id).sort());
    expect(read.some((d) => d['_deleted'] === true)).toBe(false);
  });

  it('says null where no index starts with the field (the caller scans instead)', () => {
    expect(snapshot.byKey('accounts', 'accountId', ['acc_1'])).toBeNull();
    expect(snapshot.byKey('opportunities', 'opportunityId', ['opp_1'])).toBeNull();
    expect(snapshot.byKey('stakeholders', 'accountId', [])).toEqual([]);
  });
});
