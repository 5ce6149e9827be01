// The desktop build's output, checked without Electron: `electron-vite build` bundles the scoring
// worker as a file of its own, the Electron spawn path forks that very file as a utility
// process, and the bundled worker scores a workspace when run (here under plain Node through its
// IPC port; in the app through Electron's parentPort, the same runtime behind either).
import { execFileSync, fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SCORE_BATCH, SCORED_COLLECTIONS, type HostToWorker, type WorkerToHost } from '../../src/main/scoring/protocol';
import { DEFAULT_NOW, generateWorkspaceBatches } from '../../src/shared/seed';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHUNKS = path.join(ROOT, 'out/main/chunks');

describe('desktop build output', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'pipe' });
  }, 120_000);

  const chunk = (prefix: string) => {
    const name = readdirSync(CHUNKS).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
    if (!name) throw new Error(`no ${prefix} chunk in out/main/chunks`);
    return path.join(CHUNKS, name);
  };

  /** The file the Electron spawn path hands to utilityProcess.fork. */
  function forkedWorkerFile(): string {
    const text = readFileSync(chunk('spawn-electron-'), 'utf8');
    expect(text).toMatch(/utilityProcess\.fork\(/);
    const file = /join\(import\.meta\.dirname, "(\.\/worker-[\w-]+\.js)"\)/.exec(text)?.[1];
    expect(file).toBeTruthy();
    return path.join(CHUNKS, file!);
  }

  it('forks the bundled scoring worker as a utility process', () => {
    const file = forkedWorkerFile();
    expect(existsSync(file)).toBe(true);
    // Standalone: only packages and Node built-ins, no chunk of the main bundle (a utility process has no main-process state).
    const imports = [...readFileSync(file, 'utf8').matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!);
    expect(imports.filter((i) => i.startsWith('.'))).toEqual([]);
  });

  it('runs: the bundled worker scores a pushed workspace', async () => {
    const child = fork(forkedWorkerFile(), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    try {
      const send = (m: HostToWorker) => child.send(m);
      const scored = new Promise<number>((resolve, reject) => {
        let n = 0;
        child.on('message', (m: WorkerToHost) => {
          if (m.type !== 'scores') return;
          n += m.upserts.length;
          send({ type: 'ack' });
          if (m.final && m.full) resolve(n);
        });
        child.once('exit', (code) => reject(new Error(`worker exited (${code})`)));
      });
      send({ type: 'init', source: { kind: 'push' }, fixedNow: DEFAULT_NOW, modelText: null, historyText: null, autoTrain: false, rescoreEveryMs: 0, batchSize: SCORE_BATCH });
      const open = new Set<string>();
      for (const b of generateWorkspaceBatches({ size: 'XS', seed: 3 })) {
        if (!(SCORED_COLLECTIONS as readonly string[]).includes(b.collection)) continue;
        if (b.collection === 'opportunities') for (const d of b.docs as { id: string; status: string }[]) if (d.status === 'open') open.add(d.id);
        send({ type: 'docs', collection: b.collection as never, docs: b.docs as never });
      }
      send({ type: 'loaded' });
      expect(await scored).toBe(open.size);
      expect(open.size).toBeGreaterThan(0);
    } finally {
      child.kill();
    }
  }, 60_000);
});
