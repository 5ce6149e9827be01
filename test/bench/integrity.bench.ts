// Benchmark (plain Node): what the integrity check after open costs (store/sqlite/integrity-check.ts).
// `PRAGMA quick_check` over the L workspace file on the check's own thread, three runs; the
// figure decides whether it may hold the open (it may not: it runs in the background).
// DS_BENCH_L_DIR points at an L workspace folder already written (npm run seed -- --size L --out DIR).
import { statSync } from 'node:fs';
import path from 'node:path';
import { startIntegrityCheck } from '../../src/main/store/sqlite/integrity-check';
import { cachedWorkspace } from './support/workspace-cache';
import { machine, report } from './report';

const dir = process.env['DS_BENCH_L_DIR'] ?? (await cachedWorkspace('L'));
const file = path.join(dir, 'workspace.sqlite');
const bytes = statSync(file).size;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  const result = await startIntegrityCheck(file).done;
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`the L workspace failed its check: ${result.detail}`);
  report({
    name: 'integrity check after open (quick_check, own thread)',
    value: Math.round(ms),
    unit: 'ms wall',
    size: `L workspace file, ${Math.round(bytes / 1024 / 1024)} MiB`,
    extra: { run, machine: machine() },
  });
}
