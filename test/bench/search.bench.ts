// Runs in Node: the search index on a generated workspace (L by default; BENCH_SIZE=M for a
// quick run) — build time on open, the main thread's longest block meanwhile, memory, and the
// time from a keystroke to results as a seller types names and note words letter by letter.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describeSize, generateWorkspace, type SeedSize } from '../../src/shared/seed';
import { SearchIndex } from '../../src/main/search';
import { createStore } from '../../src/main/store';
import { cachedWorkspace } from './support/workspace-cache';
import { machine, report } from './report';

const size = (process.env['BENCH_SIZE'] as SeedSize | undefined) ?? 'L';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const dir = await cachedWorkspace(size);
  const store = await createStore({ directory: dir });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const started = performance.now();
  const index = new SearchIndex(store);
  await index.start();
  const buildMs = performance.now() - started;
  loop.disable();
  global.gc?.();
  const rssAfter = process.memoryUsage().rss;
  const docs = index.indexedDocuments;
  const work = `${size}: ${describeSize(size)} (${docs} documents)`;
  report({ name: 'search index build on open', value: Math.round(buildMs), unit: 'ms', size: work, extra: { machine: machine() } });
  report({
    name: 'search index build: longest main-thread block',
    value: Math.round(loop.max / 1e6),
    unit: 'ms',
    size: work,
    extra: { target: '< 50 ms' },
  });
  report({ name: 'search index memory (RSS growth)', value: Math.round((rssAfter - rssBefore) / 2 ** 20), unit: 'MiB', size: work });

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
      index.query({ text: text.slice(0, n) });
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  report({
    name: 'search keystroke to results (host)',
    value: Number(percentile(times, 0.95).toFixed(1)),
    unit: 'ms p95',
    size: `${work}, ${times.length} keystrokes`,
    extra: { p50: Number(percentile(times, 0.5).toFixed(1)), max: Number(times.at(-1)!.toFixed(1)), target: '< 50 ms' },
  });
  index.close();
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
