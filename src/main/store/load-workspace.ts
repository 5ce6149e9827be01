// Main process (or plain Node for tests and the web preview): fills a store from seed batches.
// Documents are buffered per collection and written in bulkInserts of a few thousand, which is
// where RxDB storages are fastest; a whole L workspace never has to be in memory at once.
import { ApiError } from '@shared/api';
import type { SeedBatch, SeedCollection } from '@shared/seed';
import type { Store } from './create-store';

export interface LoadProgress {
  /** Documents written so far. */
  inserted: number;
  byCollection: Partial<Record<SeedCollection, number>>;
  /** 0..1, from the generator's own progress (1 once everything is written). */
  fraction: number;
}

export interface LoadOptions {
  /** Documents per bulkInsert; 5,000 keeps each write transaction short. */
  chunkSize?: number;
}

const FLUSH_ORDER: readonly SeedCollection[] = [
  'teammembers',
  'accounts',
  'stakeholders',
  'relationships',
  'opportunities',
  'interactions',
  'journeysteps',
  'workshopnotes',
];

export async function loadWorkspaceIntoStore(
  store: Store,
  batches: Iterable<SeedBatch> | AsyncIterable<SeedBatch>,
  onProgress?: (fraction: number, detail: LoadProgress) => void,
  options: LoadOptions = {},
): Promise<LoadProgress> {
  const chunkSize = options.chunkSize ?? 5_000;
  const buffers = new Map<SeedCollection, unknown[]>();
  const progress: LoadProgress = { inserted: 0, byCollection: {}, fraction: 0 };

  const flush = async (name: SeedCollection): Promise<void> => {
    const docs = buffers.get(name);
    if (!docs?.length) return;
    buffers.set(name, []);
    const result = await store[name].bulkInsert(docs as never[]);
    if (result.error.length) {
      const first = result.error[0];
      // A conflict here means the store already held a workspace with the same ids: say so.
      throw new ApiError(
        'DS_IMPORT_INVALID',
        `Could not load the demo workspace: ${result.error.length} ${name} document(s) were rejected ` +
          `(first: ${first?.status} on ${first?.documentId}). Load it into an empty workspace.`,
        { collection: name, errors: result.error.slice(0, 5) },
      );
    }
    progress.inserted += result.success.length;
    progress.byCollection[name] = (progress.byCollection[name] ?? 0) + result.success.length;
    onProgress?.(progress.fraction, progress);
  };

  for await (const batch of batches) {
    const buffer = buffers.get(batch.collection) ?? [];
    buffers.set(batch.collection, buffer);
    for (const doc of batch.docs) buffer.push(doc);
    progress.fraction = Math.min(0.999, batch.progress);
    if (buffer.length >= chunkSize) await flush(batch.collection);
  }
  progress.fraction = 1;
  for (const name of FLUSH_ORDER) await flush(name);
  onProgress?.(1, progress);
  return progress;
}
