// The scoring worker's runtime in-process, on a real SQLite file: on a first open, the deals
// someone waits for are read by account and scored before the rest of the workspace is read,
// and those scores are the ones the full read gives (same data, model and clock).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OpportunityScorePayload } from '@shared/domain';
import { scoreDocId } from '@shared/scoring/workspace/engine';
import { DEFAULT_NOW, generateWorkspaceBatches } from '@shared/seed';
import { createStore, snapshotSpecOf, type Store } from '../store';
import { loadWorkspaceIntoStore } from '../store/load-workspace';
import { SCORED_COLLECTIONS, unpackScores, type WorkerReply, type WorkerRequest, type WorkerToHost } from './protocol';
import { provisionalDeals } from './first-read';
import { ScoringRuntime } from './runtime';

/** A runtime with a host that acknowledges every score batch, as the service does once stored. */
function started(store: Store, autoTrain = false) {
  const messages: WorkerToHost[] = [];
  const waiting = new Map<number, (m: WorkerToHost) => void>();
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (onReady = r));
  let onSettled: () => void = () => undefined;
  const settled = new Promise<void>((r) => (onSettled = r));
  const runtime: ScoringRuntime = new ScoringRuntime((m) => {
    messages.push(m);
    if (m.type === 'scores') setImmediate(() => runtime.handle({ type: 'ack' }));
    if (m.type === 'ready') onReady();
    if (m.type === 'settled') onSettled();
    if (m.type === 'reply') waiting.get(m.requestId)?.(m);
  });
  runtime.handle({
    type: 'init',
    source: snapshotSpecOf(store, SCORED_COLLECTIONS)!,
    modelText: null,
    historyText: null,
    autoTrain,
    rescoreEveryMs: 0,
    batchSize: 50,
    fixedNow: DEFAULT_NOW,
  });
  let next = 1;
  const ask = <K extends WorkerReply['kind']>(request: WorkerRequest & { kind: K }, urgent = false) => {
    const requestId = next++;
    const answered = new Promise<{ reply: Extract<WorkerReply, { kind: K }>; at: number }>((resolve, reject) =>
      waiting.set(requestId, (m) =>
        m.type === 'reply' && m.ok
          ? resolve({ reply: m.reply as Extract<WorkerReply, { kind: K }>, at: messages.length - 1 })
          : reject(new Error(JSON.stringify(m))),
      ),
    );
    runtime.handle({ type: 'request', requestId, request, ...(urgent ? { urgent: true } : {}) });
    return answered;
  };
  const readyAt = () => messages.findIndex((m) => m.type === 'ready');
  /** Score docs sent so far, by id (the last version of each). */
  const sent = (upTo = messages.length) => {
    const out = new Map<string, string>();
    for (const m of messages.slice(0, upTo)) if (m.type === 'scores') for (const d of unpackScores(m)) out.set(d.id, d.payload);
    return out;
  };
  return { runtime, messages, ready, settled, ask, readyAt, sent };
}

describe('scoring runtime: first scores before the whole workspace is read', () => {
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-runtime-first-'));
    store = await createStore({ directory: dir, name: 'ws', key: randomBytes(32) });
    await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'S', seed: 11 }));
  }, 120_000);

  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers one member's Today and its deals' scores before the rest is read, the same as after the full read", async () => {
    const open = await store.opportunities.find({ selector: { status: 'open' } }).exec();
    const owner = open[0]!.ownerId;
    const mine = open.filter((o) => o.ownerId === owner);
    const myAccounts = new Set<string>(mine.map((o) => o.accountId));
    const allAccounts = new Set(open.map((o) => o.accountId));
    // The member's deals are a part of the workspace: what is read first is not everything.
    expect(myAccounts.size).toBeLessThan(allAccounts.size);

    // First open: Today asked (urgent, as the host asks it) right as the worker starts.
    const early = started(store);
    const today = await early.ask({ kind: 'today', limit: 100, ownerId: owner }, true);
    // The deals' scores, asked while the worker is still reading (the reply came mid-read).
    const scores = await Promise.all(today.reply.items.map((i) => early.ask({ kind: 'scoreOpportunity', id: i.opportunityId }, true)));
    expect(early.readyAt()).toBe(-1);
    expect(today.reply.items).toHaveLength(mine.length);
    expect(today.reply.total).toBe(mine.length);
    // What was sent before the whole read: this member's accounts' open deals, not the others'.
    const sentEarly = early.sent();
    expect(sentEarly.size).toBeGreaterThanOrEqual(mine.length);
    expect(sentEarly.size).toBeLessThan(open.length);
    for (const o of mine) expect(sentEarly.has(scoreDocId('opportunity', o.id))).toBe(true);
    for (const p of sentEarly.values()) expect(myAccounts.has(OpportunityScorePayload.parse(JSON.parse(p)).accountId)).toBe(true);
    await early.ready;

    // The full read alone, as before (nothing asked while reading): same ranking, same scores.
    const full = started(store);
    await full.ready;
    const fullToday = await full.ask({ kind: 'today', limit: 100, ownerId: owner });
    expect(fullToday.reply).toEqual(today.reply);
    const fullSent = full.sent();
    for (const [k, item] of today.reply.items.entries()) {
      const fullScore = await full.ask({ kind: 'scoreOpportunity', id: item.opportunityId });
      expect(scores[k]!.reply.payload).toEqual(fullScore.reply.payload);
      expect(scores[k]!.at).toBeLessThan(early.readyAt());
    }
    // Every score sent early is the one the full read sends for that deal, to the character, and
    // the early worker's own full rescore sent none of them again (nothing differed).
    for (const [id, payload] of sentEarly) expect(fullSent.get(id)).toBe(payload);
    const earlyAll = early.sent();
    expect(earlyAll.size).toBe(fullSent.size);
    for (const [id, payload] of fullSent) expect(earlyAll.get(id)).toBe(payload);
    early.runtime.close();
    full.runtime.close();
  }, 60_000);

  it("answers the team's Today provisionally mid-read, from the deals closing soonest with their full-read scores, then in full", async () => {
    const open = await store.opportunities.find({ selector: { status: 'open' } }).exec();
    const candidates = new Set<string>(provisionalDeals(open, 10).map((o) => o.accountId));
    const w = started(store);
    const today = await w.ask({ kind: 'today', limit: 10 }, true);
    expect(w.readyAt()).toBe(-1);
    expect(today.reply.provisional).toBe(true);
    // Every open deal counted, the listed ones from the accounts read first, best rank first.
    expect(today.reply.total).toBe(open.length);
    expect(today.reply.items).toHaveLength(10);
    for (const item of today.reply.items) expect(candidates.has(item.accountId)).toBe(true);
    const ranks = today.reply.items.map((i) => i.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    await w.ready;
    // Once read, the full ranking; each deal listed early had the rank and odds the full read gives.
    const full = await w.ask({ kind: 'today', limit: 1000 }, true);
    expect(full.reply.provisional).toBeUndefined();
    expect(full.reply.total).toBe(open.length);
    const byId = new Map(full.reply.items.map((i) => [i.opportunityId, i]));
    for (const item of today.reply.items) expect(item).toEqual(byId.get(item.opportunityId));
    w.runtime.close();
  }, 60_000);

  it('picks the deals a provisional Today scores: closing soonest (passed first), larger first on a tie, 4 pages or 100', () => {
    const deal = (id: string, closeDate: number, amount: number, status = 'open') => ({ id, closeDate, amount, status });
    const deals = [deal('c', 300, 5), deal('a', 100, 1), deal('won', 50, 9, 'won'), deal('b', 100, 7), undefined, deal('d', -10, 1)];
    expect(provisionalDeals(deals, 1).map((d) => d.id)).toEqual(['d', 'b', 'a', 'c']);
    const many = Array.from({ length: 500 }, (_, i) => deal(`o${i}`, i, 1));
    expect(provisionalDeals(many, 10)).toHaveLength(100);
    expect(provisionalDeals(many, 50)).toHaveLength(200);
  });

  it('keeps changes and ordinary requests that come while reading for after the read, in order', async () => {
    const w = started(store);
    const flush = w.ask({ kind: 'today', limit: 1 });
    const memory = await w.ask({ kind: 'memory' }, true);
    expect(w.readyAt()).toBe(-1);
    expect(memory.reply.memory.heapUsedBytes).toBeGreaterThan(0);
    const answered = await flush;
    expect(answered.at).toBeGreaterThan(w.readyAt());
    // After the full rescore's scores, as ordinary replies always are.
    const lastScores = w.messages.findLastIndex((m) => m.type === 'scores');
    expect(answered.at).toBeGreaterThan(lastScores);
    w.runtime.close();
  }, 60_000);

  it('says once that its start is settled: behind the first full rescore, or behind the training that start began', async () => {
    const lastScoresBefore = (ms: WorkerToHost[], at: number) => ms.slice(0, at).findLastIndex((m) => m.type === 'scores');
    // No training: right behind the first full rescore's scores.
    const plain = started(store);
    await plain.settled;
    const plainAt = plain.messages.findIndex((m) => m.type === 'settled');
    const lastFull = plain.messages.findLastIndex((m) => m.type === 'scores' && m.full && m.final);
    expect(lastFull).toBeGreaterThan(-1);
    expect(lastFull).toBeLessThan(plainAt);
    expect(plain.messages.some((m) => m.type === 'persist' && m.modelText !== undefined)).toBe(false);
    plain.runtime.close();

    // A first open that trains (no model stored, enough closed deals): behind training's scores.
    const training = started(store, true);
    await training.settled;
    const messages = training.messages;
    const settledAt = messages.findIndex((m) => m.type === 'settled');
    const modelAt = messages.findIndex((m) => m.type === 'persist' && m.modelText !== undefined);
    expect(modelAt).toBeGreaterThan(training.readyAt());
    expect(modelAt).toBeLessThan(settledAt);
    // Training's full rescore comes after the model and before `settled`.
    const trainedScores = lastScoresBefore(messages, settledAt);
    expect(trainedScores).toBeGreaterThan(modelAt);
    const last = messages[trainedScores]!;
    expect(last.type === 'scores' && last.full && last.final).toBe(true);
    await training.ask({ kind: 'today', limit: 1 });
    expect(messages.filter((m) => m.type === 'settled')).toHaveLength(1);
    training.runtime.close();
  }, 60_000);
});
