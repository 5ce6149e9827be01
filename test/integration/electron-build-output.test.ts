// The desktop build's output, checked without Electron: `electron-vite build` bundles the scoring
// worker (and the search and import threads) as files of their own, the Electron spawn path starts
// that very file as a worker thread (electron-vite's `?nodeWorker`), and the bundled worker scores
// a workspace from its SQLite file when run as a worker thread here under plain Node, as it is in
// the app.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SCORE_BATCH, type HostToWorker, type WorkerToHost } from '../../src/main/scoring/protocol';
import { snapshotFor } from '../../src/main/scoring/service';
import { metaContentSecurityPolicy } from '../../src/main/security/csp';
import { createStore } from '../../src/main/store';
import { loadWorkspaceIntoStore } from '../../src/main/store/load-workspace';
import { DEFAULT_NOW, generateWorkspaceBatches } from '../../src/shared/seed';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHUNKS = path.join(ROOT, 'out/main/chunks');

describe('desktop build output', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  }, 120_000);

  /** The file an Electron spawn path (scoring's, search's or import's) starts as a worker thread. */
  function threadWorkerFile(of: 'scoring' | 'search' | 'import' = 'scoring'): string {
    const spawns = readdirSync(CHUNKS).filter((f) => f.startsWith('spawn-electron-') && f.endsWith('.js'));
    const text = spawns.map((f) => readFileSync(path.join(CHUNKS, f), 'utf8')).find((t) => t.includes(`src/main/${of}/spawn-electron.ts`));
    if (!text) throw new Error(`no spawn-electron chunk for ${of} in out/main/chunks`);
    expect(text).toMatch(/new Worker\(/);
    expect(text).not.toMatch(/utilityProcess/);
    const file = /new URL\("(\.\/worker-[\w-]+\.js)", import\.meta\.url\)/.exec(text)?.[1];
    expect(file).toBeTruthy();
    return path.join(CHUNKS, file!);
  }

  it.each(['scoring', 'search', 'import'] as const)('starts the bundled %s worker as a worker thread', (of) => {
    const file = threadWorkerFile(of);
    expect(existsSync(file)).toBe(true);
    // What the worker thread loads, chunks it shares with the main bundle included: packages and
    // Node built-ins, never Electron (a worker thread has none) nor RxDB (the worker reads the store
    // through its snapshot reader only, the search thread keeps its index in SQLite of its own; RxDB
    // would cost either memory for nothing; the import thread reads CSV files and builds rows, the
    // main thread writes them).
    const packages = new Set<string>();
    const seen = new Set<string>();
    const visit = (f: string) => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const m of readFileSync(f, 'utf8').matchAll(/^import .* from "([^"]+)";$/gm)) {
        if (m[1]!.startsWith('.')) visit(path.resolve(path.dirname(f), m[1]!));
        else packages.add(m[1]!);
      }
    };
    visit(file);
    expect(packages).toContain(of === 'import' ? 'csv-parse' : 'better-sqlite3-multiple-ciphers');
    expect([...packages].filter((p) => p === 'electron' || p.startsWith('rxdb'))).toEqual([]);
  });

  it('runs: the bundled worker scores a workspace from its SQLite file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-build-output-'));
    const store = await createStore({ directory: dir, name: 'built' });
    const worker = new Worker(threadWorkerFile(), { workerData: { testHooks: false } });
    try {
      await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: 3 }));
      const open = await store.opportunities.count({ selector: { status: 'open' } }).exec();
      const send = (m: HostToWorker) => worker.postMessage(m);
      const scored = new Promise<number>((resolve, reject) => {
        let n = 0;
        worker.on('message', (m: WorkerToHost) => {
          if (m.type !== 'scores') return;
          n += m.upserts.length;
          send({ type: 'ack' });
          if (m.final && m.full) resolve(n);
        });
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`worker exited (${code})`)));
      });
      send({
        type: 'init',
        source: snapshotFor(store),
        fixedNow: DEFAULT_NOW,
        modelText: null,
        historyText: null,
        autoTrain: false,
        rescoreEveryMs: 0,
        batchSize: SCORE_BATCH,
      });
      expect(await scored).toBe(open);
      expect(open).toBeGreaterThan(0);
    } finally {
      await worker.terminate();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('ships the renderer with the strict CSP in its page and no inline script', () => {
    const html = readFileSync(path.join(ROOT, 'out/renderer/index.html'), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBe(metaContentSecurityPolicy());
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-eval');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.\/assets\//);
      expect(body!.trim()).toBe('');
    }
  });

  it('ships the renderer minified, as the web preview (the same bundle config)', () => {
    const html = readFileSync(path.join(ROOT, 'out/renderer/index.html'), 'utf8');
    const entry = /<script type="module" crossorigin src="\.\/(assets\/[\w-]+\.js)">/.exec(html)?.[1];
    expect(entry).toBeTruthy();
    const text = readFileSync(path.join(ROOT, 'out/renderer', entry!), 'utf8');
    // Unminified output keeps a `// path/of/module.ts` comment per module and one statement a line.
    expect(text).not.toMatch(/^\/\/ (src|node_modules)\//m);
    expect(text.split('\n').length).toBeLessThan(text.length / 1000);
  });
});
