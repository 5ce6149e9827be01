// Benchmarks: a generated workspace persisted once in SQLite and reused by later runs, so a
// benchmark measures opening and querying, not generating.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createStore, type Store } from '../../../src/main/store';
import { folderDatabaseKey } from '../../../src/main/workspace/database-key';
import { loadWorkspaceIntoStore } from '../../../src/main/store/load-workspace';
import { GENERATOR_VERSION, generateWorkspaceBatches, type SeedSize } from '../../../src/shared/seed';

export async function cachedWorkspace(size: SeedSize, seed = 1): Promise<string> {
  const dir = path.resolve('.data/bench', `${size}-seed${seed}-g${GENERATOR_VERSION}`);
  const done = path.join(dir, 'complete');
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const store = await createStore({ directory: dir });
  let lastShown = 0;
  await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size, seed }), (fraction) => {
    if (fraction - lastShown >= 0.1) {
      lastShown = fraction;
      process.stderr.write(`# generating ${size} workspace: ${Math.round(fraction * 100)}%\n`);
    }
  });
  await store.close();
  writeFileSync(done, `${Math.round(performance.now() - started)} ms\n`);
  return dir;
}

/**
 * The cached workspace's store, opened with the key the web preview keeps for the folder (as
 * `npm run import` does): a bench that ran the preview on the cache left its file encrypted, and a
 * plaintext cache is encrypted on this first open.
 */
export async function openCachedStore(dir: string): Promise<Store> {
  return createStore({ directory: dir, key: await folderDatabaseKey(dir) });
}
