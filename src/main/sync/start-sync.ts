// Main process: replicates the store's synced collections with the team server through RxDB's
// replication protocol. Checkpoints are server seqs; the live stream only says "something
// changed" and each collection then pulls from its own checkpoint, so a dropped, duplicated or
// late stream event can cost a request but never a write.
import { BehaviorSubject, Subject, combineLatest, distinctUntilChanged, map, type Observable, type Subscription } from 'rxjs';
import type { RxCollection, RxDatabase } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { SYNCED_COLLECTIONS, type CollectionName } from '@shared/domain';
import { conflictHandler, sameDocState, SYNC_API_PREFIX, type Checkpoint, type PullResponse, type PushResponse } from '@shared/sync';
import { openEventStream } from './event-stream';
import { appNow } from '../clock';
import { requestJson, SyncClientError } from './http';
import { unacknowledgedIds } from './pending';
import { pushInParts } from './push-parts';
import { SetAsideList, type SetAsideRecord } from './set-aside';

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Local writes not yet accepted by the server (set-aside documents included). */
  pending: number;
  /** Documents the server refused, kept here with the reason; they never block the others. */
  setAside: number;
  lastSyncedAt?: number;
  error?: { code: string; message: string };
}

export interface StartSyncOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any store holding synced collections
  store: RxDatabase<any>;
  serverUrl: string;
  workspaceId: string;
  token: string;
  collections?: CollectionName[];
  /** Wait between failed pull/push attempts (RxDB retries forever). */
  retryTimeMs?: number;
  pullBatchSize?: number;
  pushBatchSize?: number;
  /** Largest push body in bytes; batches are sent in parts under it (server default: 4 MiB). */
  maxPushBytes?: number;
  /** Abandon a pull or push that has not answered in this time (then RxDB retries). */
  requestTimeoutMs?: number;
  /** Declare the stream dead after this much silence (server heartbeats every 15 s). */
  streamIdleTimeoutMs?: number;
}

export interface SyncHandle {
  status$: Observable<SyncStatus>;
  readonly status: SyncStatus;
  replications: Partial<Record<CollectionName, RxReplicationState<unknown, Checkpoint>>>;
  /** Documents the server refused, with why (also persisted in the store's settings). */
  setAside(): SetAsideRecord[];
  /** Resolves once pending has been read from the store (what earlier runs left unsent). */
  pendingLoaded: Promise<void>;
  /** Resolves once every collection has pushed local writes and pulled what the server had. */
  awaitInSync(): Promise<void>;
  stop(): Promise<void>;
}

/** A margin under the server's 4 MiB body limit for headers and the envelope. */
export const DEFAULT_MAX_PUSH_BYTES = 3 * 1024 * 1024;

export function startSync(options: StartSyncOptions): SyncHandle {
  const base = `${options.serverUrl.replace(/\/+$/, '')}${SYNC_API_PREFIX}/workspaces/${encodeURIComponent(options.workspaceId)}`;
  const names = (options.collections ?? SYNCED_COLLECTIONS).filter((n) => options.store.collections[n]);
  const subs: Subscription[] = [];
  const streams = new Map<CollectionName, Subject<'RESYNC'>>();
  const pending = new Map<CollectionName, Set<string>>();
  const pending$ = new BehaviorSubject(0);
  const active$ = new BehaviorSubject(new Map<CollectionName, boolean>());
  const streamUp$ = new BehaviorSubject(false);
  const error$ = new BehaviorSubject<SyncClientError | undefined>(undefined);
  let lastSyncedAt: number | undefined;
  const aside = new SetAsideList(options.store);
  const asideReady = aside.load().catch((error: unknown) => console.warn('[sync] DS_SYNC_SET_ASIDE_LOAD', (error as Error).message));
  const maxPushBytes = options.maxPushBytes ?? DEFAULT_MAX_PUSH_BYTES;
  const seeding: Promise<void>[] = [];
  // RxDB's write clock (not the app's): writes from before this start are what may be unsent.
  const startedAt = Date.now();

  const recountPending = () => {
    let n = [...pending.values()].reduce((sum, s) => sum + s.size, 0);
    for (const r of aside.list()) if (!pending.get(r.collection as CollectionName)?.has(r.id)) n += 1;
    pending$.next(n);
  };
  subs.push(aside.changes$.subscribe(() => recountPending()));
  const ok = () => {
    lastSyncedAt = appNow();
    if (error$.value) error$.next(undefined);
  };
  const fail = (err: unknown): never => {
    const e = err instanceof SyncClientError ? err : new SyncClientError('DS_SYNC_INTERNAL', (err as Error).message);
    error$.next(e);
    throw e;
  };

  const replications: SyncHandle['replications'] = {};
  for (const name of names) {
    const collection = options.store.collections[name] as RxCollection;
    if (collection.conflictHandler !== conflictHandler) {
      // Without the shared handler RxDB's default drops local edits on conflict.
      console.warn(
        `DS_SYNC_NO_CONFLICT_HANDLER: collection ${name} was created without the shared conflictHandler; concurrent edits may be lost`,
      );
    }
    const stream$ = new Subject<'RESYNC'>();
    streams.set(name, stream$);
    const ids = new Set<string>();
    pending.set(name, ids);
    // Local writes (anything but the downstream applying server state) are pending until sent.
    subs.push(
      collection.eventBulks$.subscribe((bulk) => {
        if (bulk.context.startsWith('replication-downstream')) return;
        for (const ev of bulk.events) ids.add(ev.documentId);
        recountPending();
      }),
    );
    const url = `${base}/collections/${name}`;
    const rep = replicateRxCollection<unknown, Checkpoint>({
      collection,
      replicationIdentifier: `ds-sync|${options.serverUrl}|${options.workspaceId}|${name}`,
      live: true,
      retryTime: options.retryTimeMs ?? 5000,
      waitForLeadership: false,
      autoStart: true,
      pull: {
        batchSize: options.pullBatchSize ?? 1000,
        stream$: stream$.asObservable(),
        handler: async (checkpoint, batchSize) => {
          const seq = checkpoint?.seq ?? 0;
          const res = await requestJson<PullResponse>(`${url}/pull?seq=${seq}&limit=${batchSize}`, {
            token: options.token,
            timeoutMs: options.requestTimeoutMs,
          }).catch(fail);
          ok();
          return { documents: res.documents as never[], checkpoint: res.checkpoint };
        },
      },
      push: {
        batchSize: options.pushBatchSize ?? 100,
        handler: async (rows) => {
          await asideReady;
          // A set-aside document is retried against what the server really holds, not against
          // the refused state RxDB took as sent.
          const sendRows = (rows as unknown as { assumedMasterState?: unknown; newDocumentState: { id: string } }[]).map((row) => {
            const record = aside.get(name, row.newDocumentState.id);
            return record ? { ...row, assumedMasterState: record.assumedMasterState ?? null } : row;
          });
          const res = await pushInParts(sendRows, {
            maxBodyBytes: maxPushBytes,
            send: async (body) =>
              (
                await requestJson<PushResponse>(`${url}/push`, {
                  method: 'POST',
                  token: options.token,
                  rawBody: body,
                  timeoutMs: options.requestTimeoutMs,
                })
              ).conflicts,
          }).catch(fail);
          for (const r of res.refused) {
            console.warn(`[sync] ${r.code}: ${name} ${r.row.newDocumentState.id} set aside (${r.message})`);
            await aside.add({
              collection: name,
              id: r.row.newDocumentState.id,
              code: r.code,
              message: r.message,
              ...(r.status ? { status: r.status } : {}),
              assumedMasterState: r.row.assumedMasterState ?? null,
              refusedState: r.row.newDocumentState,
            });
          }
          for (const r of res.accepted) if (aside.get(name, r.newDocumentState.id)) await aside.remove(name, r.newDocumentState.id);
          ok();
          return res.conflicts as never[];
        },
      },
    });
    replications[name] = rep as RxReplicationState<unknown, Checkpoint>;
    // What earlier runs left unsent, read from the store; ids acknowledged meanwhile stay out.
    const ackedWhileSeeding = new Set<string>();
    let seeded = false;
    seeding.push(
      unacknowledgedIds(rep as RxReplicationState<unknown, unknown>, startedAt).then(
        (found) => {
          for (const id of found) if (!ackedWhileSeeding.has(id)) ids.add(id);
          seeded = true;
          recountPending();
        },
        (error: unknown) => {
          seeded = true;
          console.warn('[sync] DS_SYNC_PENDING_UNREADABLE', name, (error as Error).message);
        },
      ),
    );
    subs.push(
      rep.active$.subscribe((a) => {
        const next = new Map(active$.value);
        next.set(name, a);
        active$.next(next);
      }),
    );
    subs.push(
      rep.sent$.subscribe((sent) => {
        const id = (sent as unknown as { id: string }).id;
        // Drop from pending only if nothing newer was written locally meanwhile.
        void collection
          .findOne(id)
          .exec()
          .then(
            (doc) => {
              const now = doc ? { ...(doc.toJSON() as object), _deleted: false } : undefined;
              if (!now || sameDocState(now, sent as object)) {
                if (!seeded) ackedWhileSeeding.add(id);
                ids.delete(id);
                recountPending();
              }
            },
            () => undefined,
          ); // store closed during stop(); nothing left to count
      }),
    );
  }

  const resyncAll = () => streams.forEach((s) => s.next('RESYNC'));
  const stream = openEventStream({
    url: `${base}/stream?collections=${names.join(',')}`,
    token: options.token,
    idleTimeoutMs: options.streamIdleTimeoutMs,
    onConnected: () => {
      streamUp$.next(true);
      if (error$.value?.transient) error$.next(undefined);
      // Anything may have changed while disconnected: every collection pulls from its checkpoint.
      resyncAll();
    },
    onDisconnected: (err) => {
      streamUp$.next(false);
      error$.next(err);
    },
    onEvent: (ev) => {
      if (ev.event === 'resync') return resyncAll();
      if (ev.event !== 'change') return;
      const data = JSON.parse(ev.data) as { collections: string[] };
      for (const c of data.collections) streams.get(c as CollectionName)?.next('RESYNC');
    },
  });

  const status$ = new BehaviorSubject<SyncStatus>({ state: 'syncing', pending: 0, setAside: 0 });
  subs.push(
    combineLatest([active$, streamUp$, error$, pending$, aside.changes$])
      .pipe(
        map(([active, up, err, count, refused]): SyncStatus => {
          const busy = [...active.values()].some(Boolean);
          const state: SyncState = err && !err.transient ? 'error' : !up || err ? 'offline' : busy ? 'syncing' : 'idle';
          return {
            state,
            pending: count,
            setAside: refused.filter((r) => names.includes(r.collection as CollectionName)).length,
            ...(lastSyncedAt ? { lastSyncedAt } : {}),
            ...(err ? { error: { code: err.code, message: err.message } } : {}),
          };
        }),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      )
      .subscribe(status$),
  );

  return {
    status$: status$.asObservable(),
    get status() {
      return status$.value;
    },
    replications,
    setAside: () => aside.list().filter((r) => names.includes(r.collection as CollectionName)),
    pendingLoaded: Promise.all(seeding).then(() => undefined),
    async awaitInSync() {
      await Promise.all(Object.values(replications).map((r) => r!.awaitInSync()));
    },
    async stop() {
      stream.close();
      await Promise.all(Object.values(replications).map((r) => r!.cancel()));
      for (const s of subs) s.unsubscribe();
      streamUp$.next(false);
      status$.complete();
    },
  };
}
