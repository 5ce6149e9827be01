// Pure (shared): the domain's public face.
export * from './ids';
export * from './vocab';
export * from './entities';
export { COLLECTIONS, COLLECTION_NAMES, SYNCED_COLLECTIONS } from './collections';
export type { CollectionName, CollectionSpec, DocOf } from './collections';
export { rxSchemaFor } from './rx-schemas';
export type { RxJsonSchemaLike } from './rx-schemas';
export { journeyStepWindow, RESEARCH_BEFORE_DEAL } from './journey-dates';
export {
  ACTION_KINDS,
  BestTimeView,
  Contribution,
  Explanation,
  FactorWords,
  NextBestAction,
  OpportunityScorePayload,
  SCORE_PAYLOAD_VERSION,
  ScorePayload,
  ScoreSource,
  StakeholderScorePayload,
  bandOf,
} from './score-payload';
export { TEXT_PROBLEM_WORDS, cleanText, findTextProblem, isCleanText, textProblem } from './text';
export type { TextIssue, TextProblem } from './text';
export { actionKey, isActionHeld, withActionState } from './action-state';
