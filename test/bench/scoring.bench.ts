// Runs in Node: `node --import tsx test/bench/scoring.bench.ts [size]` (default L).
//
// A. The worker's compute, in-process (the worker runs exactly this engine): load, full rescore,
//    training, incremental rescore after one logged interaction.
// B. The main thread while a real worker thread does a full rescore and trains: event-loop delay
//    (perf_hooks.monitorEventLoopDelay plus a 5 ms setInterval drift probe) while the main
//    thread receives the score batches and writes them into an RxDB `scores` collection in
//    small chunks, as the host-side service does.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import { writeScores } from '../../src/main/scoring/service';
import { createWorker } from '../../src/main/scoring/spawn-node';
import type { HostToWorker, WorkerToHost } from '../../src/main/scoring/protocol';
import { SCORED_COLLECTIONS } from '../../src/main/scoring/protocol';
import { createStore } from '../../src/main/store';
import type { Interaction, ScoreDoc } from '../../src/shared/domain';
import { ScoringEngine } from '../../src/shared/scoring/workspace/engine';
import { trainingSet } from '../../src/shared/scoring/workspace/history';
import { trainWorkspaceModel } from '../../src/shared/scoring/workspace/model';
import { DEFAULT_NOW, generateWorkspaceBatches, type SeedBatch, type SeedSize } from '../../src/shared/seed';
import { machine, report, timeIt } from './report';

const size = (process.argv[2] ?? 'L') as SeedSize;
const NOW = DEFAULT_NOW;
const scored = new Set<string>(SCORED_COLLECTIONS);

function collect(): SeedBatch[] {
  return [...generateWorkspaceBatches({ size, seed: 1 })].filter((b) => scored.has(b.collection));
}

async function partA(batches: SeedBatch[]): Promise<void> {
  const engine = new ScoringEngine(() => NOW);
  const load = await timeIt(() => { for (const b of batches) engine.apply(b.collection as never, b.docs as never); });
  report({ name: 'scoring.load_aggregates', value: Math.round(load.ms), unit: 'ms', size, extra: { machine: machine() } });
  const full = await timeIt(() => engine.rescoreAll());
  report({ name: 'scoring.full_rescore_prior', value: Math.round(full.ms), unit: 'ms', size, extra: { opportunities: full.result.scoredOpportunities, stakeholders: full.result.scoredStakeholders, target: '< 2000' } });
  const set = trainingSet(engine.state, [], engine.space);
  const train = await timeIt(() => trainWorkspaceModel(set.rows, set.labels, engine.space, NOW));
  report({ name: 'scoring.train', value: Math.round(train.ms), unit: 'ms', size, extra: { closedDeals: set.rows.length, auc: train.result.json.validation.auc } });
  engine.setModel(train.result);
  const full2 = await timeIt(() => engine.rescoreAll());
  report({ name: 'scoring.full_rescore', value: Math.round(full2.ms), unit: 'ms', size, extra: { source: 'blended', written: full2.result.upserts.length, target: '< 2000' } });
  const opp = engine.state.opportunities.find((o) => o?.status === 'open' && o.members.length > 2)!;
  const times: number[] = [];
  for (let k = 0; k < 20; k++) {
    const logged: Interaction = {
      id: `int_bench_${k}` as never, accountId: opp.accountId, opportunityId: opp.id, kind: 'call', at: NOW - 3_600_000 * (k + 1),
      channel: 'phone', direction: 'two_way', sentiment: 1, attendeeIds: [opp.members[k % opp.members.length]!.stakeholderId],
      loggedBy: opp.ownerId, notes: 'bench', updatedAt: NOW,
    };
    const inc = await timeIt(() => engine.rescore(engine.apply('interactions', [logged as never])));
    times.push(inc.ms);
  }
  times.sort((a, b) => a - b);
  report({ name: 'scoring.incremental', value: Math.round(times[Math.floor(times.length / 2)]! * 10) / 10, unit: 'ms', size, extra: { p95: Math.round(times[Math.floor(times.length * 0.95)]! * 10) / 10, target: '< 50' } });
}

async function partB(batches: SeedBatch[] | null): Promise<void> {
  const store = await createStore({ name: `bench-scores-${Date.now()}` });
  const worker: Worker = createWorker();
  const post = (m: HostToWorker) => worker.postMessage(m);
  let writes = Promise.resolve();
  let written = 0;
  const waiters: ((m: WorkerToHost) => boolean)[] = [];
  worker.on('message', (m: WorkerToHost) => {
    if (m.type === 'scores') {
      if (process.env['BENCH_NO_WRITE']) written += m.upserts.length;
      else writes = writes.then(() => writeScores(store, m.upserts as ScoreDoc[], m.removals, Number(process.env['BENCH_CHUNK'] ?? 100))).then(() => { written += m.upserts.length; });
    }
    for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i]!(m)) waiters.splice(i, 1);
  });
  const until = (pred: (m: WorkerToHost) => boolean) => new Promise<void>((resolve) => waiters.push((m) => (pred(m) ? (resolve(), true) : false)));
  post({ type: 'init', source: { kind: 'push' }, fixedNow: NOW, model: null, history: [], autoTrain: false, rescoreEveryMs: 0, batchSize: 250 });
  const loaded = await timeIt(async () => {
    // Posted and dropped batch by batch: the main thread of the app does not hold the workspace
    // either, and a big heap here would measure our own garbage collector, not the worker's effect.
    while (batches && batches.length) {
      const b = batches.shift()!;
      for (let k = 0; k < b.docs.length; k += 2000) post({ type: 'docs', collection: b.collection as never, docs: b.docs.slice(k, k + 2000) as never });
      await new Promise((r) => setImmediate(r));
    }
    const first = until((m) => m.type === 'scores' && m.final && m.full);
    post({ type: 'loaded' });
    await first;
    await writes;
  });
  report({ name: 'scoring.worker_load_and_first_rescore', value: Math.round(loaded.ms), unit: 'ms', size, extra: { written } });

  // Measure only while the worker rescores and trains, and the main thread stores what comes back.
  const h = monitorEventLoopDelay({ resolution: 1 });
  let maxDrift = 0;
  let last = performance.now();
  const probe = setInterval(() => { const t = performance.now(); maxDrift = Math.max(maxDrift, t - last - 5); last = t; }, 5);
  h.enable();
  const work = await timeIt(async () => {
    const trained = until((m) => m.type === 'reply');
    post({ type: 'rescore' });
    post({ type: 'request', requestId: 1, request: { kind: 'train' } });
    await trained;
    await writes;
  });
  h.disable();
  clearInterval(probe);
  report({
    name: 'scoring.main_thread_max_block', value: Math.round(Math.max(h.max / 1e6, maxDrift) * 10) / 10, unit: 'ms', size,
    extra: { eventLoopDelayMaxMs: Math.round(h.max / 1e5) / 10, p99Ms: Math.round(h.percentile(99) / 1e5) / 10, driftProbeMaxMs: Math.round(maxDrift * 10) / 10, during: 'full rescore + training + storing scores', wallMs: Math.round(work.ms), written, target: '< 20' },
  });
  await worker.terminate();
  await store.close();
}

const counts = (b: SeedBatch[]) => Object.fromEntries(SCORED_COLLECTIONS.map((c) => [c, b.filter((x) => x.collection === c).reduce((a, x) => a + x.docs.length, 0)]));
{
  const batches = collect();
  report({ name: 'scoring.workspace', value: counts(batches)['interactions'] ?? 0, unit: 'interactions', size, extra: counts(batches) });
  if (!process.env["BENCH_SKIP_A"]) await partA(batches);
}
await partB(collect());
