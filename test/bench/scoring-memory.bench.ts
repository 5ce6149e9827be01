// Runs in Node: `node --expose-gc --import tsx test/bench/scoring-memory.bench.ts [size]` (default
// L; needs --expose-gc, which `npm run bench` passes). The scoring engine's live heap on a generated
// workspace read the way the worker reads it (the SQLite snapshot reader, in its batches), then
// by part: each structure is emptied in turn and the heap measured after a full collection, so
// the figures say what to slim next. The worker's whole footprint (heap total + off-heap, with
// the garbage an idle worker keeps) is part C of scoring.bench.ts.
import os from 'node:os';
import { SCORED_COLLECTIONS } from '../../src/main/scoring/protocol';
import { snapshotSpecOf } from '../../src/main/store';
import { openStoreSnapshot } from '../../src/main/store/snapshot';
import { ScoringEngine } from '../../src/shared/scoring/workspace/engine';
import { DEFAULT_NOW, type SeedSize } from '../../src/shared/seed';
import { machine, report } from './report';
import { cachedWorkspace, openCachedStore } from './support/workspace-cache';

const size = (process.argv[2] ?? 'L') as SeedSize;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc (npm run bench passes it)');
const liveMB = (): number => {
  gc();
  gc();
  return Math.round(process.memoryUsage().heapUsed / 2 ** 20);
};
const figure = (name: string, value: number, extra: Record<string, unknown> = {}) =>
  report({
    name: `scoringMemory.${name}.${size}`,
    value,
    unit: 'MB',
    size,
    extra: { ...extra, machine: machine(), load1: Math.round(os.loadavg()[0]! * 10) / 10 },
  });

const dir = await cachedWorkspace(size);
const store = await openCachedStore(dir);
const spec = snapshotSpecOf(store, SCORED_COLLECTIONS)!;
await store.close();

const base = liveMB();
const engine = new ScoringEngine(() => DEFAULT_NOW, 'onRequest');
const source = openStoreSnapshot(spec);
for (const c of SCORED_COLLECTIONS) {
  source.scan(c, 2_500, (docs) => engine.apply(c, docs));
  figure(`afterReading.${c}`, liveMB() - base, { note: 'engine live heap, cumulative' });
}
source.close();
// Off-heap: the typed-array columns and id tables, as the read left them, then trimmed as the
// worker trims them once its first read is done (runtime.ts finishLoad).
const offHeap = (when: string) => {
  const parts = engine.state.columnBytes;
  const mb = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
  const all = Object.values(parts).reduce((s, b) => s + b, 0);
  gc();
  figure(`offHeap.${when}`, mb(all), {
    ...Object.fromEntries(Object.entries(parts).map(([k, b]) => [k, mb(b)])),
    rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
    note: 'typed-array bytes (byteLength), not in the heap figures',
  });
};
offHeap('afterReading');
engine.state.trim();
offHeap('trimmed');
engine.rescoreAll();
figure('engineLive', liveMB() - base, { note: 'after the first full rescore', target: 'worker <= 400 MB in all (scoring.bench part C)' });

// Internals on purpose: this is a measurement of them. Emptied one at a time, largest suspects first.
const state = engine.state as unknown as Record<string, unknown>;
const internals = engine as unknown as Record<string, unknown>;
const parts: [string, () => void][] = [
  ['interactionIds', () => (state['interactionIdx'] as { clear(): void }).clear()],
  ['journeyStepIds', () => (state['stepIdx'] as { clear(): void }).clear()],
  ['journeyStepLists', () => (state['stepsOf'] as number[][]).fill([])],
  ['interactionsPerPerson', () => (state['interactionsOf'] as number[][]).fill([])],
  ['dealsPerMember', () => (state['dealsOfMember'] as Map<string, unknown>).clear()],
  ['people', () => (state['stakeholders'] as unknown[]).fill(undefined)],
  ['deals', () => (state['opportunities'] as unknown[]).fill(undefined)],
  ['sentScores', () => (internals['sent'] as Map<string, string>).clear()],
  ['todayItems', () => (internals['today'] as unknown[]).fill(null)],
];
for (const [name, empty] of parts) {
  const before = liveMB();
  empty();
  figure(`part.${name}`, before - liveMB());
}
figure('rest', liveMB() - base, { note: 'what is left: typed-array columns are off-heap and not in these figures' });
