// Runs in Node: the search index on a generated workspace (L by default; BENCH_SIZE=M for a
// quick run) — build time on open (on the search thread), the main thread's longest block
// meanwhile, memory, and the time from a keystroke to results (through the thread) as a seller
// types names and note words letter by letter. On a shared machine a timer waits for a core as
// well as for its own thread, so a bare Node process probes its own event loop over the same
// window: the main thread's block is the import's doing only where it exceeds that control's.
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { describeSize, generateWorkspace, type SeedSize } from '../../src/shared/seed';
import { SearchIndex } from '../../src/main/search';
import { cachedWorkspace, openCachedStore } from './support/workspace-cache';
import { machine, report } from './report';
import { startControl } from './support/control-probe';

const size = (process.env['BENCH_SIZE'] as SeedSize | undefined) ?? 'L';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const dir = await cachedWorkspace(size);
  const store = await openCachedStore(dir);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const control = startControl(1);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const started = performance.now();
  // Where the longest blocks fall (ms after the start) and the main thread's garbage collection in them.
  const gcs: { start: number; ms: number }[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ start: e.startTime, ms: e.duration });
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const blocks: { at: number; ms: number }[] = [];
  let tick = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    if (now - tick - 5 > 20) blocks.push({ at: tick, ms: now - tick - 5 });
    tick = now;
  }, 5);
  const index = new SearchIndex(store);
  await index.start();
  const buildMs = performance.now() - started;
  clearInterval(probe);
  gcObserver.disconnect();
  loop.disable();
  const longestBlocks = blocks
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((b) => {
      const gc = gcs.filter((g) => g.start < b.at + b.ms + 5 && g.start + g.ms > b.at).reduce((sum, g) => sum + g.ms, 0);
      return `${Math.round(b.at - started)}ms:${Math.round(b.ms)}ms(gc ${Math.round(gc)})`;
    })
    .join(' ');
  const controlMax = await control.stop();
  global.gc?.();
  const rssAfter = process.memoryUsage().rss;
  const docs = index.indexedDocuments;
  const work = `${size}: ${describeSize(size)} (${docs} documents)`;
  report({
    name: 'search index build on open',
    value: Math.round(buildMs),
    unit: 'ms',
    size: work,
    extra: { machine: machine(), loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10) },
  });
  report({
    name: 'search index build: longest main-thread block',
    value: Math.round(loop.max / 1e6),
    unit: 'ms',
    size: work,
    extra: {
      target: '< 50 ms',
      p99: Math.round(loop.percentile(99) / 1e6),
      longestBlocksAtMs: longestBlocks,
      bareProcessLongestBlockSameWindow: Math.round(controlMax),
      loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    },
  });
  // The index's scratch file (encrypted, beside the workspace file): on disk and in the OS's file
  // cache, not in the app's resident memory; its size says what the cache holds at most.
  const indexFiles = readdirSync(dir).filter((n) => n.includes('.sqlite-search-'));
  const indexFileMiB = indexFiles.reduce((sum, n) => sum + statSync(path.join(dir, n)).size, 0) / 2 ** 20;
  report({
    name: 'search index memory (RSS growth)',
    value: Math.round((rssAfter - rssBefore) / 2 ** 20),
    unit: 'MiB',
    size: work,
    extra: { indexFileMiB: Math.round(indexFileMiB), loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10) },
  });

  // What people type: people's and accounts' names, and words of notes, one letter at a time.
  const sample = generateWorkspace({ size: 'XS', seed: 1 });
  const typed = [
    ...sample.stakeholders.slice(0, 12).map((s) => s.name),
    ...sample.accounts.slice(0, 6).map((a) => a.name.split(' ')[0]!),
    'whiteboard rollout',
    'pricing objection',
    'procurement',
    'security review',
    'yamda',
    'procurment',
  ];
  const times: number[] = [];
  for (const text of typed) {
    for (let n = 1; n <= text.length; n++) {
      const t0 = performance.now();
      await index.query({ text: text.slice(0, n) });
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  report({
    name: 'search keystroke to results (host, through the search thread)',
    value: Number(percentile(times, 0.95).toFixed(1)),
    unit: 'ms p95',
    size: `${work}, ${times.length} keystrokes`,
    extra: {
      p50: Number(percentile(times, 0.5).toFixed(1)),
      max: Number(times.at(-1)!.toFixed(1)),
      target: '< 50 ms',
      loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    },
  });
  await index.close();
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
