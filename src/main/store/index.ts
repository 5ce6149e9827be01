// Main process: the store's public face. (Scoring's worker thread reads through snapshot.ts, the
// store's other face, which does not load RxDB.)
export { createStore } from './create-store';
export { pauseForCheckpoint } from './checkpoint-pause';
export type { Store, StoreCollections, StoreOptions } from './create-store';
export { isScoringWrite, removeStoredStakeholderScores, snapshotSpecOf, WRITE_CHUNK, writeScores, type ScoreRows } from './scores';
export { readScorePayloads } from './score-payloads';
export type { SnapshotSpec } from './snapshot';
export { NATIVE_BINDING_ENV } from './sqlite/native-binding';
export { databaseFilePath } from './sqlite';
// Encryption at rest: the SQLite module, the keyed open, and what the key's keeper
// (workspace/database-key.ts) and the recovery screen need.
export { Database, DATABASE_KEY_BYTES, openDatabase, type DatabaseKey } from './sqlite/database';
export { fileHeader, keyOfFile, opensWithKey } from './sqlite/connection';
export { corruptError, keyError } from './sqlite/errors';
export { clearFailure, failureOf, isStoreCorruption, markCorrupt, storeFailures$, type StoreFailure } from './sqlite/health';
export {
  interactionsOfAccount,
  interactionsOfOpportunity,
  journeyOfOpportunities,
  journeyOfOpportunity,
  notesOfOpportunity,
  opportunitiesOfAccount,
  recentInteractionsOfAccount,
  relationshipsOfAccount,
  relationshipsTouching,
  stakeholdersOfAccount,
} from './reads';
