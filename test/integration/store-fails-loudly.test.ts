// A store that fails loudly (issue 20): a damaged page in the middle of a real workspace file, an
// empty file and a file that is not ours. Every API call must answer a coded error (never hang,
// never DS_INTERNAL and then silence), refused files must keep every byte, and the recovery
// calls must bring the workspace back from a backup.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../../src/main/store/sqlite/database';
import { API, type CallResult } from '@shared/api';
import { makeTempDir, removeDir } from '../../src/main/store/sqlite/test-helpers';
import { writeWorkspaceFolder } from '../../src/main/workspace/seed-workspace';
import { openWorkspace, type OpenWorkspace } from '../../src/main/workspace/open-workspace';
import { backupStore } from '../../src/main/store/backup';
import { failureOf, markCorrupt } from '../../src/main/store';
import { T0 } from '../support/tiny-workspace';

const PAGE = 32_768;
/** "Within a second": a call that has not answered by then is a hang for the user. */
const ANSWER_MS = 1_000;
const RECOVERY = new Set(['workspace.health', 'workspace.recover', 'app.clock']);

let pristine: string;
const dirs: string[] = [];
beforeAll(async () => {
  pristine = makeTempDir('ds-loud-pristine-');
  await writeWorkspaceFolder({ directory: pristine, size: 'XS', seed: 7, now: T0 });
}, 180_000);
afterAll(() => {
  removeDir(pristine);
  for (const d of dirs) for (const x of [d, `${d}-backups`, `${d}-secrets`, `${d}-teams`]) removeDir(x);
});

function freshCopy(): string {
  const dir = makeTempDir('ds-loud-');
  dirs.push(dir);
  fs.copyFileSync(path.join(pristine, 'workspace.sqlite'), path.join(dir, 'workspace.sqlite'));
  return dir;
}

/** Garbage over the page in the middle of the file; SQLite's own check must see the damage. */
function damageMiddlePage(file: string): void {
  const pages = fs.statSync(file).size / PAGE;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, crypto.randomBytes(PAGE), 0, PAGE, Math.floor(pages / 2) * PAGE);
  fs.closeSync(fd);
  const db = new Database(file, { readonly: true });
  expect(db.pragma('quick_check', { simple: true })).not.toBe('ok');
  db.close();
}

/** The call's answer, or 'hang' if it took longer than ANSWER_MS. */
async function answerOf(ws: OpenWorkspace, method: string, input: unknown = {}): Promise<CallResult | 'hang'> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), ANSWER_MS)));
  try {
    return await Promise.race([ws.host.invoke(method, input), hang]);
  } finally {
    clearTimeout(timer);
  }
}

async function untilDamaged(ws: OpenWorkspace): Promise<void> {
  // The check runs on its own thread after open; how long it takes is the machine's business.
  await expect
    .poll(async () => ((await ws.host.invoke('workspace.health', {})) as { output?: { state: string } }).output?.state, {
      timeout: 60_000,
      interval: 50,
    })
    .toBe('damaged');
}

async function expectEveryCallRefused(ws: OpenWorkspace): Promise<void> {
  const methods = Object.keys(API).filter((m) => !RECOVERY.has(m));
  expect(methods.length).toBeGreaterThan(40);
  for (const method of methods) {
    const answer = await answerOf(ws, method);
    expect({ method, answer: answer === 'hang' ? 'hang' : answer.ok ? 'ok' : answer.error.code }).toEqual({
      method,
      answer: 'DS_STORE_CORRUPT',
    });
  }
}

describe('a damaged page in the middle of the workspace file', () => {
  it('is found after open and every API call answers DS_STORE_CORRUPT within a second', async () => {
    const dir = freshCopy();
    damageMiddlePage(path.join(dir, 'workspace.sqlite'));
    const ws = await openWorkspace({ directory: dir, seedDemo: true });
    try {
      await untilDamaged(ws);
      const health = (await ws.host.invoke('workspace.health', {})) as { ok: true; output: { problem: { code: string }; file: string } };
      expect(health.output.problem.code).toBe('DS_SQLITE_CORRUPT');
      expect(health.output.file).toBe(path.join(dir, 'workspace.sqlite'));
      await expectEveryCallRefused(ws);
    } finally {
      await ws.close();
    }
  }, 180_000);

  it('answers calls already waiting when the store is found damaged, and every later one at once', async () => {
    const dir = freshCopy();
    const ws = await openWorkspace({ directory: dir, seedDemo: true });
    try {
      // Today's first answer waits on the scoring worker: the call is in flight when the store fails.
      const waiting = answerOf(ws, 'scoring.today', {});
      markCorrupt(path.join(dir, 'workspace.sqlite'), undefined, 'damaged (test)');
      const answer = await waiting;
      expect(answer === 'hang' ? 'hang' : answer.ok ? 'ok' : answer.error.code).toBe('DS_STORE_CORRUPT');
      await expectEveryCallRefused(ws);
    } finally {
      await ws.close();
    }
  }, 180_000);

  it('offers the backups beside the workspace and restores one, keeping the damaged file', async () => {
    const dir = freshCopy();
    const backups = `${dir}-backups`;
    fs.mkdirSync(backups);
    await backupStore(dir, 'workspace', path.join(backups, 'monday.sqlite'));
    damageMiddlePage(path.join(dir, 'workspace.sqlite'));
    const damagedBytes = fs.readFileSync(path.join(dir, 'workspace.sqlite'));
    const ws = await openWorkspace({ directory: dir, seedDemo: true });
    try {
      await untilDamaged(ws);
      const health = (await ws.host.invoke('workspace.health', {})) as { ok: true; output: { backups: { file: string }[] } };
      expect(health.output.backups.map((b) => b.file)).toEqual([path.join(backups, 'monday.sqlite')]);
      // A file that is not a backup is refused in words, and nothing moves.
      fs.writeFileSync(path.join(backups, 'notes.txt'), 'hello');
      const refused = await ws.host.invoke('workspace.recover', { action: 'restore', file: path.join(backups, 'notes.txt') });
      expect(refused).toMatchObject({ ok: false, error: { code: 'DS_STORE_RECOVERY_FAILED' } });
      expect(fs.readFileSync(path.join(dir, 'workspace.sqlite')).equals(damagedBytes)).toBe(true);

      const restored = await ws.host.invoke('workspace.recover', { action: 'restore', file: path.join(backups, 'monday.sqlite') });
      expect(restored).toMatchObject({ ok: true, output: { state: 'ok', problem: null } });
      const info = await ws.host.invoke('workspace.info', {});
      expect(info).toMatchObject({ ok: true, output: { counts: { accounts: 12 } } });
      expect(fs.readFileSync(path.join(dir, 'workspace.sqlite.before-restore')).equals(damagedBytes)).toBe(true);
      expect(failureOf(path.join(dir, 'workspace.sqlite'))).toBeUndefined();
    } finally {
      await ws.close();
    }
  }, 180_000);
});

describe('files that are not a workspace are refused and never written', () => {
  const cases: [string, (file: string) => void][] = [
    ['an empty (0-byte) file', (file) => fs.writeFileSync(file, '')],
    ['a file that is not SQLite', (file) => fs.writeFileSync(file, crypto.randomBytes(3 * PAGE))],
    [
      'an SQLite database of another program',
      (file) => {
        const db = new Database(file);
        db.exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Acme')`);
        db.close();
      },
    ],
  ];
  it.each(cases)(
    '%s: no demo poured in, every call answers DS_STORE_CORRUPT, bytes unchanged',
    async (_name, make) => {
      const dir = makeTempDir('ds-loud-refused-');
      dirs.push(dir);
      const file = path.join(dir, 'workspace.sqlite');
      make(file);
      const before = fs.readFileSync(file);
      const ws = await openWorkspace({ directory: dir, seedDemo: true });
      try {
        const health = (await ws.host.invoke('workspace.health', {})) as { ok: true; output: { state: string; problem: { code: string } } };
        expect(health.output.state).toBe('damaged');
        expect(health.output.problem.code).toMatch(/^DS_SQLITE_(CORRUPT|FOREIGN)$/);
        await expectEveryCallRefused(ws);
      } finally {
        await ws.close();
      }
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      expect(fs.readdirSync(dir)).toEqual(['workspace.sqlite']);
    },
    120_000,
  );
});
