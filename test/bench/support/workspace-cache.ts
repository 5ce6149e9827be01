// Benchmarks: a generated workspace persisted once in SQLite and reused by later runs, so a
// benchmark measures opening and querying, not generating.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createStore, databaseFilePath, type Store } from '../../../src/main/store';
import { folderDatabaseKey, folderSecretStore, nameKeyById } from '../../../src/main/workspace/database-key';
import { loadWorkspaceIntoStore } from '../../../src/main/store/load-workspace';
import { GENERATOR_VERSION, generateWorkspaceBatches, type SeedSize } from '../../../src/shared/seed';

export async function cachedWorkspace(size: SeedSize, seed = 1): Promise<string> {
  const dir = path.resolve('.data/bench', `${size}-seed${seed}-g${GENERATOR_VERSION}`);
  const done = path.join(dir, 'complete');
  if (existsSync(done)) {
    // A cache encrypted by an earlier version of openCachedStore has its key named by its path
    // only, which no copy of it can use: named by the id beside the file now (copied with it).
    if (existsSync(`${dir}-secrets`)) await nameKeyById(folderSecretStore(dir), cachedFile(dir));
    return dir;
  }
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
  const store = await createStore({ directory: dir, key: await folderDatabaseKey(dir) });
  // As the app does once the store has opened the file with its key (open-workspace.ts): the key
  // named by an id kept beside the file, so a copy of the folder and its secrets opens too.
  await nameKeyById(folderSecretStore(dir), cachedFile(dir));
  return store;
}

const cachedFile = (dir: string): string => databaseFilePath(path.resolve(dir), 'workspace');

/**
 * A copy of a cached workspace at `to` (whatever was there removed first), with the key beside
 * it: a bench that opened the cache through the app (`openCachedStore`, the web preview) left its
 * file encrypted, and a copy without its `-secrets` folder is refused as unreadable.
 */
export function copyCachedWorkspace(cache: string, to: string): void {
  removeWorkspaceCopy(to);
  cpSync(cache, to, { recursive: true });
  if (existsSync(`${cache}-secrets`)) cpSync(`${cache}-secrets`, `${to}-secrets`, { recursive: true });
}

/** A workspace folder with what the app keeps beside it (its key, its backups). */
export function removeWorkspaceCopy(dir: string): void {
  for (const d of [dir, `${dir}-secrets`, `${dir}-backups`]) rmSync(d, { recursive: true, force: true });
}
