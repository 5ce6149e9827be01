// Crash safety: a child process writes batches through bulkWrite and acknowledges each one; we
// SIGKILL it at random moments and check after every kill that each acknowledged batch is fully
// there, no batch is partially there, and SQLite's integrity check passes.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Database } from '../../src/main/store/sqlite/database';
import { fillWithDefaultSettings, normalizeMangoQuery, prepareQuery, randomToken } from 'rxdb';
import { getRxStorageSQLite } from '../../src/main/store/sqlite/index';
import { makeTempDir, removeDir } from '../../src/main/store/sqlite/test-helpers';
import { crashSchema, type CrashDoc } from './fixtures/sqlite-crash-schema';

const ITERATIONS = 25;
// On a loaded machine Node + tsx start-up per child dominates; past the time budget the test stops
// after MIN_ITERATIONS kills instead of running into the timeout.
const MIN_ITERATIONS = 10;
const BUDGET_MS = 35_000;
const BATCH_SIZE = 250;
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'sqlite-crash-writer.ts');

let dir: string;
beforeAll(() => {
  dir = makeTempDir('ds-sqlite-crash-');
});
afterAll(() => removeDir(dir));

interface Run {
  acked: number[];
  stderr: string;
}

interface Writer {
  go(firstBatch: number, killAfterMs: number): Promise<Run>;
  kill(): void;
}

// Spawns a writer that loads its modules and then waits; go() lets it write, waits for its first
// ack plus a random delay, and kills it mid-stream. Spawning ahead hides Node/tsx start-up time.
function spawnWriter(): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dir, String(BATCH_SIZE)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return {
    kill: () => child.kill('SIGKILL'),
    go(firstBatch, killAfterMs) {
      const acked: number[] = [];
      let buffered = '';
      let timer: NodeJS.Timeout | undefined;
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          const m = /^ack (\d+)$/.exec(line);
          if (m) acked.push(Number(m[1]));
        }
        if (!timer && acked.length > 0) {
          timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
      });
      child.stdin.write(`go ${firstBatch}\n`);
      return exited.then(({ code, signal }) => {
        if (signal !== 'SIGKILL') throw new Error(`writer exited by itself (code ${code}): ${stderr}`);
        return { acked, stderr };
      });
    },
  };
}

describe('SQLite storage crash safety', () => {
  it(`keeps every acknowledged batch whole across up to ${ITERATIONS} SIGKILLs`, { timeout: 240_000 }, async () => {
    const started = performance.now();
    const schema = fillWithDefaultSettings(crashSchema);
    const storage = getRxStorageSQLite({ databaseDirectory: dir });
    const allAcked = new Set<number>();
    let committedDocs = 0;
    let killsAfterUnackedCommit = 0;
    let next = spawnWriter();
    let it = 0;
    for (; it < ITERATIONS && (it < MIN_ITERATIONS || performance.now() - started < BUDGET_MS); it++) {
      const firstBatch = it * 100_000;
      const run = await next.go(firstBatch, Math.floor(Math.random() * 200));
      // Start the next writer's module loading while this iteration is checked.
      next = spawnWriter();
      run.acked.forEach((b) => allAcked.add(b));

      const inst = await storage.createStorageInstance<CrashDoc>({
        databaseInstanceToken: randomToken(10),
        databaseName: 'crash',
        collectionName: 'docs',
        schema,
        options: {},
        multiInstance: false,
        devMode: false,
      });
      const query = (selector: object) => prepareQuery(schema, normalizeMangoQuery(schema, { selector }));
      // Earlier runs' batches were checked one by one already; here only this run's are read.
      const mine = await inst.query(query({ batch: { $gte: firstBatch } }));
      const total = (await inst.count(query({}))).count;
      await inst.close();

      const perBatch = new Map<number, number>();
      for (const d of mine.documents) perBatch.set(d.batch, (perBatch.get(d.batch) ?? 0) + 1);
      for (const [batch, count] of perBatch) {
        expect({ batch, count }).toEqual({ batch, count: BATCH_SIZE });
      }
      for (const batch of run.acked) {
        expect({ batch, present: perBatch.get(batch) ?? 0 }).toEqual({ batch, present: BATCH_SIZE });
      }
      committedDocs += mine.documents.length;
      expect(total).toBe(committedDocs); // nothing committed earlier went missing
      // A batch committed after the last ack we read means the kill raced a commit.
      if ([...perBatch.keys()].some((b) => b > Math.max(...run.acked))) killsAfterUnackedCommit++;

      const db = new Database(path.join(dir, 'crash.sqlite'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    next.kill();
    expect(allAcked.size).toBeGreaterThan(it);
    // Informational: how often a commit raced the kill.
    console.info(
      `crash test: ${it} kills in ${Math.round(performance.now() - started)} ms, ${allAcked.size} acked batches, ${killsAfterUnackedCommit} kills right after an unacknowledged commit`,
    );
  });
});
