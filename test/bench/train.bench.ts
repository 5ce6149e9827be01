// Runs in Node (benchmark). Training time on the full IBM win/loss train set and prediction /
// explanation throughput of the app's classifier. Run: node --import tsx test/bench/train.bench.ts
// CPU time is printed next to wall time because this 2-core machine is shared: wall time
// includes waiting for other processes, CPU time is what training itself costs.
import os from 'node:os';
import { readCsvFile } from '../../src/main/csv/read-csv';
import { rowOf, trainCalibratedClassifier } from '../../src/shared/scoring/learn/index';
import { buildTrainingTable } from '../../src/shared/scoring/tabular/index';
import { machine, report, timeIt } from './report';

const FILE = process.env['DS_WINLOSS_CSV'] ?? '/work/shared/data/win-loss/ibm-sales-win-loss.train.csv';

async function main(): Promise<void> {
  const load = (): number => Math.round(os.loadavg()[0]! * 100) / 100;
  const common = { machine: machine() };

  const { ms: readMs, result: built } = await timeIt(() => {
    const csv = readCsvFile(FILE);
    return buildTrainingTable(csv.header, csv.rows, { target: 'Opportunity Result', positive: 'Won' }, csv.unreadable);
  });
  const n = built.table.labels.length;
  report({ name: 'csv read + encode', value: Math.round(readMs), unit: 'ms', size: n, extra: common });

  // One warm-up run so the figure is the JIT-compiled cost the app sees after the first training.
  trainCalibratedClassifier(built.table);
  for (let rep = 0; rep < 3; rep++) {
    const loadBefore = load();
    const cpu0 = process.cpuUsage();
    const { ms, result: model } = await timeIt(() => trainCalibratedClassifier(built.table));
    const cpu = process.cpuUsage(cpu0);
    report({
      name: 'train calibrated GBM (full train set)', value: Math.round(ms), unit: 'ms', size: n,
      extra: { ...common, cpu_ms: Math.round((cpu.user + cpu.system) / 1000), trees: model.toJSON().gbm.trees.length, calibrator: model.toJSON().calibrator.kind, load1: loadBefore },
    });
  }

  const model = trainCalibratedClassifier(built.table);
  const rows = Array.from({ length: 20_000 }, (_, i) => rowOf(built.table, (i * 7919) % n));
  let sink = 0;
  const { ms: predMs } = await timeIt(() => { for (const r of rows) sink += model.predict(r); });
  report({ name: 'predict throughput', value: Math.round((rows.length / predMs) * 1000), unit: 'rows/s', size: rows.length, extra: { ...common, load1: load() } });
  const few = rows.slice(0, 2000);
  const { ms: shapMs } = await timeIt(() => { for (const r of few) sink += model.explain(r).base; });
  report({ name: 'explain (TreeSHAP) throughput', value: Math.round((few.length / shapMs) * 1000), unit: 'rows/s', size: few.length, extra: { ...common, load1: load(), checksum: Number.isFinite(sink) } });
}

void main();
