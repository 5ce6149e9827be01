// Renderer: cache keys and what a change makes stale, both read from the API contract. A key is
// [method, input]; a query's `reads` (src/shared/api/contract.ts) say which collections' changes
// make it stale. Events do not say which document changed, so a change refreshes every cached
// answer of every method reading that collection: React Query refetches what is on screen and
// marks the rest stale for the next visit.
import type { QueryClient } from '@tanstack/react-query';
import { API, isQueryName, type InputOf, type QueryName, type QuerySpec } from '@shared/api';
import { COLLECTION_NAMES, type CollectionName } from '@shared/domain';

export type ApiKey<M extends QueryName> = readonly [M, InputOf<M>];

/** The one key factory: every cached answer is keyed by its method and its input. */
export function apiKey<M extends QueryName>(method: M, input: InputOf<M>): ApiKey<M> {
  return [method, input] as const;
}

/** Read at run time from the contract's `kind`, so a new query method is covered by itself. */
export const QUERY_NAMES: readonly QueryName[] = Object.keys(API).filter(isQueryName);

/** collection → the query methods whose answers its changes make stale. */
export const READERS: Readonly<Record<CollectionName, readonly QueryName[]>> = (() => {
  const table = {} as Record<CollectionName, QueryName[]>;
  for (const collection of COLLECTION_NAMES)
    table[collection] = QUERY_NAMES.filter((m) => (API[m] as QuerySpec).reads.includes(collection));
  return table;
})();

/** The query methods to refresh when these collections changed; unknown names are ignored. */
export function queriesReading(collections: readonly string[]): QueryName[] {
  const methods = new Set<QueryName>();
  for (const name of collections) for (const method of READERS[name as CollectionName] ?? []) methods.add(method);
  return [...methods];
}

export interface InvalidateOptions {
  /**
   * Restart a refetch already in flight (the default). A host change event needs it: a fetch
   * that started before the change may answer with what was there before it.
   */
  restartRunning?: boolean;
}

/** Marks every cached answer reading these collections stale and refetches those on screen. */
export async function invalidateCollections(
  queryClient: QueryClient,
  collections: readonly string[],
  { restartRunning = true }: InvalidateOptions = {},
): Promise<void> {
  await Promise.all(
    queriesReading(collections).map((method) => queryClient.invalidateQueries({ queryKey: [method] }, { cancelRefetch: restartRunning })),
  );
}
