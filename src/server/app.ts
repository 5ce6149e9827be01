// Sync server (Node): composes the HTTP service. Stateless apart from open streams, so any
// number of instances can share one PostgreSQL.
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { DEFAULT_POOL_SIZE, openDatabase, type Database, type DatabaseOptions } from './db';
import { DEFAULT_CONFIG, type ServerConfig } from './config';
import { clientErrorHandler, installErrorHandling, SyncHttpError } from './errors';
import { parseJsonBody } from './json-body';
import { registerAdminRoutes } from './routes-admin';
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
    signInMaxFailuresPerAddress: options.signInMaxFailuresPerAddress ?? DEFAULT_CONFIG.signInMaxFailuresPerAddress,
    signInWindowMs: options.signInWindowMs ?? DEFAULT_CONFIG.signInWindowMs,
    smallBodyLimit: options.smallBodyLimit ?? DEFAULT_CONFIG.smallBodyLimit,
    maxJsonDepth: options.maxJsonDepth ?? DEFAULT_CONFIG.maxJsonDepth,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_CONFIG.requestTimeoutMs,
    headersTimeoutMs: options.headersTimeoutMs ?? DEFAULT_CONFIG.headersTimeoutMs,
    maxStreamsPerToken: options.maxStreamsPerToken ?? DEFAULT_CONFIG.maxStreamsPerToken,
    maxStreamsPerUser: options.maxStreamsPerUser ?? DEFAULT_CONFIG.maxStreamsPerUser,
    trustProxy: options.trustProxy ?? DEFAULT_CONFIG.trustProxy,
    changeRetentionMs: options.changeRetentionMs ?? DEFAULT_CONFIG.changeRetentionMs,
    compactEveryMs: options.compactEveryMs ?? DEFAULT_CONFIG.compactEveryMs,
  };
  const db = options.database ?? (await openDatabase({ poolMin: options.poolSize ?? DEFAULT_POOL_SIZE, ...options }));
  const hub = await createStreamHub(db.driver);
  const sessions = await createSessionCache(db.driver, db.access);
  const headersTimeout = Math.min(config.headersTimeoutMs, config.requestTimeoutMs);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: config.bodyLimit,
    forceCloseConnections: true,
    trustProxy: config.trustProxy,
    // A request (headers and body) must arrive within requestTimeoutMs: a body sent a byte a
    // second no longer holds its socket forever. Node checks expiry every
    // connectionsCheckingInterval, so that is a fraction of the timeout. Streams are not
    // affected: their request is complete once its headers are in.
    requestTimeout: config.requestTimeoutMs,
    http: {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout,
      connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(headersTimeout / 4))),
    },
    clientErrorHandler,
    // Errors Fastify raises before routing (a URL that is not valid percent-encoding) get the
    // same coded body as every other error.
    frameworkErrors: (err, _request, reply) => {
      void (reply as FastifyReply)
        .status(400)
        .send({ error: { code: 'DS_SYNC_BAD_REQUEST', message: `The request address is not valid (${err.code}).` } });
    },
  });
  installErrorHandling(app);
  // One JSON parser for every route: UTF-8, nesting and prototype keys checked before JSON.parse.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer, config.maxJsonDepth));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  // No route takes a query parameter twice; `?collections=a&collections=b` would otherwise
  // reach a handler as an array.
  app.addHook('onRequest', async (request) => {
    for (const [name, value] of Object.entries(request.query as Record<string, unknown>)) {
      if (Array.isArray(value))
        throw new SyncHttpError(400, 'DS_SYNC_BAD_REQUEST', `The query parameter "${name}" was given more than once.`, { parameter: name });
    }
  });
  app.get('/health', async () => ({ ok: true }));
  registerAuthRoutes(app, db, sessions, config);
  registerSyncRoutes(app, db, hub, sessions, config);
  registerAdminRoutes(app, db, sessions, config);
  const compaction = startCompaction(db, config);
  return {
    app,
    db,
    hub,
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
    running ??= db.sync
      .compactChanges(new Date(Date.now() - config.changeRetentionMs))
      .then(() => db.team.purgeAttempts(config.signInWindowMs))
      .then(
        () => undefined,
        (err: Error) => console.error('DS_SYNC_COMPACT', err.message),
      ) // tried again next interval
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
