// Runs in Node (main process): WAL checkpoints on a thread of their own.
//
// In WAL mode every commit appends pages to the -wal file; a checkpoint copies them back into the
// database file and fsyncs both. SQLite's automatic checkpoint runs inside whichever commit
// crosses the threshold, which on the main process is the thread that also serves the windows:
// measured on an L workspace while the scoring worker's 8k scores were stored, those commits held
// the event loop 30–50 ms each (test/bench/scoring.bench.ts, part C). Here a worker thread with
// its own read-write connection runs PASSIVE checkpoints instead; they never take the write lock.
//
// When: once the writer has paused (no commit for one tick). An fsync while the writer keeps
// committing was measured to stall the writer's own write() calls in the kernel for 50–140 ms
// (ext4 here), and a checkpoint that races the writer never catches up, so the WAL is never
// restarted and grows. After a pause the checkpoint completes, and the next commit starts the WAL
// from its beginning again. A writer that never pauses still gets a checkpoint every
// BUSY_CHECKPOINT_MS, and the main connection keeps a backstop threshold of its own, so the WAL
// stays bounded even if this thread could not start or stopped.
//
// And only once the WAL holds RESTART_MIN_BYTES not yet checkpointed (read from the wal-index
// header, https://sqlite.org/walformat.html), unless a caller waits for the next checkpoint
// (nextCheckpoint). The commit that starts the WAL again also fsyncs its header, on the writer's
// thread (SQLite does so at every restart, synchronous=NORMAL included, or an out-of-order write
// after the restart could corrupt the file). In scoring bench part C the main thread sat 139 ms
// in an fsync (its kernel stack sampled every 2 ms), the window's longest block; with a
// checkpoint after every pause, each pause between score batches is one more restart. A few MiB
// of WAL cost nothing to read.
//
// The writer raises a flag in shared memory after each commit (no message per write).
// The worker is plain CommonJS passed as text (`eval`): it needs only the SQLite module, whose
// path is resolved here, and the statements that key its connection (database.ts keyPragmas), so it runs the same under tsx, vitest and the electron-vite bundle without a
// separate build entry.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DATABASE_MODULE, keyPragmas, type DatabaseKey } from './database';
import { nativeBindingOption } from './native-binding';

/** How often the thread looks at the flag; a pause this long lets it checkpoint. */
export const CHECKPOINT_TICK_MS = 100;
/** A writer that never pauses this long is checkpointed anyway. */
export const BUSY_CHECKPOINT_MS = 5_000;
/** WAL bytes not yet checkpointed below which a pause is not worth a checkpoint (see When). */
export const RESTART_MIN_BYTES = 8 * 1024 * 1024;

export interface CheckpointResult {
  /** SQLite's answer to wal_checkpoint(PASSIVE): frames in the WAL and frames copied back. */
  log: number;
  checkpointed: number;
  busy: number;
}

export interface Checkpointer {
  /** Cheap enough for every commit: one atomic store. */
  wrote(): void;
  /** Checkpoints this thread has run, and the last answer. */
  readonly stats: { runs: number; last: CheckpointResult | null; error: string | null };
  /**
   * The next checkpoint's answer: null if it failed or the thread stopped. A long writer that
   * pauses until then lets the WAL start again from its beginning (see pauseForCheckpoint).
   */
  nextCheckpoint(): Promise<CheckpointResult | null>;
  stop(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const os = require('node:os');
const Database = require(workerData.modulePath);
// [0]: the writer committed; [1]: a caller waits for the next checkpoint.
const flag = new Int32Array(workerData.flag);
const db = new Database(workerData.filePath, { fileMustExist: true, ...workerData.binding });
for (const pragma of workerData.keyPragmas) db.pragma(pragma);
// This connection never writes; a checkpoint is all it runs.
db.pragma('wal_autocheckpoint = 0');
// The wal-index header (the -shm file, native byte order): page size at 14, frames in the WAL at
// 16, frames already checkpointed at 96.
const head = Buffer.alloc(100);
const le = os.endianness() === 'LE';
let shm = null;
const pendingBytes = () => {
  try {
    if (shm === null) shm = fs.openSync(workerData.filePath + '-shm', 'r');
    if (fs.readSync(shm, head, 0, 100, 0) < 100) return null;
    const u32 = (at) => (le ? head.readUInt32LE(at) : head.readUInt32BE(at));
    const sz = le ? head.readUInt16LE(14) : head.readUInt16BE(14);
    return Math.max(0, u32(16) - u32(96)) * ((sz === 1 ? 65536 : sz) + 24);
  } catch {
    return null;
  }
};
let dirtySince = 0;
const tick = () => {
  const wrote = Atomics.exchange(flag, 0, 0) === 1;
  const wanted = Atomics.load(flag, 1) === 1;
  const now = Date.now();
  if (wrote && !dirtySince) dirtySince = now;
  if (wrote ? now - dirtySince < workerData.busyMs : !dirtySince && !wanted) return;
  dirtySince = wrote ? now : 0;
  // A caller waiting, or a header that cannot be read: checkpoint whatever the WAL holds.
  const pending = wanted ? null : pendingBytes();
  if (pending !== null && pending < workerData.minBytes) return;
  Atomics.store(flag, 1, 0);
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ type: 'checkpointed', result: r });
  } catch (err) {
    parentPort.postMessage({ type: 'error', message: String((err && err.message) || err) });
  }
};
const timer = setInterval(tick, workerData.tickMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  if (shm !== null) fs.closeSync(shm);
  db.close();
  parentPort.close();
});
`;

/**
 * `onFailed` runs if the thread dies (it could not open the file, say), so the writer can take
 * checkpointing back at its usual threshold.
 */
export function startCheckpointer(
  filePath: string,
  onFailed: () => void = () => undefined,
  timing: { tickMs: number; busyMs: number; minBytes?: number } = { tickMs: CHECKPOINT_TICK_MS, busyMs: BUSY_CHECKPOINT_MS },
  key: DatabaseKey = null,
): Checkpointer {
  const flag = new SharedArrayBuffer(8);
  const raised = new Int32Array(flag);
  const modulePath = createRequire(import.meta.url).resolve(DATABASE_MODULE);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      filePath,
      modulePath,
      binding: nativeBindingOption(),
      keyPragmas: keyPragmas(key),
      flag,
      minBytes: RESTART_MIN_BYTES,
      ...timing,
    },
  });
  const stats: Checkpointer['stats'] = { runs: 0, last: null, error: null };
  let waiting: ((r: CheckpointResult | null) => void)[] = [];
  let gone = false;
  const answer = (r: CheckpointResult | null) => {
    const w = waiting;
    waiting = [];
    for (const resolve of w) resolve(r);
  };
  worker.on('message', (m: { type: 'checkpointed'; result: CheckpointResult } | { type: 'error'; message: string }) => {
    answer(m.type === 'checkpointed' ? m.result : null);
    if (m.type === 'checkpointed') {
      stats.runs++;
      stats.last = m.result;
    } else {
      // A busy or failing checkpoint loses nothing: the pages stay in the WAL for the next one
      // (or for the writer's own backstop checkpoint).
      stats.error = m.message;
    }
  });
  worker.on('error', (err: unknown) => {
    // Errors thrown in the worker arrive as plain objects when their class cannot be cloned.
    const e = err as { code?: unknown; message?: unknown };
    stats.error = `${typeof e.code === 'string' ? `${e.code}: ` : ''}${typeof e.message === 'string' ? e.message : String(err)}`;
    console.error('[store] DS_SQLITE_CHECKPOINT the checkpoint thread stopped; the writer checkpoints itself', err);
    onFailed();
  });
  // It must never keep a finished process alive.
  worker.unref();
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      gone = true;
      answer(null);
      resolve();
    }),
  );
  return {
    wrote: () => void Atomics.store(raised, 0, 1),
    stats,
    nextCheckpoint: () => {
      if (gone) return Promise.resolve(null);
      // Checkpointed at the writer's next pause whatever the WAL holds.
      Atomics.store(raised, 1, 1);
      return new Promise((resolve) => waiting.push(resolve));
    },
    async stop() {
      // Held until it has closed its connection: an unref'd worker would be dropped at exit mid-way.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
