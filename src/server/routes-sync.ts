// Sync server (Node): RxDB replication endpoints — pull by checkpoint, push with conflict
// detection, and one live stream per workspace.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { COLLECTIONS, SYNCED_COLLECTIONS, findTextProblem, type CollectionName } from '@shared/domain';
import { PullQuery, PushBody, SYNC_API_PREFIX, SYNC_ERROR_MESSAGES, type PullResponse, type PushResponse } from '@shared/sync';
import { authenticate, authenticateFirst, requireWorkspace } from './auth';
import { parseOr400, type ServerConfig } from './config';
import type { Database, StoredDoc } from './db';
import { forbidden, notFound, SyncHttpError } from './errors';
import { bodyMayHoldBadText } from './json-body';
import type { StreamHub } from './stream-hub';
import type { SessionCache } from './session-cache';

type Params = { ws: string; collection: string };

// Strict: a field the schema does not know is a client bug to report, not data to drop.
const strictSchemas = new Map<string, z.ZodObject>(
  SYNCED_COLLECTIONS.map((name) => [name, COLLECTIONS[name].schema.strict() as z.ZodObject]),
);

function collectionOf(request: FastifyRequest<{ Params: Params }>): CollectionName {
  const c = request.params.collection;
  if (!strictSchemas.has(c)) throw notFound(`collection ${c}`);
  return c as CollectionName;
}

const StreamQuery = z.object({ collections: z.string().max(1000).optional(), since: z.string().max(20).optional() });

const invalidDoc = (index: number, doc: Record<string, unknown>, issues: { path: string; message: string }[]) =>
  new SyncHttpError(422, 'DS_SYNC_INVALID_DOCUMENT', undefined, { index, id: typeof doc.id === 'string' ? doc.id : undefined, issues });

function validateDoc(schema: z.ZodObject, doc: Record<string, unknown>, index: number, checkText: boolean): StoredDoc {
  // The one text rule (src/shared/domain/text.ts): NUL and lone surrogates are refused as an
  // invalid document (422 with its index and id), so a client can set that document aside.
  // Walked only when the body's text had an escape that can produce one (json-body.ts).
  const text = checkText ? findTextProblem(doc) : null;
  if (text) throw invalidDoc(index, doc, [{ path: text.path, message: text.message }]);
  const { _deleted, ...rest } = doc;
  const r = schema.safeParse(rest);
  if (!r.success) {
    throw invalidDoc(
      index,
      doc,
      r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return { ...(r.data as { id: string }), _deleted: _deleted === true };
}

export function registerSyncRoutes(app: FastifyInstance, db: Database, hub: StreamHub, sessions: SessionCache, config: ServerConfig): void {
  const base = `${SYNC_API_PREFIX}/workspaces/:ws`;
  // Push bodies are large (up to bodyLimit): authenticated before a byte of the body is read.
  const authFirst = authenticateFirst(sessions);
  const streams = createStreamLimits(config);

  app.get<{ Params: Params }>(`${base}/collections/:collection/pull`, async (request): Promise<PullResponse> => {
    const s = await authenticate(request, sessions);
    requireWorkspace(s, request.params.ws, 'read');
    const collection = collectionOf(request);
    const q = parseOr400(PullQuery, request.query);
    return db.sync.pull(s.workspaceId, collection, q.seq, q.limit);
  });

  app.post<{ Params: Params }>(
    `${base}/collections/:collection/push`,
    { onRequest: authFirst.onRequest },
    async (request): Promise<PushResponse> => {
      const s = authFirst.sessionOf(request);
      requireWorkspace(s, request.params.ws, 'write');
      const collection = collectionOf(request);
      const body = parseOr400(PushBody, request.body);
      const schema = strictSchemas.get(collection)!;
      // Validate every row before writing any: one bad document stores nothing.
      const checkText = bodyMayHoldBadText(request.body);
      const rows = body.rows.map((row, i) => {
        const assumed = row.assumedMasterState ?? undefined;
        const bad = checkText && assumed ? findTextProblem(assumed) : null;
        if (bad) throw invalidDoc(i, row.newDocumentState, [{ path: `assumedMasterState.${bad.path}`, message: bad.message }]);
        return {
          newDocumentState: validateDoc(schema, row.newDocumentState, i, checkText),
          assumedMasterState: assumed as StoredDoc | undefined,
        };
      });
      const result = await db.sync.push(s.workspaceId, collection, rows, s.tokenHash);
      if (result.refused) {
        // The cached session was stale (a change on another instance not yet heard of): the
        // database's answer says why, with the same codes a fresh request would get.
        const fresh = await authenticate(request, db.access);
        requireWorkspace(fresh, request.params.ws, 'write');
        throw forbidden('access changed while the push was on its way');
      }
      return { conflicts: result.conflicts };
    },
  );

  app.get<{ Params: { ws: string } }>(`${base}/stream`, async (request, reply) => {
    const s = await authenticate(request, sessions);
    requireWorkspace(s, request.params.ws, 'read');
    const query = parseOr400(StreamQuery, request.query);
    const wanted = query.collections ? new Set(query.collections.split(',')) : null;
    for (const c of wanted ?? []) if (!strictSchemas.has(c)) throw notFound(`collection ${c}`);
    const lastEventId = Number(request.headers['last-event-id'] ?? query.since ?? NaN);
    const releaseSlot = streams.take(s.tokenHash, s.userId);

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (event: string, data: unknown, id?: number) => {
      res.write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    let closed = false;
    const unsubscribeHub = hub.subscribe({
      workspaceId: s.workspaceId,
      collections: wanted,
      onChange: (seq, collection) => !closed && send('change', { seq, collections: [collection] }, seq),
      onResync: () => !closed && send('resync', {}),
    });
    let heartbeat: NodeJS.Timeout | undefined;
    // Access ended on any instance (member removed, sessions revoked): say why and end.
    const unsubscribeEnded = sessions.onAccessEnded((ended) => {
      if (closed || ended.workspaceId !== s.workspaceId || ended.userId !== s.userId) return;
      send('ended', { code: ended.code, message: SYNC_ERROR_MESSAGES[ended.code] });
      finish();
      res.end();
    });
    function finish() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribeHub();
      unsubscribeEnded();
      releaseSlot();
    }
    // Registered before any await, so a client gone meanwhile still gives its slot back.
    res.on('close', finish);
    try {
      const latest = await db.sync.latestSeq(s.workspaceId);
      res.write('retry: 1000\n\n');
      send('ready', { seq: latest }, latest);
      // Resuming after a disconnect: report what changed meanwhile (clients pull by checkpoint).
      if (Number.isFinite(lastEventId) && lastEventId < latest) {
        const changed = await db.sync.collectionsChangedSince(s.workspaceId, lastEventId, wanted ? [...wanted] : SYNCED_COLLECTIONS);
        if (changed.length > 0) send('change', { seq: latest, collections: changed }, latest);
      }
    } catch (err) {
      // The response is hijacked, so the error handler cannot answer: log and end the
      // stream; the client reconnects with backoff.
      request.log.error({ err, code: 'DS_SYNC_INTERNAL' }, 'stream start failed');
      finish();
      res.end();
      return;
    }
    if (!closed) heartbeat = setInterval(() => res.write(': ping\n\n'), config.heartbeatMs);
  });
}

/**
 * Live streams per token and per user on this instance. A stream holds a socket and a
 * subscription for hours, so a token that opens hundreds (a loop, or a leaked token) is refused
 * with 429 DS_SYNC_TOO_MANY_STREAMS instead of exhausting the instance.
 */
function createStreamLimits(config: ServerConfig) {
  const byToken = new Map<string, number>();
  const byUser = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, d: number) => {
    const n = (m.get(k) ?? 0) + d;
    if (n <= 0) m.delete(k);
    else m.set(k, n);
  };
  return {
    /** Takes a slot or throws; the returned function gives it back (once). */
    take(tokenHash: string, userId: string): () => void {
      const perToken = byToken.get(tokenHash) ?? 0;
      const perUser = byUser.get(userId) ?? 0;
      if (perToken >= config.maxStreamsPerToken || perUser >= config.maxStreamsPerUser) {
        const limit =
          perToken >= config.maxStreamsPerToken ? { perToken: config.maxStreamsPerToken } : { perUser: config.maxStreamsPerUser };
        throw new SyncHttpError(429, 'DS_SYNC_TOO_MANY_STREAMS', undefined, limit, { 'retry-after': '30' });
      }
      bump(byToken, tokenHash, 1);
      bump(byUser, userId, 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        bump(byToken, tokenHash, -1);
        bump(byUser, userId, -1);
      };
    },
  };
}
