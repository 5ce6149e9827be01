// Main process: a pause a long writer (the CRM import) takes every few seconds, so the WAL
// checkpoint thread (sqlite/checkpointer.ts) can copy the whole WAL back into the file (and the
// WAL can start again from its beginning when no reader holds it). A writer that never pauses is
// checkpointed by that thread racing it, which never catches up: the WAL grew to 1 GiB over a
// 100k-row import, and the writer's own backstop checkpoint then copied it back and fsynced on
// the main thread — 50–110 ms of its kernel time and 50–160 ms fsyncs in one block, seen with
// strace (test/bench/import.bench.ts).
import type { Store } from './create-store';
import { databaseFilePath, RX_STORAGE_NAME_SQLITE } from './sqlite';
import { checkpointerOf } from './sqlite/connection';

/**
 * Resolves once the checkpoint thread has checkpointed after the caller stopped writing (at
 * most `maxWaitMs`); at once for a store not on disk or without that thread. The event loop is
 * free meanwhile: only the caller's writes wait.
 */
export async function pauseForCheckpoint(store: Store, maxWaitMs = 2_000): Promise<void> {
  const storage = store.storage as { name?: string; settings?: { databaseDirectory?: string } };
  const dir = storage.settings?.databaseDirectory;
  if (storage.name !== RX_STORAGE_NAME_SQLITE || !dir) return;
  const checkpointer = checkpointerOf(databaseFilePath(dir, store.name));
  if (!checkpointer) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    checkpointer.nextCheckpoint(),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, maxWaitMs);
    }),
  ]);
  clearTimeout(timer);
}
