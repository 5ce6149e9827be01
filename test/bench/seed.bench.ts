// Runs in Node: `node --import tsx test/bench/seed.bench.ts` — time to generate the L workspace
// in full (every batch iterated and counted, nothing kept) and the peak RSS while doing it.
import { describeSize, generateWorkspaceBatches, type SeedSize } from '../../src/shared/seed';
import { machine, report, timeIt } from './report';

const size: SeedSize = (process.env.SEED_BENCH_SIZE as SeedSize | undefined) ?? 'L';

async function main(): Promise<void> {
  let peakRss = process.memoryUsage().rss;
  let batches = 0;
  const counts: Record<string, number> = {};
  const { ms } = await timeIt(() => {
    for (const batch of generateWorkspaceBatches({ size, seed: 1 })) {
      counts[batch.collection] = (counts[batch.collection] ?? 0) + batch.docs.length;
      // Sampling every batch costs ~1 µs each and catches the peak between garbage collections.
      if (++batches % 8 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  });
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const docs = Object.values(counts).reduce((a, b) => a + b, 0);
  const extra = { machine: machine(), docs, counts };
  report({ name: `seed.generate.${size}`, value: Math.round(ms), unit: 'ms', size: describeSize(size), extra });
  report({
    name: `seed.generate.${size}.peakRss`,
    value: Math.round(peakRss / 2 ** 20),
    unit: 'MiB',
    size: describeSize(size),
    extra: { machine: machine() },
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`seed.bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
