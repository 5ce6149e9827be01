// Main process (or plain Node in the web preview): the workspace's full-text search, as the host
// sees it. The index itself (search-engine.ts, SQLite FTS5 in memory) lives in a worker thread
// (worker.ts): built there in the background on open and kept current from the store's change
// events, which this side forwards in write order. Built on the main thread, sliced per account
// and per page, an L workspace's build still held the event loop up to 334 ms at a time (reads of
// big collections, FTS inserts, collections of the ~1.7 GiB it grew the heap by); now the main
// thread only forwards changes and passes queries and answers along.
//
// A workspace on disk is read by the thread itself (read-only, through the store's snapshot
// reader, a page at a time); a store in memory (tests, the demo) has no file to read, so this side
// sends its documents to the thread in pages instead.
//
// For a workspace on disk the index itself is a scratch file beside the workspace file
// (`<file>-search-<pid>-<random>`, in the workspace's private folder), encrypted under a key only
// the thread knows (search-engine.ts). This side names it, and removes it when the thread ends —
// closed, crashed or terminated — and, on the next open, any a process that is gone left behind.
import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import { ApiError, type SearchInput, type SearchView } from '@shared/api';
import { snapshotSpecOf, type Store } from '../store';
import { changesOf, type StoreChange } from '../store/changes';
import type { HostToSearch, SearchToHost, SearchWorkerData } from './protocol';
import { INDEXED, type IndexedDoc } from './search-engine';

/** Documents indexed per turn of the thread's event loop while building. */
const PAGE = 500;
/** A thread that stops without being asked is started again this many times, then search says so. */
const RESTARTS = 3;

export interface SearchIndexOptions {
  /** Documents per page while building (tests use small pages to interleave writes). */
  pageSize?: number;
}

/**
 * The search thread's V8 limits: its young generation only. A build handles a page of documents
 * per turn and keeps none of them (they go into the index's file), so by default V8's two 16 MB
 * semi-spaces were 32 MB of the thread's 52 MB heap for 20–33 MB used, held for the workspace's
 * whole session; with 8 MB the young generation holds ~8 MB (issue 19, every process on L).
 */
const SEARCH_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** How long a closing thread gets to close its index and end before it is terminated. */
const CLOSE_WAIT_MS = 5_000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const INDEX_FILE_MARK = '-search-';

/** A new index file's path beside the workspace file `databaseFile`, named for this process. */
export function indexFilePath(databaseFile: string): string {
  return `${databaseFile}${INDEX_FILE_MARK}${process.pid}-${randomBytes(6).toString('hex')}`;
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it exists, under another user. Only ESRCH says it is gone.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Deletes index files beside `databaseFile` that a process now gone left (a crash, a kill): they
 * are unreadable (their key died with the thread) but hold disk space. Files of live processes
 * stay: another process may have this workspace open (tests run several stores side by side).
 */
export async function removeStaleIndexFiles(databaseFile: string): Promise<string[]> {
  const folder = path.dirname(databaseFile);
  const prefix = `${path.basename(databaseFile)}${INDEX_FILE_MARK}`;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return []; // no folder, nothing left behind
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number.parseInt(name.slice(prefix.length).split('-')[0] ?? '', 10);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !processIsGone(pid)) continue;
    await rm(path.join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}

type Pending = { resolve: (view: SearchView) => void; reject: (error: Error) => void };

export class SearchIndex {
  private readonly subscriptions: Subscription[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly pageSize: number;
  private worker: Worker | null = null;
  private nextQuery = 1;
  private indexing: SearchView['indexing'] = { ready: false, indexed: 0, total: 0 };
  private documents = 0;
  private restarts = 0;
  /** The index file of the thread running now, or of the one that just ended (null in memory). */
  private indexFile: string | null = null;
  /** The build stopped with an error (logged): search answers from what it had indexed. */
  private buildFailed = false;
  private closed = false;
  private building: Promise<void> | null = null;
  private whenReady: (() => void) | null = null;

  constructor(
    private readonly store: Store,
    options: SearchIndexOptions = {},
  ) {
    this.pageSize = options.pageSize ?? PAGE;
  }

  /**
   * Starts watching changes and the thread's build, once `after` settles (at once without it);
   * resolves when the index is complete. The host starts it once scoring has settled (host.ts,
   * SEARCH_WAITS_FOR_SCORES_MS): on 2 cores the build's reads competed with scoring's for the CPU,
   * and the scores a person waits for on a first open came seconds later (README, first visible
   * scores).
   */
  start(after?: Promise<unknown>): Promise<void> {
    if (this.building) return this.building;
    this.building = new Promise<void>((resolve) => {
      this.whenReady = resolve;
    });
    if (!after) this.begin();
    else
      void after.then(
        () => this.begin(),
        () => this.begin(),
      );
    return this.building;
  }

  /** Whether the build has begun (start's `after` settled), for tests. */
  get begun(): boolean {
    return this.subscriptions.length > 0;
  }

  private begin(): void {
    if (this.closed) return;
    // Watch first: a write during the build lands either in a page read after it, or here.
    for (const name of INDEXED) {
      const collection = this.store[name] as RxCollection;
      this.subscriptions.push(
        changesOf(collection).subscribe((change) => {
          const c = change as StoreChange<Record<string, unknown>>;
          const doc = c.documentData as IndexedDoc & { _deleted?: boolean };
          const deleted = c.operation === 'DELETE' || doc._deleted === true;
          this.post({ type: 'change', name, id: String(c.documentId), deleted, doc });
        }),
      );
    }
    void this.launch();
  }

  /** Stops search; resolves once the thread has ended and the index's file is gone. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.subscriptions) s.unsubscribe();
    const worker = this.worker;
    this.worker = null;
    this.failPending(new ApiError('DS_INTERNAL', 'Search closed with the workspace.'));
    this.whenReady?.();
    if (!worker) return;
    // Asked first, so the thread closes its index (and deletes the file) itself; terminated if it
    // does not end in time, and the file deleted here either way (idempotent).
    const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' } satisfies HostToSearch);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), CLOSE_WAIT_MS)));
    if ((await Promise.race([ended, late])) === 'late') await worker.terminate();
    clearTimeout(timer);
    await this.removeIndexFile();
  }

  private async removeIndexFile(): Promise<void> {
    const file = this.indexFile;
    this.indexFile = null;
    if (file) await rm(file, { force: true });
  }

  status(): SearchView['indexing'] {
    return this.indexing;
  }

  /** Documents the build has indexed (for benches and tests). */
  get indexedDocuments(): number {
    return this.documents;
  }

  query(input: SearchInput): Promise<SearchView> {
    if (this.closed || !this.worker) return Promise.resolve({ groups: [], indexing: this.indexing, corrected: false });
    const id = this.nextQuery++;
    return new Promise<SearchView>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.keepAlive();
      this.post({ type: 'query', id, input });
    });
  }

  private post(message: HostToSearch): void {
    if (!this.closed) this.worker?.postMessage(message);
  }

  /** The thread keeps the process alive only while something waits for it (as the scoring worker). */
  private keepAlive(): void {
    if (!this.worker) return;
    if (this.pending.size > 0 || (!this.indexing.ready && !this.buildFailed)) this.worker.ref();
    else this.worker.unref();
  }

  private async launch(): Promise<void> {
    const adapter = process.versions['electron'] ? await import('./spawn-electron') : await import('./spawn-node');
    const snapshot = snapshotSpecOf(this.store, INDEXED);
    if (snapshot) await removeStaleIndexFiles(snapshot.filePath);
    if (this.closed) return;
    this.indexFile = snapshot ? indexFilePath(snapshot.filePath) : null;
    const workerData: SearchWorkerData = { indexFile: this.indexFile };
    const worker = adapter.createWorker({ workerData, resourceLimits: SEARCH_RESOURCE_LIMITS });
    this.worker = worker;
    this.indexing = { ready: false, indexed: 0, total: 0 };
    this.documents = 0;
    worker.on('message', (m: SearchToHost) => this.onMessage(m));
    let lastError: Error | null = null;
    worker.on('error', (error) => {
      lastError = error;
    });
    worker.once('exit', (code) => {
      if (this.closed || this.worker !== worker) return;
      this.worker = null;
      console.error(`[search] DS_SEARCH_WORKER the search thread stopped (code ${code})`, lastError ?? '');
      this.failPending(new ApiError('DS_INTERNAL', 'Search stopped unexpectedly and is rebuilding its index. Try again in a moment.'));
      // The stopped thread's file first: it cannot be read again (its key is gone).
      void this.removeIndexFile().then(() => {
        if (this.closed) return;
        if (this.restarts++ < RESTARTS) void this.launch();
        else this.whenReady?.();
      });
    });
    this.keepAlive();
    if (snapshot) {
      this.post({ type: 'build', snapshot, pageSize: this.pageSize, total: 0 });
      return;
    }
    await this.feed(worker);
  }

  /** A store in memory: its documents go to the thread a page at a time. */
  private async feed(worker: Worker): Promise<void> {
    let total = 0;
    for (const name of INDEXED) total += await (this.store[name] as RxCollection).count().exec();
    this.post({ type: 'build', snapshot: null, pageSize: this.pageSize, total });
    for (const name of INDEXED) {
      const docs = await (this.store[name] as RxCollection).find().exec();
      for (let at = 0; at < docs.length; at += this.pageSize) {
        if (this.closed || this.worker !== worker) return;
        const page = docs.slice(at, at + this.pageSize).map((d) => d.toJSON(true) as IndexedDoc);
        this.post({ type: 'docs', name, docs: page });
        await yieldToEventLoop();
      }
    }
    this.post({ type: 'fed' });
  }

  private onMessage(m: SearchToHost): void {
    switch (m.type) {
      case 'progress':
        this.indexing = m.indexing;
        this.documents = m.documents;
        if (m.indexing.ready) {
          this.keepAlive();
          this.whenReady?.();
        }
        return;
      case 'answer': {
        const waiting = this.pending.get(m.id);
        this.pending.delete(m.id);
        this.keepAlive();
        waiting?.resolve(m.view);
        return;
      }
      case 'failed': {
        if (m.id === null) {
          console.error(`[search] ${m.code} the index could not be built: ${m.message}`);
          this.buildFailed = true;
          this.keepAlive();
          this.whenReady?.();
          return;
        }
        const waiting = this.pending.get(m.id);
        this.pending.delete(m.id);
        this.keepAlive();
        waiting?.reject(new ApiError('DS_INTERNAL', 'Search could not answer that; try other words.', { code: m.code }));
        return;
      }
    }
  }

  private failPending(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
