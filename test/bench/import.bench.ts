// Runs in Node: `npm run bench -- import` — (1) a Salesforce-shaped export of 100k activities
// with their accounts and contacts (made up here) imported into a workspace on SQLite: time,
// progress reports, and the main thread's longest block while it runs (a 5 ms timer probe and
// perf_hooks' event-loop delay histogram). With the longest block, the process's CPU time in it:
// on a loaded machine a block much longer than its CPU time is the thread waiting for a core,
// not the import holding it. The main thread's own share comes from Linux's per-thread
// scheduler counters (/proc/self/task/<tid>/schedstat: time run on a core, time waiting for
// one), since the process's CPU time also counts the import's worker thread; and the longest
// garbage collection on the main thread comes from perf_hooks' gc entries. On a shared machine a
// timer waits for a core as well as for its own thread, so a bare Node process probes its own
// event loop over the same window (as search.bench.ts): the floor the figure stands on. (2) an L workspace folder written by the seed path:
// time and size on disk. IMPORT_BENCH_ACTIVITIES and IMPORT_BENCH_WORKSPACE choose smaller sizes
// (IMPORT_BENCH_WORKSPACE=none leaves part 2 out).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { runImport } from '../../src/main/import/run-import';
import { SLICE_MS } from '../../src/main/import/time-slice';
import { createStore } from '../../src/main/store';
import { writeWorkspaceFolder } from '../../src/main/workspace/seed-workspace';
import { describeSize, type SeedSize } from '../../src/shared/seed';
import { machine, report } from './report';
import { startControl } from './support/control-probe';

const ACTIVITIES = Number(process.env.IMPORT_BENCH_ACTIVITIES ?? 100_000);
const WORKSPACE = (process.env.IMPORT_BENCH_WORKSPACE ?? 'L') as SeedSize | 'none';
const NOW = Date.UTC(2026, 10, 16);

function salesforceExport(activities: number): { name: string; bytes: Buffer }[] {
  const accounts = Math.max(1, Math.round(activities / 100));
  const contacts = Math.max(1, Math.round(activities / 20));
  const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(12, '0')}`;
  let a = 'Id,Name,Industry,BillingCity,BillingCountry,NumberOfEmployees,Website,OwnerId\n';
  for (let i = 0; i < accounts; i++)
    a += `${id('001', i)},"Account ${i}, Ltd",Software,Leeds,United Kingdom,${(i * 37) % 5000},https://acct${i}.example,${id('005', i % 20)}\n`;
  let c = 'Id,AccountId,FirstName,LastName,Title,Email,Phone\n';
  for (let i = 0; i < contacts; i++)
    c += `${id('003', i)},${id('001', i % accounts)},Pat,Person ${i},Buyer,pat${i}@acct${i % accounts}.example,+44 113 555 ${i % 10000}\n`;
  let t = 'Id,Subject,TaskSubtype,WhoId,WhatId,ActivityDate,Description,OwnerId\n';
  for (let i = 0; i < activities; i++) {
    const who = i % contacts;
    const day = new Date(NOW - (i % 700) * 86_400_000).toISOString().slice(0, 10);
    t += `${id('00T', i)},Call ${i},${i % 3 === 0 ? 'Email' : 'Call'},${id('003', who)},${id('001', who % accounts)},${day},"Notes for ${i}\nsecond line",${id('005', i % 20)}\n`;
  }
  return [
    { name: 'Account.csv', bytes: Buffer.from(a) },
    { name: 'Contact.csv', bytes: Buffer.from(c) },
    { name: 'Task.csv', bytes: Buffer.from(t) },
  ];
}

/** The main thread's time on a core and waiting for one, in ms (Linux; null elsewhere). */
function mainThreadSched(): { run: number; wait: number } | null {
  try {
    const [run, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { run: run! / 1e6, wait: wait! / 1e6 };
  } catch {
    return null; // not Linux, or /proc not mounted: the figures that need it are left out
  }
}

/** The main thread's user and kernel CPU time in ms (Linux clock ticks, 10 ms; null elsewhere). */
function mainThreadTimes(): { user: number; kernel: number } | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(fields[11]) * 10, kernel: Number(fields[12]) * 10 };
  } catch {
    return null; // not Linux: left out
  }
}

async function importBench(): Promise<void> {
  const files = salesforceExport(ACTIVITIES);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ds-import-bench-'));
  const store = await createStore({ directory: dir });
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let longest = 0;
  let longestCpu = 0;
  let over50 = 0;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let lastSched = mainThreadSched();
  let lastTimes = mainThreadTimes();
  let mostRunTimes = null as { user: number; kernel: number } | null;
  let longestOwn = null as { run: number; wait: number } | null;
  // Over all blocks: the most the main thread itself ran between two ticks, and how many blocks
  // had over 50 ms of its own running (the import holding the thread, not the machine's queue).
  let mostOwnRun = 0;
  const heavyBlocks: { at: number; run: number; times: string }[] = [];
  let mostOwnRunWindow: [number, number] = [0, 0];
  let ownOver50 = 0;
  const probe = setInterval(() => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const sched = mainThreadSched();
    const times = mainThreadTimes();
    const block = t - last - 5;
    const own = sched && lastSched ? { run: sched.run - lastSched.run, wait: sched.wait - lastSched.wait } : null;
    if (block > 50) over50++;
    if (own && own.run > 50) ownOver50++;
    if (own && own.run > 25)
      heavyBlocks.push({
        at: last,
        run: own.run,
        times: times && lastTimes ? `${times.user - lastTimes.user}/${times.kernel - lastTimes.kernel}` : '',
      });
    if (own && own.run > mostOwnRun) {
      mostOwnRun = own.run;
      mostOwnRunWindow = [last, t];
      mostRunTimes = times && lastTimes ? { user: times.user - lastTimes.user, kernel: times.kernel - lastTimes.kernel } : null;
    }
    if (block > longest) {
      longest = block;
      longestCpu = (cpu.user + cpu.system - lastCpu.user - lastCpu.system) / 1000;
      longestOwn = own;
    }
    last = t;
    lastCpu = cpu;
    lastSched = sched;
    lastTimes = times;
  }, 5);
  let longestGc = 0;
  let longestGcKind = 0;
  const gcEntries: { start: number; ms: number }[] = [];
  const gcs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcEntries.push({ start: e.startTime, ms: e.duration });
      if (e.duration > longestGc) {
        longestGc = e.duration;
        longestGcKind = (e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0;
      }
    }
  });
  gcs.observe({ entryTypes: ['gc'] });
  let progressReports = 0;
  const control = startControl(5);
  histogram.enable();
  const schedBefore = mainThreadSched();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const progressLog: { at: number; fraction: number; message: string }[] = [];
  const result = await runImport({
    store,
    files,
    now: NOW,
    onProgress: (fraction, message) => {
      progressReports++;
      progressLog.push({ at: performance.now(), fraction, message });
    },
  });
  const ms = performance.now() - started;
  const schedAfter = mainThreadSched();
  const cpuAfter = process.cpuUsage(cpuBefore);
  clearInterval(probe);
  gcs.disconnect();
  histogram.disable();
  const controlMax = await control.stop();
  const stored = await store.interactions.count().exec();
  await store.close();
  await rm(dir, { recursive: true, force: true });
  const size = `${ACTIVITIES} activities, ${Math.round(ACTIVITIES / 100)} accounts, ${Math.round(ACTIVITIES / 20)} contacts`;
  const extra = {
    machine: machine(),
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    stored,
    errors: result.errors.length,
    counts: result.counts,
    bytes: files.reduce((s, f) => s + f.bytes.length, 0),
  };
  report({
    name: 'import.crm.total',
    value: Math.round(ms),
    unit: 'ms',
    size,
    extra: {
      ...extra,
      limitMs: 30_000,
      // CPU time of the whole process (threads included) and of the main thread alone.
      processCpuMs: Math.round((cpuAfter.user + cpuAfter.system) / 1000),
      mainThreadRunMs: schedBefore && schedAfter ? Math.round(schedAfter.run - schedBefore.run) : null,
      mainThreadWaitMs: schedBefore && schedAfter ? Math.round(schedAfter.wait - schedBefore.wait) : null,
    },
  });
  report({ name: 'import.crm.progressReports', value: progressReports, unit: 'count', size });
  report({
    name: 'import.crm.mainThreadLongestBlock',
    value: Math.round(longest),
    unit: 'ms',
    size,
    extra: {
      limitMs: 50,
      probe: '5 ms timer drift',
      cpuMsInLongestBlock: Math.round(longestCpu),
      mainThreadRunMsInLongestBlock: longestOwn ? Math.round(longestOwn.run) : null,
      mainThreadWaitMsInLongestBlock: longestOwn ? Math.round(longestOwn.wait) : null,
      mainThreadMostRunMsInABlock: Math.round(mostOwnRun),
      // When that block came (ms after the import started) and the garbage collection inside it.
      mostRunBlockAtMs: Math.round(mostOwnRunWindow[0] - started),
      // Every block in which the main thread ran over 25 ms: when (s), its running ms, user/kernel ms.
      blocksWithOver25msRun: heavyBlocks.map((b) => `${((b.at - started) / 1000).toFixed(1)}s:${Math.round(b.run)}ms:${b.times}`).join(' '),
      mostRunBlockUserKernelMs: mostRunTimes ? `${mostRunTimes.user}/${mostRunTimes.kernel}` : null,
      progressBeforeMostRunBlock:
        progressLog
          .filter((p) => p.at <= mostOwnRunWindow[1])
          .map((p) => `${p.message} ${Math.round(p.fraction * 1000) / 10}%`)
          .pop() ?? null,
      gcMsInMostRunBlock: Math.round(
        gcEntries.filter((g) => g.start < mostOwnRunWindow[1] && g.start + g.ms > mostOwnRunWindow[0]).reduce((sum, g) => sum + g.ms, 0),
      ),
      blocksWithOver50msMainThreadRun: ownOver50,
      longestMainThreadGcMs: Math.round(longestGc),
      longestGcKind,
      blocksOver50ms: over50,
      sliceMs: SLICE_MS,
      loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    },
  });
  report({
    name: 'import.crm.eventLoopDelayMax',
    value: Math.round(histogram.max / 1e6),
    unit: 'ms',
    size,
    extra: { p99: Math.round(histogram.percentile(99) / 1e6), bareProcessLongestBlockSameWindow: Math.round(controlMax) },
  });
}

async function workspaceBench(WORKSPACE: SeedSize): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ds-workspace-bench-'));
  try {
    const r = await writeWorkspaceFolder({ directory: dir, size: WORKSPACE, seed: 1, now: NOW });
    report({
      name: `workspace.folder.${WORKSPACE}.create`,
      value: Math.round(r.ms),
      unit: 'ms',
      size: describeSize(WORKSPACE),
      extra: { machine: machine(), documents: r.documents },
    });
    report({
      name: `workspace.folder.${WORKSPACE}.size`,
      value: Math.round(r.bytes / 2 ** 20),
      unit: 'MiB',
      size: describeSize(WORKSPACE),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await importBench();
  if (WORKSPACE !== 'none') await workspaceBench(WORKSPACE);
}

main().catch((err: unknown) => {
  process.stderr.write(`import.bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
