// Main process (or plain Node for scripts and benches): writes a generated workspace into a
// workspace folder — the same SQLite store the app and `npm run serve -- --data DIR` open.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { generateWorkspaceBatches, type SeedSize } from '@shared/seed';
import { createStore } from '../store';
import { loadWorkspaceIntoStore } from '../store/load-workspace';

export interface SeedWorkspaceOptions {
  directory: string;
  size: SeedSize;
  seed: number;
  now: number;
  onProgress?: (fraction: number) => void;
  /** The file's key (database-key.ts); omitted, a plaintext file the app encrypts when it opens it. */
  key?: Buffer;
}

export interface SeedWorkspaceResult {
  documents: number;
  ms: number;
  /** Bytes of the folder's files once the store is closed. */
  bytes: number;
}

export async function folderBytes(directory: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(directory)) total += (await stat(path.join(directory, name))).size;
  return total;
}

export async function writeWorkspaceFolder(options: SeedWorkspaceOptions): Promise<SeedWorkspaceResult> {
  const started = performance.now();
  const store = await createStore({ directory: options.directory, ...(options.key ? { key: options.key } : {}) });
  let documents = 0;
  try {
    const loaded = await loadWorkspaceIntoStore(
      store,
      generateWorkspaceBatches({ size: options.size, seed: options.seed, now: options.now }),
      options.onProgress,
    );
    documents = loaded.inserted;
  } finally {
    await store.close();
  }
  return { documents, ms: performance.now() - started, bytes: await folderBytes(options.directory) };
}
