// Main process: the host side of scoring. It starts the worker (a worker thread, see
// worker-handle.ts), tells it where the store's snapshot is, forwards the ids of changed
// documents, has the store write the scores it gets back into the local-only `scores`
// collection, and answers requests. It does no model work: its only CPU cost is writing score
// batches, done in small chunks with a yield between them so the main thread's event loop never
// stalls (measured by test/bench/scoring.bench.ts).
import type { RxCollection } from 'rxdb';
import { type Subject, type Subscription, merge, map } from 'rxjs';
import { ApiError, type HostEvent } from '@shared/api';
import type { ScoreDoc } from '@shared/domain';
import { removeStoredStakeholderScores, snapshotSpecOf, writeScores, type ScoreRows, type SnapshotSpec, type Store } from '../store';
import { appNow } from '../clock';
import { batchFor, changesOf } from '../store/changes';
import {
  SCORE_BATCH,
  SCORED_COLLECTIONS,
  unpackScores,
  type HostToWorker,
  type ModelStatus,
  type ScoredCollection,
  type WorkerReply,
  type WorkerRequest,
  type WorkerToHost,
} from './protocol';
import { spawnScoringWorker } from './spawn-worker';
import type { ScoringWorker } from './worker-handle';

export const MODEL_SETTING = 'scoring.model';
export const HISTORY_SETTING = 'scoring.history';
/** Today's ranking from the last full rescore (stored-today.ts). */
export const TODAY_SETTING = 'scoring.today';

export interface ScoringServiceOptions {
  store: Store;
  events: Subject<HostEvent>;
  /** How a worker starts (tests pass limits or test hooks to spawnScoringWorker); the app's own by default. */
  spawn?: () => Promise<ScoringWorker>;
  /** Pin the worker's clock (tests, benchmarks). */
  fixedNow?: number;
  autoTrain?: boolean;
  rescoreEveryMs?: number;
  /** Scores per worker message and per bulkUpsert on the main thread. */
  batchSize?: number;
  writeChunk?: number;
}

type Change = { collection: ScoredCollection; id: string };

const CHANGE_BATCH_MS = 30;
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 10 * 60_000;

/** Where the worker reads the workspace; scoring reads only workspaces stored on disk. */
export function snapshotFor(store: Store): SnapshotSpec {
  const spec = snapshotSpecOf(store, SCORED_COLLECTIONS);
  if (!spec)
    throw new ApiError(
      'DS_SCORING_ERROR',
      'Scoring reads the workspace from its file on disk, and this workspace is kept in memory only. Open a workspace stored in a folder.',
    );
  return spec;
}

export class ScoringService {
  private status: ModelStatus | null = null;
  private nextRequest = 1;
  private pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: unknown) => void }>();
  private writes: Promise<void> = Promise.resolve();
  private watching: Subscription | null = null;
  private firstFull: Promise<void>;
  private resolveFirstFull!: () => void;
  private rejectFirstFull!: (e: unknown) => void;
  private closed = false;
  private worker: ScoringWorker;
  /** Settles once a restarted worker was given its start message. */
  private live: Promise<void> = Promise.resolve();
  private restarts: number[] = [];
  private stopped: ApiError | null = null;
  private firstFullStored = false;
  /** Scores written since the last time the renderer was told (see onMessage). */
  private unannounced = false;
  private settledRun: Promise<void>;
  private resolveSettled!: () => void;

  private constructor(
    worker: ScoringWorker,
    private readonly opts: ScoringServiceOptions,
    readonly source: SnapshotSpec,
  ) {
    this.firstFull = new Promise((resolve, reject) => {
      this.resolveFirstFull = resolve;
      this.rejectFirstFull = reject;
    });
    this.firstFull.catch(() => undefined); // awaited by callers; this only keeps it from counting as unhandled
    this.settledRun = new Promise((resolve) => (this.resolveSettled = resolve));
    this.worker = this.attach(worker);
  }

  static async start(opts: ScoringServiceOptions): Promise<ScoringService> {
    const source = snapshotFor(opts.store);
    const worker = await (opts.spawn ?? spawnScoringWorker)();
    const service = new ScoringService(worker, opts, source);
    await service.boot();
    opts.store.onClose.push(() => service.close());
    return service;
  }

  private attach(worker: ScoringWorker): ScoringWorker {
    worker.onMessage((m) => this.onMessage(worker, m));
    worker.onFailure((err) => this.onWorkerFailed(err));
    worker.keepAlive(!this.firstFullStored);
    return worker;
  }

  /** Waiting for the worker keeps this process alive only while an answer or the first scores are awaited. */
  private holdOpen(): void {
    this.worker.keepAlive(!this.closed && !this.stopped && (this.pending.size > 0 || !this.firstFullStored));
  }

  /**
   * The scoring worker died (a crash, out of memory, killed): what it was asked is answered with
   * an error, and a new one starts from the store as at launch, up to MAX_RESTARTS times in
   * RESTART_WINDOW_MS; past that scoring stays stopped and says so.
   */
  private onWorkerFailed(err: unknown): void {
    console.error('[scoring] DS_SCORING_ERROR worker failed', err);
    for (const p of this.pending.values())
      p.reject(new ApiError('DS_SCORING_ERROR', 'Scoring stopped unexpectedly and is restarting; try again in a moment.'));
    this.pending.clear();
    this.holdOpen();
    this.watching?.unsubscribe();
    this.watching = null;
    if (this.closed) return;
    const now = Date.now();
    this.restarts = [...this.restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.restarts.length > MAX_RESTARTS) {
      this.stopped = new ApiError(
        'DS_SCORING_ERROR',
        `Scoring stopped after failing ${this.restarts.length} times in a few minutes. Restart Deep Sales; if it keeps failing, report the log.`,
      );
      this.rejectFirstFull(this.stopped);
      this.resolveSettled();
      this.holdOpen();
      return;
    }
    this.live = this.restart();
  }

  private async restart(): Promise<void> {
    try {
      this.worker = this.attach(await (this.opts.spawn ?? spawnScoringWorker)());
      await this.boot();
    } catch (err) {
      this.onWorkerFailed(err);
    }
  }

  private post(m: HostToWorker): void {
    if (!this.closed) this.worker.postMessage(m);
  }

  private async boot(): Promise<void> {
    const { store } = this.opts;
    // Passed on as text: the worker parses them (a large imported history is megabytes of JSON).
    const [modelText, historyText] = await Promise.all([this.setting(MODEL_SETTING), this.setting(HISTORY_SETTING)]);
    // Subscribe before reading, so nothing written meanwhile is missed (applying a doc twice is harmless).
    this.watching = this.watch();
    this.writes = this.writes
      .then(() => removeStoredStakeholderScores(store))
      .then(
        () => undefined,
        (err) => console.error('[scoring] DS_SCORING_ERROR removing old stakeholder scores', err),
      );
    this.post({
      type: 'init',
      source: this.source,
      modelText,
      historyText,
      autoTrain: this.opts.autoTrain ?? true,
      rescoreEveryMs: this.opts.rescoreEveryMs ?? 60 * 60_000,
      batchSize: this.opts.batchSize ?? SCORE_BATCH,
      ...(this.opts.fixedNow !== undefined ? { fixedNow: this.opts.fixedNow } : {}),
    });
  }

  private async setting(id: string): Promise<string | null> {
    const doc = await this.opts.store.settings.findOne(id).exec();
    return doc ? doc.value : null;
  }

  /** Store changes, forwarded in batches of CHANGE_BATCH_MS (no timer runs while nothing changes). */
  private watch(): Subscription {
    const streams = SCORED_COLLECTIONS.map((c) =>
      changesOf(this.opts.store[c] as RxCollection).pipe(map((e): Change => ({ collection: c, id: e.documentId }))),
    );
    return merge(...streams)
      .pipe(batchFor(CHANGE_BATCH_MS))
      .subscribe((batch) => this.forward(batch));
  }

  private forward(batch: Change[]): void {
    const ids = new Map<ScoredCollection, Set<string>>();
    for (const c of batch) {
      let set = ids.get(c.collection);
      if (!set) ids.set(c.collection, (set = new Set()));
      set.add(c.id);
    }
    this.post({ type: 'changed', changes: [...ids].map(([collection, s]) => ({ collection, ids: [...s] })) });
  }

  private onMessage(from: ScoringWorker, m: WorkerToHost): void {
    switch (m.type) {
      case 'scores': {
        if (m.upserts.length || m.removals.length) this.unannounced = true;
        this.writes = this.writes
          .then(() => this.write({ length: m.upserts.length, slice: (a, b) => unpackScores(m, a, b) as ScoreDoc[] }, m.removals))
          .then(
            () => {
              // To the worker that sent them: a restarted one has not sent any yet.
              if (!this.closed) from.postMessage({ type: 'ack' });
              if (m.final && m.full) this.firstFullStored = true;
              // Said once a run's scores are all written, not per write (store isScoringWrite):
              // one refresh of what reads scores. Also when nothing was written but people's scores
              // (computed on request, never stored) may have moved, or a full rescore ended (the
              // whole ranking then replaces a first open's provisional one).
              if (m.final && (this.unannounced || m.stakeholders > 0 || m.full) && !this.closed) {
                this.unannounced = false;
                this.opts.events.next({ type: 'changed', collections: ['scores'] });
              }
              if (m.final && m.full) {
                this.resolveFirstFull();
                this.holdOpen();
              }
            },
            (err) => console.error('[scoring] DS_SCORING_ERROR writing scores', err),
          );
        return;
      }
      case 'model':
        this.status = m.status;
        return;
      case 'progress':
        if (m.task === 'training') this.opts.events.next({ type: 'progress', task: 'training', fraction: m.fraction, message: m.message });
        return;
      case 'persist':
        this.writes = this.writes.then(
          () => this.persist(m),
          (err) => console.error('[scoring] DS_SCORING_ERROR persisting', err),
        );
        return;
      case 'reply': {
        const p = this.pending.get(m.requestId);
        if (!p) return; // a reply to the worker's own follow-up (training after an import)
        this.pending.delete(m.requestId);
        this.holdOpen();
        if (m.ok) p.resolve(m.reply);
        else p.reject(new ApiError(m.error.code, m.error.message, m.error.details));
        return;
      }
      case 'error':
        console.error(`[scoring] ${m.code}`, m.message);
        return;
      case 'settled':
        // Behind the scores the worker posted before it: resolved once they are stored (or
        // failed to be, which is logged where it failed), the first full rescore's included.
        void this.writes.then(() => this.firstFull).then(this.resolveSettled, this.resolveSettled);
        return;
      case 'ready':
        return;
    }
  }

  private async write(upserts: ScoreRows, removals: string[]): Promise<void> {
    if (!this.closed) await writeScores(this.opts.store, upserts, removals, this.opts.writeChunk);
  }

  private async persist(m: Extract<WorkerToHost, { type: 'persist' }>): Promise<void> {
    if (this.closed) return;
    const put = (id: string, value: string) => this.opts.store.settings.upsert({ id, value, updatedAt: appNow() });
    if (m.modelText !== undefined) await put(MODEL_SETTING, m.modelText);
    if (m.historyText !== undefined) await put(HISTORY_SETTING, m.historyText);
    if (m.todayText !== undefined) await put(TODAY_SETTING, m.todayText);
  }

  /**
   * Asks the worker. Answered in order after every score it sent before is stored, unless
   * `urgent` (protocol.ts): then as soon as the worker is free, which on a first open is right
   * after its first full rescore, before those scores are stored.
   */
  async request<K extends WorkerReply['kind']>(
    request: WorkerRequest & { kind: K },
    options: { urgent?: boolean } = {},
  ): Promise<Extract<WorkerReply, { kind: K }>> {
    await this.live;
    if (this.closed) throw new ApiError('DS_SCORING_ERROR', 'Scoring has stopped because the workspace was closed.');
    if (this.stopped) throw this.stopped;
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve: resolve as (r: WorkerReply) => void, reject });
      this.holdOpen();
      this.post({ type: 'request', requestId, request, ...(options.urgent ? { urgent: true } : {}) });
    });
  }

  /** Resolves once the first full rescore is stored. */
  ready(): Promise<void> {
    return this.firstFull;
  }

  /**
   * Resolves once the work the worker's start brought is stored: the first full rescore and, on
   * a first open with enough closed deals, the training it started and its rescore (the worker's
   * `settled`). Also once scoring closes or stops, so nothing waits on it forever.
   */
  settled(): Promise<void> {
    return this.settledRun;
  }

  /** Whether this worker's first full rescore is stored (until then, what is stored is an earlier run's). */
  hasFirstScores(): boolean {
    return this.firstFullStored;
  }

  /**
   * Barrier: forwards pending changes, waits until the worker handled everything sent before
   * (it answers in order) and every score it produced is written.
   */
  async flush(): Promise<void> {
    await new Promise((r) => setTimeout(r, CHANGE_BATCH_MS * 2));
    await this.request({ kind: 'today', limit: 1 });
    await this.writes;
  }

  /** The scoring worker thread's id (diagnostics, tests): a restarted worker has a new one. */
  workerThreadId(): number {
    return this.worker.threadId();
  }

  modelStatus(): ModelStatus | null {
    return this.status;
  }

  retrain(): void {
    this.request({ kind: 'train' }).catch((err) => console.warn('[scoring] training did not finish', err));
  }

  /** Move the worker's pinned clock (tests, benchmarks); scores follow at the next rescore. */
  setNow(now: number): void {
    this.post({ type: 'setNow', now });
  }

  rescoreAll(): void {
    this.post({ type: 'rescore' });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.watching?.unsubscribe();
    await this.writes.catch(() => undefined); // already logged where it failed
    this.closed = true;
    this.resolveSettled();
    await this.live;
    this.holdOpen();
    await this.worker.terminate();
  }
}
