// Pure (shared): the RxDB conflict handler every synced collection uses. Shaped structurally
// like rxdb's RxConflictHandler so src/shared stays free of runtime imports; the client store
// passes it to addCollections({ [name]: { schema, conflictHandler } }).
import { sameDocState } from './canonical';
import { mergeDocs, type SyncDocState } from './merge';

export interface ConflictInput<T> {
  assumedMasterState?: T;
  realMasterState: T;
  newDocumentState: T;
}

export interface SyncConflictHandler<T> {
  isEqual(a: T, b: T, context: string): boolean;
  resolve(input: ConflictInput<T>, context: string): Promise<T>;
}

/**
 * isEqual compares whole replicated states (never updatedAt alone: it is a client clock).
 * resolve is the three-way merge documented in merge.ts. It is also what the upstream
 * runs when the server reports a conflict, so a client's pending write is merged, not lost.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxDB instantiates it per collection type.
export const conflictHandler: SyncConflictHandler<any> = {
  isEqual(a, b) {
    return sameDocState(a as object, b as object);
  },
  resolve(input) {
    const master = input.realMasterState as SyncDocState;
    const local = input.newDocumentState as SyncDocState;
    if (sameDocState(master, local)) return Promise.resolve(input.realMasterState);
    return Promise.resolve(mergeDocs({ base: input.assumedMasterState as SyncDocState | undefined, master, local }));
  },
};
