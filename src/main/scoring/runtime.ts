// Scoring worker thread (Node): message handling around the pure ScoringEngine. Kept apart from
// the worker entry so it can be driven in-process by tests; in the app everything here runs in
// the scoring worker thread, off the main thread. The worker never writes to the store: scores,
// the model and imported history go back to the host, which owns every write.
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { ScoringEngine, type RescoreResult } from '@shared/scoring/workspace/engine';
import { spaceFor, trainingSet, type HistoryRecord } from '@shared/scoring/workspace/history';
import {
  blendWeight,
  loadWorkspaceModel,
  MIN_CLOSED_FOR_MODEL,
  NotEnoughHistoryError,
  trainWorkspaceModel,
  workspaceTrainingMayShare,
  type WorkspaceModelJson,
} from '@shared/scoring/workspace/model';
import { emptyTouched } from '@shared/scoring/workspace/state';
import { type TrainingThreads } from '@shared/scoring/learn';
import { ImportError, importHistoryCsv } from './import-history';
import { storedRankingText } from './stored-today';
import { appNow } from '../clock';
import type { HostToWorker, InitMessage, ModelStatus, ModelSummary, WorkerReply, WorkerRequest, WorkerToHost } from './protocol';
import { packScores } from './protocol';
import { openStoreSnapshot, type StoreSnapshot } from '../store/snapshot';
import { collectGarbage, compactGarbage } from './collect-garbage';
import { accountsNeeded, BULK_COLLECTIONS, FIRST_COLLECTIONS, SCAN_ROWS, scanSlice, startLoading, type Loading } from './first-read';

const MAX_HISTORY = 100_000;
const SCORES_IN_FLIGHT = 2;
/** The workspace reader's page cache (KiB): see start(). */
const READER_CACHE_KIB = 8_192;
function parseSetting<T>(what: string, text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    // A damaged setting only costs a retrain; say so in the log and carry on without it.
    console.warn(`[scoring] ignoring the unreadable stored ${what}`, err);
    return null;
  }
}

function summaryOf(json: WorkspaceModelJson): ModelSummary {
  const { classifier: _trees, ...summary } = json;
  return summary;
}

export class ScoringRuntime {
  private engine: ScoringEngine | null = null;
  private source: StoreSnapshot | null = null;
  private init: InitMessage | null = null;
  private fixedNow: number | null = null;
  private runId = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** The Today ranking last sent to be stored (see timed). */
  private lastTodayText: string | null = null;
  private training = { inProgress: false, fraction: 0, message: '', error: null as string | null };
  /** Set while the workspace is being read (see Loading); null once it is. */
  private loading: Loading | null = null;
  private closed = false;
  private settledSent = false;

  /**
   * Messages wait here in order; at most SCORES_IN_FLIGHT `scores` batches are unacknowledged.
   * Why: Node delivers every message already queued on a port in one go, so a full rescore
   * posted as a burst of 30+ batches (megabytes of payload text) was deserialised on the main
   * thread in one uninterrupted stretch of 100+ ms. With a window the host holds at most a couple
   * of batches, and acks each once stored. Replies queue behind scores, so "answered in order"
   * still means "every score before it is stored" (ScoringService.flush relies on it).
   * A scores batch waits as the function that packs it when it is sent: packed at once, a full
   * rescore's every payload was held twice (the scores, and the batches' joined text) until the
   * host had stored them, seconds on L: ~30 MB more of the worker's heap at a first open's peak.
   */
  private readonly outbox: (WorkerToHost | (() => WorkerToHost))[] = [];
  private inFlight = 0;

  /** @param threads the helper thread large trainings hand their hold-out to (train-threads.ts); none in tests that drive this in-process */
  constructor(
    private readonly port: (m: WorkerToHost) => void,
    private readonly threads?: TrainingThreads & { warm(): void; rest(): Promise<void> },
  ) {}

  /** Starts the training helper ahead of a training large enough to use it. */
  private warmHelper(): void {
    if (workspaceTrainingMayShare(this.closedAvailable())) this.threads?.warm();
  }

  /** The last compaction asked for (collectWhenDrained); training waits for it. */
  private compaction: Promise<void> = Promise.resolve();

  /** Run once everything posted so far is sent and every scores batch acknowledged (stored). */
  private readonly whenDrained: (() => void)[] = [];

  /** `urgent`: past the queue (see WorkerRequest's `urgent`); everything else in order. */
  private post(m: WorkerToHost, urgent = false): void {
    if (urgent) return this.port(m);
    this.outbox.push(m);
    this.pump();
  }

  /** A scores batch, packed when it is sent (see outbox). */
  private postScores(pack: () => WorkerToHost): void {
    this.outbox.push(pack);
    this.pump();
  }

  private pump(): void {
    while (this.outbox.length) {
      const head = this.outbox[0]!;
      // Scores batches, and only they, wait as functions (postScores).
      if (typeof head === 'function') {
        if (this.inFlight >= SCORES_IN_FLIGHT) return;
        this.inFlight++;
      }
      this.outbox.shift();
      this.port(typeof head === 'function' ? head() : head);
    }
    if (this.inFlight === 0 && this.whenDrained.length) {
      const due = this.whenDrained.splice(0);
      // On the next turn, so the message (an ack) that drained the queue returns first.
      setImmediate(() => due.forEach((f) => this.guarded(f)));
    }
  }

  handle(msg: HostToWorker): void {
    this.guarded(() => this.dispatch(msg));
  }

  private guarded(f: () => void): void {
    try {
      f();
    } catch (err) {
      // Reported to the host with a code; the worker stays up for the next message.
      this.post({ type: 'error', code: 'DS_SCORING_ERROR', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  }

  private dispatch(msg: HostToWorker): void {
    if (msg.type === 'init') return this.start(msg);
    if (msg.type === 'ack') {
      this.inFlight = Math.max(0, this.inFlight - 1);
      return this.pump();
    }
    const engine = this.engine;
    if (!engine) throw new Error('scoring worker got a message before init');
    if (this.loading) {
      if (msg.type === 'request' && msg.urgent) return this.urgentWhileLoading(msg.requestId, msg.request);
      this.loading.deferred.push(msg);
      return;
    }
    switch (msg.type) {
      case 'changed': {
        const touched = emptyTouched();
        for (const c of msg.changes) {
          const { live, gone } = this.source!.read(c.collection, c.ids);
          engine.apply(c.collection, live, touched);
          engine.remove(c.collection, gone, touched);
        }
        this.timed(() => engine.rescore(touched), false);
        return;
      }
      case 'rescore':
        return this.timed(() => engine.rescoreAll(), true);
      case 'setNow':
        this.fixedNow = msg.now;
        return;
      case 'request':
        return this.answer(msg.requestId, msg.request, msg.urgent === true);
      case 'testFault':
        return; // worker.ts's, never the runtime's
    }
  }

  private start(msg: InitMessage): void {
    this.init = msg;
    this.fixedNow = msg.fixedNow ?? null;
    this.engine = new ScoringEngine(() => this.fixedNow ?? appNow(), 'onRequest');
    this.engine.history = (parseSetting<HistoryRecord[]>('history', msg.historyText) ?? []).slice(0, MAX_HISTORY);
    const model = parseSetting<WorkspaceModelJson>('model', msg.modelText);
    if (model) this.engine.setModel(loadWorkspaceModel(model));
    this.source = openStoreSnapshot(msg.source);
    // A small page cache from the start: the bulk read below passes each page once (a cache
    // cannot help it; its 64 MiB only filled up, and the memory stayed with the thread's malloc
    // arena after), and the by-id reads of changed documents after it need the index's inner
    // pages, which 8 MiB holds.
    this.source.trimCache(READER_CACHE_KIB);
    // What the host stored last time: the first full rescore then writes only what changed
    // since (at launch, usually a fraction of 8k deals), and removes scores of deals gone meanwhile.
    this.source.storedScores((id, payload) => this.engine!.rememberStored(id, payload));
    for (const c of FIRST_COLLECTIONS) {
      this.source.scan(c, SCAN_ROWS, (docs) => this.engine!.apply(c, docs));
      this.loadProgress(c);
    }
    this.loading = startLoading();
    // The rest in slices, so the port is looked at between them (urgent requests, acks).
    setImmediate(() => this.loadSlice());
  }

  private loadProgress(c: string): void {
    const all = FIRST_COLLECTIONS.length + BULK_COLLECTIONS.length;
    const done = [...FIRST_COLLECTIONS, ...BULK_COLLECTIONS].indexOf(c as never) + 1;
    this.post({ type: 'progress', task: 'loading', fraction: done / all, message: `Read ${c}` });
  }

  /** One step of the read: the accounts someone waits for, else one slice of the scan. */
  private loadSlice(): void {
    const loading = this.loading;
    if (!loading || this.closed) return;
    try {
      if (loading.wanted.size) this.readAccounts(loading);
      else if (!scanSlice(this.source!, this.engine!, loading, (c) => this.loadProgress(c))) return this.loaded();
    } catch (err) {
      // Reported like any error; scoring goes on with what was read, as it would have before.
      this.post({ type: 'error', code: 'DS_SCORING_ERROR', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      return this.loaded();
    }
    setImmediate(() => this.loadSlice());
  }

  /** Reads the wanted accounts' documents by index, scores their open deals, answers who waited. */
  private readAccounts(loading: Loading): void {
    const engine = this.engine!;
    const source = this.source!;
    const accounts = [...loading.wanted].filter((a) => !loading.accountsRead.has(a));
    loading.wanted.clear();
    const deals = accounts.flatMap((a) => [...(engine.state.oppsOfAccount.get(a) ?? [])]);
    const dealIds = deals.map((slot) => engine.state.opportunityIds[slot]!);
    const people = source.byKey('stakeholders', 'accountId', accounts);
    const interactions = source.byKey('interactions', 'accountId', accounts);
    const steps = source.byKey('journeysteps', 'opportunityId', dealIds);
    if (!people || !interactions || !steps) {
      // No index to read them by (another file layout): who waits, waits for the whole read.
      loading.byIndex = false;
      return;
    }
    engine.apply('stakeholders', people);
    engine.apply('interactions', interactions);
    engine.apply('journeysteps', steps);
    accounts.forEach((a) => loading.accountsRead.add(a));
    dealIds.forEach((id) => loading.dealsRead.add(id));
    const scored = engine.rescoreBeforeFull(deals);
    // Who waited first, then the scores to store: the answers go past the queue and should not
    // reach the main thread behind batches it must deserialise and store first.
    const parked = loading.parked.splice(0);
    for (const p of parked) this.urgentWhileLoading(p.requestId, p.request);
    this.send(scored, false);
  }

  private urgentWhileLoading(requestId: number, request: WorkerRequest): void {
    const loading = this.loading;
    if (!loading) return this.answer(requestId, request, true);
    const accounts = accountsNeeded(this.engine!.state, request);
    const missing = accounts?.filter((a) => !loading.accountsRead.has(a));
    if (missing?.length && !loading.byIndex) return void loading.parked.push({ requestId, request });
    if (missing && missing.length === 0) return this.answer(requestId, request, true);
    loading.parked.push({ requestId, request });
    missing?.forEach((a) => loading.wanted.add(a));
  }

  /** Everything is read: the full rescore, then what waited, in the order it came. */
  private loaded(): void {
    const loading = this.loading!;
    this.loading = null;
    this.finishLoad();
    this.post({ type: 'ready' });
    for (const p of loading.parked) this.answer(p.requestId, p.request, true);
    for (const m of loading.deferred) this.handle(m);
  }

  private finishLoad(): void {
    const engine = this.engine!;
    // The read grew the engine's columns by doubling; from here they grow only by edits.
    engine.state.trim();
    this.timed(() => engine.rescoreAll(), true);
    this.postStatus();
    // Training (seconds on L) waits until the first scores are stored: run at once, it held
    // the acks of those scores' batches, so the first scores were stored only after training
    // and a second full rescore (first open of L: minutes on a loaded machine).
    // The heap gives back the garbage of parsing 1.6M documents once the first scores are
    // stored (before training).
    this.collectWhenDrained();
    if (this.init!.autoTrain && !engine.model && this.closedAvailable() >= MIN_CLOSED_FOR_MODEL) {
      this.warmHelper();
      // After the compaction, so training's garbage grows from the compacted heap.
      this.whenDrained.push(
        () =>
          void this.compaction.then(() =>
            this.guarded(() => {
              try {
                if (!this.closed && !engine.model && !this.training.inProgress) this.train();
              } finally {
                this.settleWhenCompacted();
              }
            }),
          ),
      );
    } else this.settle();
    this.pump();
    if (this.init!.rescoreEveryMs > 0) {
      this.timer = setInterval(() => this.handle({ type: 'rescore' }), this.init!.rescoreEveryMs);
      this.timer.unref();
    }
  }

  /**
   * Says (once) that the work this start brought is done, behind the scores it posted. The host
   * holds the search index's build until then: on a first open of L the build's thread, the
   * training and the storing of two full rescores together made the open's memory peak (issue 19,
   * today-web bench), and on 2 cores they competed for the CPU as well.
   */
  private settle(): void {
    if (this.settledSent) return;
    this.settledSent = true;
    this.post({ type: 'settled' });
  }

  /**
   * settle() once what is posted so far is stored and the compaction asked for before this is
   * done: on a first open of L the search build's start, right behind training's stored scores
   * while this heap still held what training and its rescore left, made the open's memory peak
   * (today-web: Node process 720 MiB).
   */
  private settleWhenCompacted(): void {
    this.whenDrained.push(() => void this.compaction.then(() => this.settle()));
    this.pump();
  }

  /**
   * A compacting collection once what is posted so far is stored (collect-garbage.ts says why),
   * after the ones asked for before it; `compaction` settles when it is done.
   */
  private collectWhenDrained(): void {
    this.whenDrained.push(() => {
      this.compaction = this.compaction
        .then(() => compactGarbage(() => this.closed))
        .then(
          () => undefined,
          // Only memory is at stake: said in the log, and what waits for it goes on.
          (err: unknown) => console.error('[scoring] DS_SCORING_GC the heap could not be compacted:', err),
        );
    });
    this.pump();
  }

  private closedAvailable(): number {
    return this.engine!.state.closedOpportunitySlots().length + this.engine!.history.length;
  }

  /** Runs a rescore and sends it with its compute time (the benchmark reads it). */
  private timed(rescore: () => RescoreResult, full: boolean): void {
    const start = performance.now();
    const r = rescore();
    this.send(r, full, performance.now() - start);
    // After the scores it ranks, so a stored ranking never names a deal whose score is not stored
    // yet; only when it changed (an hourly rescore of an unchanged workspace writes nothing).
    if (full) {
      const todayText = storedRankingText(this.engine!.todayRanking());
      if (todayText !== this.lastTodayText) this.post({ type: 'persist', todayText });
      this.lastTodayText = todayText;
      // A full rescore leaves 70–90 MB of garbage on L (its scores are already packed into the
      // messages above). Collected now, not only once those scores are stored (collectWhenDrained):
      // storing them takes the main thread seconds to minutes, and in that window this garbage,
      // the main thread's writes and the search build together make a first open's memory peak
      // (issue 19, today-web bench). On the next turn, so answers waiting for this rescore (a
      // first open's Today) go first; the collection runs on this thread only. Not compacted
      // here (compactGarbage's flag is process-wide, and the main thread is busy storing these
      // scores: a collection of its heap that starts under the flag compacts it all at once);
      // that waits until they are stored.
      setImmediate(() => collectGarbage());
    }
  }

  /** Upserts and removals in bounded batches; the last one says the run is complete. */
  private send(r: RescoreResult, full: boolean, ms = 0): void {
    const runId = ++this.runId;
    const size = this.init!.batchSize;
    const n = Math.max(1, Math.ceil(r.upserts.length / size));
    for (let k = 0; k < n; k++) {
      const last = k === n - 1;
      // Its own slice, so each batch's scores are garbage once it is sent (see outbox).
      const docs = r.upserts.slice(k * size, (k + 1) * size);
      this.postScores(() => ({
        type: 'scores',
        runId,
        ...packScores(docs),
        removals: last ? r.removals : [],
        final: last,
        full,
        ms,
        stakeholders: last ? r.scoredStakeholders : 0,
      }));
    }
  }

  status(): ModelStatus {
    const engine = this.engine!;
    const json = engine.model?.json ?? null;
    const m = json ? summaryOf(json) : null;
    const w = m ? blendWeight(m.closedDeals, m.k) : 0;
    return {
      source: !m ? 'prior' : w === 1 ? 'model' : 'blended',
      closedDealsAvailable: this.closedAvailable(),
      importedHistory: engine.history.length,
      model: m,
      training: { ...this.training },
    };
  }

  private postStatus(): void {
    this.post({ type: 'model', status: this.status() });
  }

  private progress(fraction: number, message: string): void {
    this.training.fraction = fraction;
    this.training.message = message;
    this.post({ type: 'progress', task: 'training', fraction, message });
  }

  /** Trains on every closed deal plus imported history, then rescores everything with the new model. */
  train(): ModelStatus {
    const engine = this.engine!;
    this.training = { inProgress: true, fraction: 0, message: 'Preparing closed deals', error: null };
    this.progress(0, 'Preparing closed deals');
    // The helper is up when a load or an import saw this training coming (warmHelper); a training
    // asked for without warning (the Model page's) runs on this thread alone, the same model.
    try {
      // A fresh feature space from today's deals and history (the current model's may be stale);
      // the current model keeps scoring until the new one is ready, and stays if training fails.
      const space = spaceFor(engine.state, engine.history);
      const set = trainingSet(engine.state, engine.history, space);
      this.progress(0.05, `Learning from ${set.rows.length} closed deals`);
      let last = 0;
      const model = trainWorkspaceModel(
        set.rows,
        set.labels,
        space,
        engine.now(),
        (f) => {
          const fraction = 0.05 + 0.85 * f;
          if (fraction - last >= 0.05) {
            last = fraction;
            this.progress(fraction, `Learning from ${set.rows.length} closed deals`);
          }
        },
        this.threads,
      );
      // Done with the helper: stopped now, not after its idle minute (train-threads.ts, rest).
      void this.threads?.rest();
      engine.setModel(model);
      this.post({ type: 'persist', modelText: JSON.stringify(model.json) });
      // What building the training set and fitting left (~45 MB on L) goes before the rescore
      // makes its own (see timed), so the two do not pile up.
      collectGarbage();
      this.progress(0.95, 'Rescoring open deals');
      this.timed(() => engine.rescoreAll(), true);
      this.training = { inProgress: false, fraction: 1, message: 'Done', error: null };
      this.progress(1, 'Done');
      this.collectWhenDrained();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.training = { inProgress: false, fraction: 0, message: 'Not trained', error: message };
      if (!(err instanceof NotEnoughHistoryError)) throw err;
    } finally {
      this.postStatus();
    }
    return this.status();
  }

  private answer(requestId: number, req: WorkerRequest, urgent: boolean): void {
    const reply = (r: WorkerReply) => this.post({ type: 'reply', requestId, ok: true, reply: r }, urgent);
    try {
      reply(this.compute(req));
    } catch (err) {
      const code = err instanceof ImportError ? err.code : err instanceof NotEnoughHistoryError ? err.code : 'DS_SCORING_ERROR';
      const details = err instanceof ImportError ? err.details : undefined;
      this.post(
        {
          type: 'reply',
          requestId,
          ok: false,
          error: { code, message: err instanceof Error ? err.message : String(err), details },
        },
        urgent,
      );
    }
  }

  private compute(req: WorkerRequest): WorkerReply {
    const engine = this.engine!;
    switch (req.kind) {
      case 'train':
        return { kind: 'train', status: this.train() };
      case 'today': {
        const items = engine.todayList(req.limit, req.ownerId);
        // While the workspace is read the team's Today ranks only the deals scored so far (see
        // needs): said so, with every open deal counted; the full ranking replaces it once stored.
        if (this.loading && req.ownerId === undefined) {
          const total = engine.state.opportunities.reduce((n, o) => (o && o.status === 'open' ? n + 1 : n), 0);
          return { kind: 'today', items, total, provisional: true };
        }
        return { kind: 'today', items, total: engine.todayCount(req.ownerId) };
      }
      case 'account':
        return { kind: 'account', stakeholders: engine.accountScores(req.accountId) };
      case 'whatIf':
        return { kind: 'whatIf', result: engine.whatIfs(req.opportunityId, req.stakeholderId) };
      case 'memory': {
        const h = getHeapStatistics();
        return {
          kind: 'memory',
          memory: {
            heapUsedBytes: h.used_heap_size,
            heapTotalBytes: h.total_heap_size,
            externalBytes: h.external_memory,
            spaces: Object.fromEntries(getHeapSpaceStatistics().map((sp) => [sp.space_name, sp.space_size])),
          },
        };
      }
      case 'scoreOpportunity':
        return { kind: 'scoreOpportunity', payload: engine.opportunityScore(req.id) };
      case 'importHistory': {
        const result = importHistoryCsv(req.csv, req.targetColumn, req.positiveValue);
        engine.history = [...engine.history, ...result.records].slice(-MAX_HISTORY);
        this.post({ type: 'persist', historyText: JSON.stringify(engine.history) });
        this.postStatus();
        // Learn from it right away when there is enough; progress is reported as for a retrain.
        if (this.closedAvailable() >= MIN_CLOSED_FOR_MODEL) {
          this.warmHelper();
          setImmediate(() => this.handle({ type: 'request', requestId: -1, request: { kind: 'train' } }));
        }
        return { kind: 'importHistory', imported: result.imported, skipped: result.skipped, errors: result.errors };
      }
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.source?.close();
  }
}
