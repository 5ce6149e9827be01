// Search worker thread (Node, worker_threads): builds and answers the full-text index
// (search-engine.ts) off the main thread. It reads the workspace file itself, read-only, through
// the store's snapshot reader (the one the scoring thread uses, so opening the file is defined in
// one place), a page at a time with a turn of its own event loop between pages, so queries and the
// host's change events are handled while it builds. Started by search-index.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { openStoreSnapshot, type StoreSnapshot } from '../store/snapshot';
import type { HostToSearch, SearchToHost, SearchWorkerData } from './protocol';
import { INDEXED, SearchEngine } from './search-engine';

const port = parentPort;
if (!port) throw new Error('DS_SEARCH_WORKER: worker.ts must run as a worker thread (search-index.ts)');
const post = (m: SearchToHost) => port.postMessage(m);
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Progress goes to the host at most this often (a message per page would be thousands). */
const PROGRESS_MS = 100;
/** The workspace reader's page cache while building (KiB). */
const SNAPSHOT_CACHE_KIB = 2_048;

const { indexFile } = workerData as SearchWorkerData;
const engine = openEngine();

let closing = false;
let ready = false;
let indexed = 0;
let total = 0;
let lastProgress = 0;

/** The index in its file; in memory, as before files, when the file cannot be made (a read-only folder). */
function openEngine(): SearchEngine {
  if (!indexFile) return new SearchEngine();
  try {
    return new SearchEngine({ path: indexFile });
  } catch (error) {
    console.error('[search] DS_SEARCH_FILE the index file could not be made, so the index is kept in memory:', error);
    return new SearchEngine();
  }
}

function status() {
  return { ready, indexed: ready ? total : Math.min(indexed, total), total };
}

function progress(force = false): void {
  const now = Date.now();
  if (!force && now - lastProgress < PROGRESS_MS) return;
  lastProgress = now;
  post({ type: 'progress', indexing: status(), documents: indexed });
}

function finish(): void {
  engine.built();
  ready = true;
  total = Math.max(total, indexed);
  progress(true);
}

async function buildFromFile(snapshot: StoreSnapshot, pageSize: number): Promise<void> {
  for (const name of INDEXED) total += snapshot.count(name);
  progress(true);
  for (const name of INDEXED) {
    let after: number | null = 0;
    while (after !== null && !closing) {
      const page = snapshot.page(name, after, pageSize);
      engine.upsertMany(name, page.docs);
      indexed += page.docs.length;
      after = page.next;
      progress();
      // Between pages: the queries and changes that came meanwhile.
      await yieldToEventLoop();
    }
  }
  finish();
}

function handle(m: HostToSearch): void {
  switch (m.type) {
    case 'build': {
      if (!m.snapshot) {
        total = m.total; // the host sends the documents (docs, then fed)
        progress(true);
        return;
      }
      const snapshot = openStoreSnapshot(m.snapshot);
      // Pages are read once each, in rowid order: a cache cannot help, and the 64 MiB every
      // connection opens with would only fill and stay with this thread's malloc arena.
      snapshot.trimCache(SNAPSHOT_CACHE_KIB);
      buildFromFile(snapshot, m.pageSize)
        .catch((error: unknown) => post({ type: 'failed', id: null, code: 'DS_SEARCH_BUILD', message: String(error) }))
        .finally(() => snapshot.close());
      return;
    }
    case 'docs':
      engine.upsertMany(m.name, m.docs);
      indexed += m.docs.length;
      progress();
      return;
    case 'fed':
      finish();
      return;
    case 'change':
      if (m.deleted) engine.remove(m.id, m.doc._rev);
      else engine.upsert(m.name, m.doc);
      return;
    case 'close':
      // The build stops at its next page; the index's file goes with it, then the thread ends.
      closing = true;
      engine.close();
      process.exit(0);
      return;
    case 'query':
      try {
        post({ type: 'answer', id: m.id, view: { ...engine.query(m.input), indexing: status() } });
      } catch (error) {
        post({ type: 'failed', id: m.id, code: 'DS_SEARCH_QUERY', message: String(error) });
      }
      return;
  }
}

port.on('message', (m: HostToSearch) => handle(m));
port.on('close', () => engine.close());
