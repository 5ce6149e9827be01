// Pure (shared): the sync capability's public face (conflict rules and the wire contract).
export { conflictHandler } from './conflict-handler';
export type { SyncConflictHandler, ConflictInput } from './conflict-handler';
export { mergeDocs, mergeKept, MAX_KEPT_CONFLICTS, DISCARDED_FIELD, parseDiscarded } from './merge';
export type { KeptConflictEntry, SyncDocState, MergeInput, DiscardedNotice } from './merge';
export { canonicalJson, contentHash, sameDocState, sameValue, toDocState } from './canonical';
export * from './wire';
export * from './team-admin-wire';
