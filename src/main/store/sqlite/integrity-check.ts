// Runs in Node (main process): `PRAGMA quick_check` over a workspace file on a thread of its own,
// right after the store opened it. quick_check reads every page of every b-tree (not the index
// contents against their tables, which integrity_check adds), so on an L workspace (1.7 GB) it
// takes seconds — measured in test/bench/storage.bench.ts — far too long to hold the window's
// first paint or the main thread. The store opens at once; if the check finds damage the file is
// marked (health.ts) and every call answers DS_SQLITE_CORRUPT from then on.
// Plain CommonJS passed as text, like checkpointer.ts, so it runs the same under tsx, vitest and
// the electron-vite bundle; its connection is keyed with database.ts keyPragmas.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DATABASE_MODULE, keyPragmas, type DatabaseKey } from './database';
import { nativeBindingOption } from './native-binding';

export interface IntegrityCheck {
  /** 'ok', or SQLite's first findings (a few lines) / the error it raised. */
  readonly done: Promise<{ ok: true } | { ok: false; detail: string; code?: string }>;
  stop(): void;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let answer;
try {
  const db = new Database(workerData.filePath, { readonly: true, fileMustExist: true, ...workerData.binding });
  try {
    for (const pragma of workerData.keyPragmas) db.pragma(pragma);
    const rows = db.pragma('quick_check(5)', { simple: false }).map((r) => String(Object.values(r)[0]));
    answer = rows.length === 1 && rows[0] === 'ok' ? { ok: true } : { ok: false, detail: rows.join('; ') };
  } finally {
    db.close();
  }
} catch (err) {
  answer = { ok: false, code: err && err.code, detail: String((err && err.message) || err) };
}
parentPort.postMessage(answer);
`;

export function startIntegrityCheck(filePath: string, key: DatabaseKey = null): IntegrityCheck {
  const modulePath = createRequire(import.meta.url).resolve(DATABASE_MODULE);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { filePath, modulePath, binding: nativeBindingOption(), keyPragmas: keyPragmas(key) },
  });
  // Never keeps a finished process alive; a check cut short by exit found nothing.
  worker.unref();
  const done = new Promise<{ ok: true } | { ok: false; detail: string; code?: string }>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (err: unknown) =>
      resolve({ ok: false, detail: `the check itself failed: ${String((err as Error).message ?? err)}`, code: 'DS_CHECK_FAILED' }),
    );
    worker.once('exit', () => resolve({ ok: true }));
  });
  return { done, stop: () => void worker.terminate() };
}
