// Benchmark (Node): sync against real PostgreSQL. Run: node --import tsx test/bench/sync.bench.ts
// Uses a fresh database `deep_sales_bench` (DS_BENCH_PG_URL names the admin connection) and a
// server child process started exactly like `npm run server` with DATABASE_URL.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createStore } from '../../src/main/store';
import { createSyncClient, startSync } from '../../src/main/sync';
import { createWorkspaceWithAdmin, openDatabase } from '../../src/server';
import { createTestStore } from '../integration/fixtures/sync-store';
import { changesOf } from '../../src/main/store/changes';
import { machine, report, timeIt } from './report';

const ADMIN_URL = process.env.DS_BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const DB_NAME = 'deep_sales_bench';
const DB_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${DB_NAME}`);
const PULL_DOCS = Number(process.env.DS_BENCH_PULL_DOCS ?? 100_000);
const LOAD_CLIENTS = 200;
const LOAD_SECONDS = Number(process.env.DS_BENCH_LOAD_SECONDS ?? 30);
const LOAD_MAX_PUSHES = 500_000;
const WARMUP_SECONDS = Number(process.env.DS_BENCH_WARMUP_SECONDS ?? 3);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const account = (id: string, i: number) => ({
  id,
  name: `Account ${i}`,
  industry: 'software',
  region: 'emea',
  segment: 'mid_market',
  employees: i % 5000,
  updatedAt: 1_700_000_000_000 + i,
});

async function freshDatabase(): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${DB_NAME}`);
  await c.end();
}

async function startServerProcess(): Promise<{ child: ChildProcess; url: string }> {
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  // DS_BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the server child.
  const nodeArgs = (process.env.DS_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', fileURLToPath(new URL('../../src/server/cli.ts', import.meta.url)), '--port', String(port)],
    {
      env: { ...process.env, DATABASE_URL: DB_URL },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve) => child.stdout!.on('data', (d) => String(d).includes('listening on') && resolve()));
  return { child, url: `http://127.0.0.1:${port}` };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux only; NaN elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN; // not Linux: the figure is reported as null
  }
}

let serverPid: number | undefined;

/**
 * CPU seconds used so far by each PostgreSQL backend serving the bench database. Backends are
 * separate processes, so the server's own CPU misses the SQL work; this catches most of it (not
 * the shared WAL writer and checkpointer, nor a backend that exits mid-phase).
 */
async function backendCpu(): Promise<Map<number, number>> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  const { rows } = await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [DB_NAME]);
  await c.end();
  return new Map(rows.map((r) => [r.pid, cpuSeconds(r.pid)]));
}
const cpuSince = (before: Map<number, number>, after: Map<number, number>): number =>
  [...after].reduce((sum, [pid, s]) => sum + s - (before.get(pid) ?? 0), 0);

async function workspace(url: string, name: string) {
  const db = await openDatabase({ databaseUrl: DB_URL, poolSize: 2 });
  const email = `${name}@bench.example`;
  const created = await createWorkspaceWithAdmin(db, { workspace: name, email, password: 'bench-password' });
  await db.close();
  const s = await createSyncClient(url).signIn({ email, password: 'bench-password', workspaceId: created.workspaceId });
  return { id: created.workspaceId, token: s.token };
}

// node:http with a keep-alive agent costs the load generator far less CPU than fetch, and the
// generator shares the machine with the server it measures.
const agent = new http.Agent({ keepAlive: true, maxSockets: LOAD_CLIENTS });
function rawPush(url: string, ws: { id: string; token: string }, rows: unknown[]): Promise<void> {
  const body = JSON.stringify({ rows });
  const u = new URL(`${url}/v1/workspaces/${ws.id}/collections/accounts/push`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          res.statusCode === 200 && text.startsWith('{"conflicts":[]')
            ? resolve()
            : reject(new Error(`push ${res.statusCode} ${text.slice(0, 200)}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function pushRows(url: string, ws: { id: string; token: string }, rows: unknown[]): Promise<void> {
  const res = await fetch(`${url}/v1/workspaces/${ws.id}/collections/accounts/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rows }),
  });
  if (!res.ok) throw new Error(`push failed ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}

async function initialPull(url: string): Promise<void> {
  const ws = await workspace(url, 'pull');
  for (let i = 0; i < PULL_DOCS; i += 1000) {
    await pushRows(
      url,
      ws,
      Array.from({ length: Math.min(1000, PULL_DOCS - i) }, (_, k) => ({
        newDocumentState: { ...account(`acc_${i + k}`, i + k), _deleted: false },
      })),
    );
  }
  const store = await createStore({ name: `bench-pull-${Date.now()}` });
  const { ms } = await timeIt(async () => {
    const sync = startSync({ store, serverUrl: url, workspaceId: ws.id, token: ws.token, collections: ['accounts'], pullBatchSize: 5000 });
    await sync.awaitInSync();
    await sync.stop();
  });
  const count = await store.collections.accounts.count().exec();
  await store.close();
  if (count !== PULL_DOCS) throw new Error(`pulled ${count} of ${PULL_DOCS}`);
  report({
    name: 'sync.initial_pull',
    value: Math.round(ms),
    unit: 'ms',
    size: PULL_DOCS,
    extra: { docsPerSecond: Math.round(PULL_DOCS / (ms / 1000)), target: '< 20000 ms', machine: machine() },
  });
}

async function liveLatency(url: string): Promise<void> {
  const ws = await workspace(url, 'latency');
  const a = await createTestStore(`bench-a-${Date.now()}`, ['accounts']);
  const b = await createTestStore(`bench-b-${Date.now()}`, ['accounts']);
  const sa = startSync({ store: a, serverUrl: url, workspaceId: ws.id, token: ws.token, collections: ['accounts'] });
  const sb = startSync({ store: b, serverUrl: url, workspaceId: ws.id, token: ws.token, collections: ['accounts'] });
  await sa.awaitInSync();
  await sb.awaitInSync();
  await new Promise((r) => setTimeout(r, 500));
  const seen = new Map<string, () => void>();
  const sub = changesOf(b.collections.accounts!).subscribe((ev) => seen.get(ev.documentId)?.());
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const id = `acc_live_${i}`;
    const arrived = new Promise<void>((r) => seen.set(id, r));
    const t0 = performance.now();
    await a.collections.accounts!.insert(account(id, i));
    await arrived;
    samples.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 10));
  }
  sub.unsubscribe();
  await sa.stop();
  await sb.stop();
  await a.close();
  await b.close();
  samples.sort((x, y) => x - y);
  const extra = { target: 'p95 < 300 ms', samples: samples.length, machine: machine() };
  report({ name: 'sync.live_latency_p50', value: +pct(samples, 50).toFixed(1), unit: 'ms', size: samples.length, extra });
  report({ name: 'sync.live_latency_p95', value: +pct(samples, 95).toFixed(1), unit: 'ms', size: samples.length, extra });
}

/**
 * 200 HTTP clients, each editing its own document, spread over `workspaces` teams. Without a
 * target rate each client pushes again as soon as it is answered (closed loop: the maximum
 * throughput, where latency is just 200 in flight / throughput). With `targetPerSecond` the
 * clients pace themselves (open loop, like real users) and latency is measured from when each
 * push was due, so a slow server cannot hide its queueing (no coordinated omission).
 *
 * The load runs for WARMUP_SECONDS before the measured `seconds` begin, without a pause: the
 * clients open their connections and the server's JIT and caches warm up, as they are on a
 * server that has been running. A backlog left by the warm-up still counts, because latency is
 * measured from each push's due time. The warm-up's own p99 is reported as `warmupP99`.
 */
async function pushLoad(url: string, workspaces: number, seconds: number, targetPerSecond?: number): Promise<void> {
  const wss: { id: string; token: string }[] = [];
  for (let w = 0; w < workspaces; w++) wss.push(await workspace(url, `load-${workspaces}-${w}`));
  const latencies: number[] = [];
  const warmupLatencies: number[] = [];
  /**
   * [ms into the measured window when due, latency]: DS_BENCH_TRACE=1 prints p50/p99/max per
   * second, DS_BENCH_TRACE=FILE also writes the pairs as JSON. Shows whether slow pushes cluster.
   */
  const trace: [number, number][] = [];
  let errors = 0;
  const t0 = performance.now();
  const measureFrom = t0 + WARMUP_SECONDS * 1000;
  const end = measureFrom + seconds * 1000;
  let lastAnswered = measureFrom;
  let cpu0: { server: number; self: NodeJS.CpuUsage; pg: Map<number, number> } | undefined;
  const cpuSnapshot = new Promise<void>((resolve) =>
    setTimeout(
      () =>
        void backendCpu().then((pgCpu) => {
          cpu0 = { server: cpuSeconds(serverPid), self: process.cpuUsage(), pg: pgCpu };
          resolve();
        }),
      measureFrom - performance.now(),
    ),
  );
  await Promise.all(
    Array.from({ length: LOAD_CLIENTS }, async (_, c) => {
      const ws = wss[c % workspaces]!;
      let master: Record<string, unknown> | undefined;
      const interval = targetPerSecond ? (LOAD_CLIENTS / targetPerSecond) * 1000 : 0;
      // Spread the clients' first pushes over one interval so they do not arrive in lockstep.
      const first = t0 + (interval * c) / LOAD_CLIENTS;
      for (let n = 0; latencies.length < LOAD_MAX_PUSHES; n++) {
        const next = { ...account(`acc_load_${c}`, n), name: `Client ${c} edit ${n}`, _deleted: false };
        const due = first + n * interval;
        if (interval && due >= end) break;
        if (interval && due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
        const start = interval ? due : performance.now();
        if (start >= end) break;
        try {
          await rawPush(url, ws, [{ assumedMasterState: master, newDocumentState: next }]);
          const ms = performance.now() - start;
          if (start < measureFrom) {
            warmupLatencies.push(ms);
          } else {
            latencies.push(ms);
            lastAnswered = Math.max(lastAnswered, performance.now());
            if (process.env.DS_BENCH_TRACE) trace.push([start - measureFrom, ms]);
          }
          master = next;
        } catch {
          errors++; // counted and reported; the loop keeps the load on
        }
      }
    }),
  );
  await cpuSnapshot;
  // From the window's start to the answer of its last push: a server that falls behind a paced
  // load shows a rate below the target here, not just a high latency.
  const elapsed = (lastAnswered - measureFrom) / 1000;
  if (trace.length > 0 && process.env.DS_BENCH_TRACE !== '1') writeFileSync(process.env.DS_BENCH_TRACE!, JSON.stringify(trace));
  for (let sec = 0; trace.length > 0 && sec <= elapsed; sec++) {
    const l = trace
      .filter(([t]) => Math.floor(t / 1000) === sec)
      .map(([, ms]) => ms)
      .sort((x, y) => x - y);
    process.stderr.write(
      `# second ${sec}: ${l.length} pushes, p50 ${pct(l, 50).toFixed(1)} ms, p99 ${pct(l, 99).toFixed(1)} ms, max ${(l[l.length - 1] ?? NaN).toFixed(1)} ms\n`,
    );
  }
  const serverCpu = cpuSeconds(serverPid) - cpu0!.server;
  const pgCpu = cpuSince(cpu0!.pg, await backendCpu());
  const selfCpu = process.cpuUsage(cpu0!.self);
  latencies.sort((x, y) => x - y);
  warmupLatencies.sort((x, y) => x - y);
  const perPush = (cpuS: number) => (Number.isFinite(cpuS) ? +((cpuS * 1000) / latencies.length).toFixed(3) : null);
  const mode = targetPerSecond ? `paced${targetPerSecond}_` : '';
  const extra = {
    clients: LOAD_CLIENTS,
    workspaces,
    mode: targetPerSecond ? `open loop at ${targetPerSecond}/s` : 'closed loop (max)',
    warmupSeconds: WARMUP_SECONDS,
    warmupP99: +pct(warmupLatencies, 99).toFixed(1),
    seconds: +elapsed.toFixed(1),
    pushes: latencies.length,
    errors,
    p50: +pct(latencies, 50).toFixed(1),
    p99: +pct(latencies, 99).toFixed(1),
    max: +(latencies[latencies.length - 1] ?? NaN).toFixed(1),
    serverCpuMsPerPush: perPush(serverCpu),
    pgBackendCpuMsPerPush: perPush(pgCpu),
    loadGenCpuMsPerPush: perPush((selfCpu.user + selfCpu.system) / 1e6),
    loadAvg1m: +os.loadavg()[0]!.toFixed(2),
    target: '1000 pushes/s, p99 < 100 ms',
    machine: machine(),
  };
  report({
    name: `sync.push_${mode}throughput_${workspaces}ws`,
    value: Math.round(latencies.length / elapsed),
    unit: 'pushes/s',
    size: LOAD_CLIENTS,
    extra,
  });
  report({ name: `sync.push_${mode}p99_${workspaces}ws`, value: +pct(latencies, 99).toFixed(1), unit: 'ms', size: LOAD_CLIENTS, extra });
}

async function main(): Promise<void> {
  await freshDatabase();
  const { child, url } = await startServerProcess();
  serverPid = child.pid;
  try {
    const only = process.env.DS_BENCH_ONLY;
    if (!only || only === 'pull') await initialPull(url);
    if (!only || only === 'latency') await liveLatency(url);
    if (only === 'paced') await pushLoad(url, 20, LOAD_SECONDS, 1000);
    if (!only || only === 'load') {
      await pushLoad(url, 20, LOAD_SECONDS, 1000);
      await pushLoad(url, 20, LOAD_SECONDS);
      await pushLoad(url, 1, Math.min(10, LOAD_SECONDS));
    }
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
