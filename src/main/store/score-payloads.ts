// Main process: the stored scores' payloads, read as the host reads them. A module of its own,
// with no RxDB import, so code that shares a module with the scoring worker (stored-today.ts) can
// use it without bundling RxDB into the worker (checked on the desktop build's output).
import type { Store } from './create-store';

/**
 * The stored payloads of these score ids (absent ids, and removed scores, left out), read from the
 * storage rather than through the collection's query API.
 *
 * Why: a score read as an RxDocument puts its id in the collection's document cache, and every
 * later write of that id makes the cache keep the written document as its latest state until the
 * RxDocument is collected and its finalizer runs. When the payloads the service wrote were slices
 * of one text per worker batch, each cached id kept its whole batch text alive: the ~70 deals
 * Today reads kept ~30 MB of batch texts on the main thread's heap through a first open (a heap
 * snapshot at the first-open peak of an L workspace). Batches now come as bytes and each payload
 * is a string of its own (scoring/protocol.ts PackedScores), but a cached id would still keep the
 * latest written score. Reading the storage builds no RxDocument, so nothing of a score is cached.
 */
export async function readScorePayloads(store: Store, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const docs = await store.scores.storageInstance.findDocumentsById([...new Set(ids)], false);
  return new Map(docs.map((d) => [d.id, d.payload]));
}
