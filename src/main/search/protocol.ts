// Main process ↔ search worker thread: the messages, plain structured-clone data.
import type { SearchInput, SearchView } from '@shared/api';
import type { SnapshotSpec } from '../store';
import type { IndexedDoc, Indexed } from './search-engine';

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
  | { type: 'query'; id: number; input: SearchInput };

export type SearchToHost =
  | { type: 'progress'; indexing: SearchView['indexing']; documents: number }
  | { type: 'answer'; id: number; view: SearchView }
  | { type: 'failed'; id: number | null; code: string; message: string };
