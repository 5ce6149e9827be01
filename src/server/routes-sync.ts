// Sync server (Node): RxDB replication endpoints — pull by checkpoint, push with conflict
// detection, and one live stream per workspace.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { COLLECTIONS, SYNCED_COLLECTIONS, type CollectionName } from '../shared/domain';
import { PullQuery, PushBody, SYNC_API_PREFIX, type PullResponse, type PushResponse } from '../shared/sync';
import { authenticate, requireWorkspace } from './auth';
import { parseOr400, type ServerConfig } from './config';
import type { Database, StoredDoc } from './db';
import { notFound, SyncHttpError } from './errors';
import type { StreamHub } from './stream-hub';
import type { SessionLookup } from './session-cache';

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

function validateDoc(schema: z.ZodObject, doc: Record<string, unknown>, index: number): StoredDoc {
  const { _deleted, ...rest } = doc;
  const r = schema.safeParse(rest);
  if (!r.success) {
    throw new SyncHttpError(422, 'DS_SYNC_INVALID_DOCUMENT', undefined, {
      index, id: typeof doc.id === 'string' ? doc.id : undefined,
      issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return { ...(r.data as { id: string }), _deleted: _deleted === true };
}

export function registerSyncRoutes(app: FastifyInstance, db: Database, hub: StreamHub, sessions: SessionLookup, config: ServerConfig): void {
  const base = `${SYNC_API_PREFIX}/workspaces/:ws`;

  app.get<{ Params: Params }>(`${base}/collections/:collection/pull`, async (request): Promise<PullResponse> => {
    const s = await authenticate(request, sessions);
    requireWorkspace(s, request.params.ws, 'read');
    const collection = collectionOf(request);
    const q = parseOr400(PullQuery, request.query);
    return db.sync.pull(s.workspaceId, collection, q.seq, q.limit);
  });

  app.post<{ Params: Params }>(`${base}/collections/:collection/push`, async (request): Promise<PushResponse> => {
    const s = await authenticate(request, sessions);
    requireWorkspace(s, request.params.ws, 'write');
    const collection = collectionOf(request);
    const body = parseOr400(PushBody, request.body);
    const schema = strictSchemas.get(collection)!;
    // Validate every row before writing any: one bad document stores nothing.
    const rows = body.rows.map((row, i) => ({
      newDocumentState: validateDoc(schema, row.newDocumentState, i),
      assumedMasterState: row.assumedMasterState ? (row.assumedMasterState as StoredDoc) : undefined,
    }));
    const result = await db.sync.push(s.workspaceId, collection, rows);
    return { conflicts: result.conflicts };
  });

  app.get<{ Params: { ws: string }; Querystring: { collections?: string; since?: string } }>(
    `${base}/stream`,
    async (request, reply) => {
      const s = await authenticate(request, sessions);
      requireWorkspace(s, request.params.ws, 'read');
      const wanted = request.query.collections ? new Set(request.query.collections.split(',')) : null;
      for (const c of wanted ?? []) if (!strictSchemas.has(c)) throw notFound(`collection ${c}`);
      const lastEventId = Number(request.headers['last-event-id'] ?? request.query.since ?? NaN);

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
      const unsubscribe = hub.subscribe({
        workspaceId: s.workspaceId,
        collections: wanted,
        onChange: (seq, collection) => !closed && send('change', { seq, collections: [collection] }, seq),
        onResync: () => !closed && send('resync', {}),
      });
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
        unsubscribe();
        res.end();
        return;
      }
      const heartbeat = setInterval(() => res.write(': ping\n\n'), config.heartbeatMs);
      request.raw.on('close', () => {
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}
