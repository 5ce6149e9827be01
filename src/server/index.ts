// Sync server (Node): public face for tests, benchmarks and scripts.
export { createSyncServer } from './app';
export type { SyncServer, SyncServerOptions } from './app';
export { createWorkspaceWithAdmin } from './admin';
export { openDatabase } from './db';
export type { Database, DatabaseOptions } from './db';
