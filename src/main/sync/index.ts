// Main process: the sync capability's public face.
export { startSync } from './start-sync';
export type { StartSyncOptions, SyncHandle, SyncStatus, SyncState } from './start-sync';
export { createSyncClient } from './sync-client';
export type { SyncClient } from './sync-client';
export { SyncClientError } from './http';
export { conflictHandler } from '@shared/sync';
export { createTeamAdminClient } from './team-admin-client';
export type { TeamAdminTarget } from './team-admin-client';
export type { SetAsideRecord } from './set-aside';
