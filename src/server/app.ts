// Sync server (Node): composes the HTTP service. Stateless apart from open streams, so any
// number of instances can share one PostgreSQL.
import Fastify, { type FastifyInstance } from 'fastify';
import { DEFAULT_POOL_SIZE, openDatabase, type Database, type DatabaseOptions } from './db';
import { DEFAULT_CONFIG, type ServerConfig } from './config';
import { installErrorHandling } from './errors';
import { registerAuthRoutes } from './routes-auth';
import { registerSyncRoutes } from './routes-sync';
import { createStreamHub, type StreamHub } from './stream-hub';
import { createSessionCache } from './session-cache';

export interface SyncServerOptions extends DatabaseOptions, Partial<ServerConfig> {
  /** Reuse an open database (tests sharing one PGlite); the server will not close it. */
  database?: Database;
  logger?: boolean;
}

export interface SyncServer {
  app: FastifyInstance;
  db: Database;
  hub: StreamHub;
  /** Resolves to the base URL, e.g. http://127.0.0.1:4123. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createSyncServer(options: SyncServerOptions = {}): Promise<SyncServer> {
  const config: ServerConfig = {
    tokenTtlMs: options.tokenTtlMs ?? DEFAULT_CONFIG.tokenTtlMs,
    inviteTtlMs: options.inviteTtlMs ?? DEFAULT_CONFIG.inviteTtlMs,
    bodyLimit: options.bodyLimit ?? DEFAULT_CONFIG.bodyLimit,
    heartbeatMs: options.heartbeatMs ?? DEFAULT_CONFIG.heartbeatMs,
    passwordMemoryKiB: options.passwordMemoryKiB ?? DEFAULT_CONFIG.passwordMemoryKiB,
    signInMaxFailures: options.signInMaxFailures ?? DEFAULT_CONFIG.signInMaxFailures,
    signInWindowMs: options.signInWindowMs ?? DEFAULT_CONFIG.signInWindowMs,
    trustProxy: options.trustProxy ?? DEFAULT_CONFIG.trustProxy,
    changeRetentionMs: options.changeRetentionMs ?? DEFAULT_CONFIG.changeRetentionMs,
    compactEveryMs: options.compactEveryMs ?? DEFAULT_CONFIG.compactEveryMs,
  };
  const db = options.database ?? (await openDatabase({ poolMin: options.poolSize ?? DEFAULT_POOL_SIZE, ...options }));
  const hub = await createStreamHub(db.driver);
  const sessions = await createSessionCache(db.driver, db.access);
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: config.bodyLimit, forceCloseConnections: true, trustProxy: config.trustProxy });
  installErrorHandling(app);
  app.get('/health', async () => ({ ok: true }));
  registerAuthRoutes(app, db, sessions, config);
  registerSyncRoutes(app, db, hub, sessions, config);
  const compaction = startCompaction(db, config);
  return {
    app, db, hub,
    async listen(port = 0, host = '127.0.0.1') {
      await app.listen({ port, host });
      const addr = app.server.address();
      return `http://${host}:${typeof addr === 'object' && addr ? addr.port : port}`;
    },
    async close() {
      await compaction.stop();
      await app.close();
      await hub.close();
      await sessions.close();
      if (!options.database) await db.close();
    },
  };
}

/**
 * Compacts the change log every `compactEveryMs` (db.sync.compactChanges). Every instance does
 * it; runs are idempotent, so two at once only repeat each other's work.
 */
function startCompaction(db: Database, config: ServerConfig): { stop(): Promise<void> } {
  if (config.compactEveryMs <= 0) return { stop: async () => undefined };
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= db.sync.compactChanges(new Date(Date.now() - config.changeRetentionMs))
      .then(() => undefined, (err: Error) => console.error('DS_SYNC_COMPACT', err.message)) // tried again next interval
      .finally(() => (running = undefined));
  }, config.compactEveryMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
