// The scoring worker thread end to end: host API → service → real worker (tsx) → scores in the
// store, on a SQLite store (the worker reads the file read-only), the one way scoring is fed. The
// file is encrypted, as the app keeps it: the worker reads it with the key passed in its spec.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHost, type Host } from '../../src/main/host';
import { ScoringService } from '../../src/main/scoring/service';
import { spawnScoringWorker } from '../../src/main/scoring/spawn-worker';
import type { ScoringWorker } from '../../src/main/scoring/worker-handle';
import type { WorkerToHost } from '../../src/main/scoring/protocol';
import { createStore, type Store } from '../../src/main/store';
import { loadWorkspaceIntoStore } from '../../src/main/store/load-workspace';
import type { HostEvent } from '../../src/shared/api';
import { explainedLogit } from '../../src/shared/scoring/workspace/opportunity';
import { scoreDocId } from '../../src/shared/scoring/workspace/engine';
import { OpportunityScorePayload } from '../../src/shared/domain';
import { DEFAULT_NOW, generateWorkspaceBatches } from '../../src/shared/seed';

async function call<T>(host: Host, method: string, input: unknown): Promise<T> {
  const r = await host.invoke(method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, details: r.error.details });
  return r.output as T;
}

async function probabilities(store: Store): Promise<Map<string, number>> {
  const docs = await store.scores.find({ selector: { subjectType: 'opportunity' } }).exec();
  return new Map(docs.map((d) => [d.subjectId, (JSON.parse(d.payload) as { probability: number }).probability]));
}

/**
 * A real scoring worker whose messages `hold` picks reach the host only once `release` is called
 * (in the order they came); the others at once.
 */
function heldBackWorker(hold: (m: WorkerToHost) => boolean): { spawn: () => Promise<ScoringWorker>; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const spawn = async (): Promise<ScoringWorker> => {
    const w = await spawnScoringWorker();
    return { ...w, onMessage: (listener) => w.onMessage((m) => (hold(m) ? void gate.then(() => listener(m)) : listener(m))) };
  };
  return { spawn, release: () => release() };
}

describe.each(['sqlite'] as const)('scoring worker with a %s store', (kind) => {
  let dir: string;
  let store: Store;
  let host: Host;
  let service: ScoringService;
  const events: HostEvent[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-scoring-'));
    store = await createStore({ directory: dir, name: `ws-${kind}`, key: randomBytes(32) });
    await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'S', seed: 5 }));
    host = createHost({ store, now: () => DEFAULT_NOW, scoring: { fixedNow: DEFAULT_NOW, autoTrain: true, rescoreEveryMs: 0 } });
    host.events.subscribe((e) => events.push(e));
    service = await host.scoring.service();
    await service.ready();
    // Training on start begins once the first scores are stored (runtime.ts); the tests below
    // read the blended scores it leads to.
    await vi.waitFor(
      () => {
        const s = service.modelStatus();
        if (!s?.model || s.training.inProgress) throw new Error('still training');
      },
      { timeout: 90_000, interval: 100 },
    );
    await service.flush();
  }, 120_000);

  afterAll(async () => {
    await host.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the workspace from its SQLite file (read-only), encrypted, with the key in its spec', () => {
    expect(service.source.filePath.startsWith(dir)).toBe(true);
    expect(fs.readFileSync(service.source.filePath).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(service.source.key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('trains on start with progress events, and reports the model', async () => {
    const model = await call<{
      source: string;
      closedDealsLearned: number;
      validation: { auc: number } | null;
      importance: unknown[];
      reliability: unknown[];
    }>(host, 'scoring.model', {});
    expect(model.source).toBe('blended');
    expect(model.closedDealsLearned).toBeGreaterThan(40);
    expect(model.validation?.auc).toBeGreaterThan(0.5);
    expect(model.importance.length).toBeGreaterThan(5);
    expect(model.reliability).toHaveLength(10);
    const progress = events.filter((e) => e.type === 'progress' && e.task === 'training');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toMatchObject({ fraction: 1 });
  });

  it('serves opportunity scores whose factors sum to the logit, with words and actions', async () => {
    const open = (await store.opportunities.find({ selector: { status: 'open' } }).exec()).map((d) => d.id);
    for (const id of open.slice(0, 15)) {
      const p = OpportunityScorePayload.parse(await call(host, 'scoring.forOpportunity', { id }));
      expect(p.source).toBe('blended');
      expect(Math.abs(explainedLogit(p) - p.logit)).toBeLessThan(1e-6);
      expect(p.for.length + p.against.length).toBeGreaterThan(0);
      for (const a of p.actions) expect(a.reason.length).toBeGreaterThan(5);
    }
  });

  it('serves stakeholder engagement, best time and approach per account, and the Today list', async () => {
    const account = (await store.accounts.findOne().exec())!;
    const view = await call<{ stakeholders: { engagement: number; bestTime: { window: string }; talkingPoints: string[] }[] }>(
      host,
      'scoring.forAccount',
      { accountId: account.id },
    );
    expect(view.stakeholders.length).toBeGreaterThan(3);
    expect(view.stakeholders[0]!.bestTime.window).toMatch(/\d+–\d+ in /);
    expect(view.stakeholders.every((s) => s.talkingPoints.length > 0)).toBe(true);
    const today = await call<{ items: { opportunityId: string; scoredBy: { source: string; closedDeals: number } | null }[] }>(
      host,
      'scoring.today',
      { limit: 5 },
    );
    expect(today.items).toHaveLength(5);
    // What scored each deal, so Today can tell a new model's move from the deal's own.
    for (const item of today.items) {
      const stored = JSON.parse((await store.scores.findOne(scoreDocId('opportunity', item.opportunityId)).exec())!.payload);
      expect(item.scoredBy).toEqual({ source: stored.source, closedDeals: stored.closedDeals });
    }
  });

  it("answers Today for whoever this device knows as me, resolved by the host (the team's when nobody is)", async () => {
    const owner = (await store.opportunities.findOne({ selector: { status: 'open' } }).exec())!.ownerId;
    await call(host, 'team.setMe', { memberId: null });
    const team = await call<{ total: number }>(host, 'scoring.today', { limit: 6 });
    expect(await call<unknown>(host, 'scoring.today', { limit: 6, mine: true })).toEqual(team);
    await call(host, 'team.setMe', { memberId: owner });
    try {
      const mine = await call<{ total: number; items: { ownerId: string; accountId: string; accountName: string }[] }>(
        host,
        'scoring.today',
        { limit: 6, mine: true },
      );
      expect(mine).toEqual(await call<unknown>(host, 'scoring.today', { limit: 6, ownerId: owner }));
      expect(mine.items.every((i) => i.ownerId === owner)).toBe(true);
      // Each item names its account, so Today needs no list of every account.
      for (const item of mine.items) expect(item.accountName).toBe((await store.accounts.findOne(item.accountId).exec())!.name);
      expect(mine.total).toBeLessThan(team.total);
      await expect(call(host, 'scoring.today', { limit: 6, mine: true, ownerId: owner })).rejects.toMatchObject({
        code: 'DS_API_INVALID_INPUT',
      });
    } finally {
      await call(host, 'team.setMe', { memberId: null });
    }
  });

  if (kind === 'sqlite')
    it('after a restart, rewrites only the scores that changed', async () => {
      await service.flush();
      const storedBefore = await store.scores.count().exec();
      let writes = 0;
      const counting = store.scores.$.subscribe(() => writes++);
      // A second service on the same file, as after a relaunch: its worker reads the stored scores
      // first, and its first full rescore (same data, same stored model) has nothing new to say.
      const restarted = await ScoringService.start({
        store,
        events: host.events,
        fixedNow: DEFAULT_NOW,
        autoTrain: true,
        rescoreEveryMs: 0,
      });
      try {
        await restarted.ready();
        await restarted.flush();
      } finally {
        counting.unsubscribe();
        await restarted.close();
      }
      expect(writes).toBe(0);
      expect(await store.scores.count().exec()).toBe(storedBefore);
    });

  if (kind === 'sqlite')
    it('at a relaunch, Today answers from the stored ranking and scores before the worker has scored', async () => {
      await service.flush();
      const owner = (await store.opportunities.findOne({ selector: { status: 'open' } }).exec())!.ownerId;
      const expected = await call<unknown>(host, 'scoring.today', { limit: 8 });
      const expectedMine = await call<unknown>(host, 'scoring.today', { limit: 3, ownerId: owner });
      // A relaunched host whose real worker's messages are held back: its first scores cannot be
      // stored until released, so whatever Today answers meanwhile comes from the last run's store.
      const { spawn, release } = heldBackWorker(() => true);
      const relaunched = createHost({
        store,
        now: () => DEFAULT_NOW,
        scoring: { fixedNow: DEFAULT_NOW, autoTrain: true, rescoreEveryMs: 0, spawn },
      });
      try {
        const early = await call<unknown>(relaunched, 'scoring.today', { limit: 8 });
        const earlyMine = await call<unknown>(relaunched, 'scoring.today', { limit: 3, ownerId: owner });
        const started = await relaunched.scoring.service();
        expect(started.hasFirstScores()).toBe(false);
        expect(early).toEqual(expected);
        expect(earlyMine).toEqual(expectedMine);
        release();
        await started.ready();
        expect(await call<unknown>(relaunched, 'scoring.today', { limit: 8 })).toEqual(expected);
      } finally {
        release();
        await relaunched.close();
      }
    });

  if (kind === 'sqlite')
    it('at a relaunch, Today answers from the stored ranking while the worker has not even started', async () => {
      await service.flush();
      const expected = await call<unknown>(host, 'scoring.today', { limit: 8 });
      // A worker thread that starts only when released (a slow start: tsx compiling it in the web
      // preview, a busy machine): Today must not wait for it when the last run stored a ranking.
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      let spawned = false;
      const spawn = async (): Promise<ScoringWorker> => {
        await gate;
        spawned = true;
        return spawnScoringWorker();
      };
      const relaunched = createHost({
        store,
        now: () => DEFAULT_NOW,
        scoring: { fixedNow: DEFAULT_NOW, autoTrain: true, rescoreEveryMs: 0, spawn },
      });
      try {
        expect(await call<unknown>(relaunched, 'scoring.today', { limit: 8 })).toEqual(expected);
        expect(spawned).toBe(false);
        release();
        const started = await relaunched.scoring.service();
        await started.ready();
        expect(await call<unknown>(relaunched, 'scoring.today', { limit: 8 })).toEqual(expected);
      } finally {
        release();
        await relaunched.close();
      }
    });

  it('a logged interaction rescores only its deal, in the stored scores', async () => {
    const before = await probabilities(store);
    const opp = (await store.opportunities.find({ selector: { status: 'open' } }).exec()).find((o) => o.members.length > 3)!;
    const member = opp.members.find((m) => m.role === 'decision_maker' || m.role === 'economic_buyer') ?? opp.members[0]!;
    await call(host, 'interactions.log', {
      accountId: opp.accountId,
      opportunityId: opp.id,
      kind: 'meeting',
      at: DEFAULT_NOW - 7_200_000,
      channel: 'video',
      direction: 'two_way',
      sentiment: 2,
      buyingJob: 'validation',
      attendeeIds: [member.stakeholderId],
      notes: 'Agreed next steps',
    });
    const announced = events.length;
    await service.flush();
    const after = await probabilities(store);
    const changed = [...after].filter(([id, p]) => before.get(id) !== p).map(([id]) => id);
    expect(changed).toEqual([opp.id]);
    // The score written is announced, by the service (the store's change of it is not: host.test.ts).
    await vi.waitFor(() =>
      expect(events.slice(announced).some((e) => e.type === 'changed' && e.collections.includes('scores'))).toBe(true),
    );
  });

  it('rejects bad history files with DS_IMPORT_INVALID and a reason', async () => {
    const bad = async (csv: string, reason: string) => {
      await expect(call(host, 'scoring.importHistory', { csv, targetColumn: 'Result', positiveValue: 'Won' })).rejects.toMatchObject({
        code: 'DS_IMPORT_INVALID',
        details: { reason },
      });
    };
    await bad('', 'DS_CSV_EMPTY');
    await bad('Amount;Region;Result\n100;EMEA;Won\n200;NA;Lost\n', 'DS_CSV_DELIMITER');
    await bad('Amount,Region,Outcome\n100,EMEA,Won\n200,NA,Lost\n', 'DS_CSV_MISSING_TARGET');
    await bad('Amount,Region,Result\n100,EMEA,Lost\n200,NA,Lost\n', 'DS_CSV_ONE_CLASS');
  });

  it('imports history, skipping malformed rows with a count', async () => {
    const lines = ['Amount,Route To Market,Competitor,Elapsed Days,Result'];
    for (let i = 0; i < 200; i++) {
      if (i % 20 === 7) {
        lines.push(`${i},broken`);
        continue;
      } // 5% malformed
      const won = (i * 7919) % 3 === 0;
      lines.push(`${10_000 + i * 37},${i % 2 ? 'Partner' : 'Direct'},${won ? 'none' : 'known'},${30 + (i % 50)},${won ? 'Won' : 'Lost'}`);
    }
    const r = await call<{ imported: number; skipped: number; errors: { code: string }[] }>(host, 'scoring.importHistory', {
      csv: lines.join('\n'),
      targetColumn: 'Result',
      positiveValue: 'Won',
    });
    expect(r.imported).toBe(190);
    expect(r.skipped).toBe(10);
    expect(r.errors.some((e) => e.code === 'DS_IMPORT_ROWS_SKIPPED')).toBe(true);
    await service.flush();
    const model = await call<{ importedHistory: number }>(host, 'scoring.model', {});
    expect(model.importedHistory).toBe(190);
  });
});

describe('first open of a workspace never scored', () => {
  /**
   * A fresh workspace S (seed 7) in its own directory, its host's scoring worker holding back what
   * `hold` picks until released; `run` gets them, and everything is closed and removed after.
   */
  async function firstOpen(
    name: string,
    hold: (m: WorkerToHost) => boolean,
    autoTrain: boolean,
    run: (host: Host, store: Store, release: () => void) => Promise<void>,
  ): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ds-scoring-${name}-`));
    const store = await createStore({ directory: dir, name: `ws-${name}` });
    const { spawn, release } = heldBackWorker(hold);
    const host = createHost({
      store,
      now: () => DEFAULT_NOW,
      scoring: { fixedNow: DEFAULT_NOW, autoTrain, rescoreEveryMs: 0, spawn },
      // Search's build waits for scoring (here: held back), not for a timeout.
      searchWaitsForScoresMs: 600_000,
    });
    try {
      await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'S', seed: 7 }));
      await run(host, store, release);
    } finally {
      release();
      await host.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it("answers Today and its deals' scores from the worker before its first scores are stored, as they are then stored", async () => {
    // The worker's score batches are held back, so nothing is stored until released: whatever
    // Today and the scores answer meanwhile comes from the worker itself (urgent requests).
    await firstOpen(
      'first',
      (m) => m.type === 'scores',
      false,
      async (host, store, release) => {
        const today = await call<{
          items: { opportunityId: string; probability: number; factors: unknown[] }[];
          total: number;
          provisional: boolean;
        }>(host, 'scoring.today', { limit: 6 });
        const early = await Promise.all(today.items.map((i) => call<unknown>(host, 'scoring.forOpportunity', { id: i.opportunityId })));
        const service = await host.scoring.service();
        expect(service.hasFirstScores()).toBe(false);
        expect(await store.scores.count().exec()).toBe(0);
        expect(today.items).toHaveLength(6);
        expect(today.items.every((i) => i.factors.length > 0)).toBe(true);
        // The team's Today mid-read is said to be provisional (ranked among the deals read first:
        // on this small workspace, every open deal).
        expect(today.provisional).toBe(true);
        expect(host.context.search.begun).toBe(false);
        release();
        await service.ready();
        await vi.waitFor(() => expect(host.context.search.begun).toBe(true), { timeout: 10_000 });
        await service.flush();
        // The same ranking, factors and scores once stored (same data, same clock).
        expect(await call<unknown>(host, 'scoring.today', { limit: 6 })).toEqual({ ...today, provisional: false });
        const stored = await Promise.all(today.items.map((i) => call<unknown>(host, 'scoring.forOpportunity', { id: i.opportunityId })));
        expect(early).toEqual(stored);
        for (const [k, p] of early.entries()) expect(OpportunityScorePayload.parse(p).probability).toBe(today.items[k]!.probability);
      },
    );
  }, 120_000);

  it("builds search only once the training the open started has its scores stored (issue 19: the open's memory peak)", async () => {
    // Everything the worker says from the trained model on (training's rescore, then `settled`)
    // is held back, in order, until released: the first full rescore is stored, training's is not.
    let trained = false;
    const hold = (m: WorkerToHost): boolean => {
      if (m.type === 'persist' && m.modelText !== undefined) trained = true;
      return trained;
    };
    await firstOpen('settle', hold, true, async (host, _store, release) => {
      const service = await host.scoring.service();
      await service.ready();
      await vi.waitFor(() => expect(trained).toBe(true), { timeout: 60_000 });
      // The first full rescore is stored and training is done in the worker, but its scores are
      // not stored: search still waits (before this change it began with the first scores).
      await new Promise((r) => setImmediate(r));
      expect(host.context.search.begun).toBe(false);
      expect(service.modelStatus()?.source).toBe('prior');
      release();
      await service.settled();
      await vi.waitFor(() => expect(host.context.search.begun).toBe(true), { timeout: 10_000 });
      expect(service.modelStatus()?.source).not.toBe('prior');
    });
  }, 120_000);
});
