import { SIZE_PROFILES, generateWorkspace, generateWorkspaceBatches } from '@shared/seed';
import { createStore, type Store } from './create-store';
import { loadWorkspaceIntoStore } from './load-workspace';

describe('loadWorkspaceIntoStore', () => {
  let store: Store;
  afterEach(async () => {
    await store?.remove();
  });

  it('loads the XS workspace into a memory store with matching counts and progress', async () => {
    store = await createStore({ name: `load-xs-${Date.now()}` });
    const fractions: number[] = [];
    const result = await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: 7 }), (f) => fractions.push(f), {
      chunkSize: 500,
    });
    const expected = generateWorkspace({ size: 'XS', seed: 7 });
    for (const [name, docs] of Object.entries(expected)) {
      expect(await store[name as keyof typeof expected].count().exec()).toBe(docs.length);
    }
    expect(await store.accounts.count().exec()).toBe(SIZE_PROFILES.XS.accounts);
    expect(result.inserted).toBe(Object.values(expected).reduce((n, docs) => n + docs.length, 0));
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= (fractions[i - 1] as number))).toBe(true);
  });

  it('refuses to load over an existing workspace with the same ids, saying what to do', async () => {
    store = await createStore({ name: `load-twice-${Date.now()}` });
    await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: 7 }));
    await expect(loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: 7 }))).rejects.toThrow(/empty workspace/);
  });
});
