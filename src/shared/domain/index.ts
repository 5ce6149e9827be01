// Pure (shared): the domain's public face.
export * from './ids';
export * from './vocab';
export * from './entities';
export { COLLECTIONS, COLLECTION_NAMES, SYNCED_COLLECTIONS } from './collections';
export type { CollectionName, CollectionSpec, DocOf } from './collections';
export { rxSchemaFor } from './rx-schemas';
export type { RxJsonSchemaLike } from './rx-schemas';
export {
  ACTION_KINDS, BestTimeView, Contribution, Explanation, FactorWords, NextBestAction, OpportunityScorePayload, SCORE_PAYLOAD_VERSION,
  ScorePayload, ScoreSource, StakeholderScorePayload, bandOf,
} from './score-payload';
