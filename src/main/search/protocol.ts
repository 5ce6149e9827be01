// Main process ↔ search worker thread: the messages, plain structured-clone data.
import type { SearchInput, SearchView } from '@shared/api';
import type { SnapshotSpec } from '../store';
import type { IndexedDoc, Indexed } from './search-engine';

/** What the thread is started with (`workerData`). */
export interface SearchWorkerData {
  /**
   * The index's scratch file (search-engine.ts IndexFile), for a workspace on disk; null keeps
   * the index in memory (a store in memory has nothing on disk to put it beside).
   */
  indexFile: string | null;
}

export type HostToSearch =
  /**
   * Build the index. With a snapshot the thread reads the workspace file itself, page by page;
   * without one (a store in memory) the host sends the documents (`docs`, then `fed`).
   */
  | { type: 'build'; snapshot: SnapshotSpec | null; pageSize: number; /** documents the host will send */ total: number }
  | { type: 'docs'; name: Indexed; docs: IndexedDoc[] }
  | { type: 'fed' }
  /** A write to the store, in write order; a document whose `_deleted` is set was deleted. */
  | { type: 'change'; name: Indexed; id: string; deleted: boolean; doc: IndexedDoc }
  | { type: 'query'; id: number; input: SearchInput }
  /** The workspace closes: close the index, delete its file, end the thread. */
  | { type: 'close' };

export type SearchToHost =
  | { type: 'progress'; indexing: SearchView['indexing']; documents: number }
  | { type: 'answer'; id: number; view: SearchView }
  | { type: 'failed'; id: number | null; code: string; message: string };
