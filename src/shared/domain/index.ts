// Pure (shared): the domain's public face.
export * from './ids';
export * from './vocab';
export * from './entities';
export { COLLECTIONS, COLLECTION_NAMES, SYNCED_COLLECTIONS } from './collections';
export type { CollectionName, CollectionSpec, DocOf } from './collections';
export { rxSchemaFor } from './rx-schemas';
export type { RxJsonSchemaLike } from './rx-schemas';
export { journeyStepWindow, RESEARCH_BEFORE_DEAL } from './journey-dates';
