import { generateWorkspace, type SeedWorkspace } from '@shared/seed';
import type { Interaction } from '@shared/domain';
import { ScoringEngine, whatItSays } from './engine';
import { trainingSet } from './history';
import { trainWorkspaceModel } from './model';
import { explainedLogit } from './opportunity';
import { OpportunityScorePayload, StakeholderScorePayload, actionKey, withActionState } from '@shared/domain';

const DAY_MS = 86_400_000;

/** Every number to 12 significant digits (the text stays as written). */
const rounded = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' ? Number(x.toPrecision(12)) : x)));

const NOW = Date.UTC(2026, 10, 1);
const ORDER = ['accounts', 'stakeholders', 'opportunities', 'interactions', 'journeysteps'] as const;

function load(ws: SeedWorkspace, now = NOW): ScoringEngine {
  const e = new ScoringEngine(() => now);
  for (const c of ORDER) e.apply(c, ws[c] as never);
  return e;
}

describe('ScoringEngine on a generated workspace', () => {
  const ws = generateWorkspace({ size: 'S', seed: 3 });
  const engine = load(ws);
  const first = engine.rescoreAll();
  const set = trainingSet(engine.state, [], engine.space);
  const model = trainWorkspaceModel(set.rows, set.labels, engine.space, NOW);

  it('scores every open deal and every stakeholder, with payloads that parse', () => {
    const open = ws.opportunities.filter((o) => o.status === 'open').length;
    expect(first.scoredOpportunities).toBe(open);
    expect(first.scoredStakeholders).toBe(ws.stakeholders.length);
    for (const d of first.upserts) {
      // ASCII text (en dashes and minus signs escaped): one byte per character in V8 (asciiJson).
      expect(d.payload).toMatch(/^[\x20-\x7e]*$/);
      const p = JSON.parse(d.payload);
      if (d.subjectType === 'opportunity') OpportunityScorePayload.parse(p);
      else StakeholderScorePayload.parse(p);
    }
    expect(first.upserts.some((d) => d.payload.includes('\\u2013') && JSON.stringify(JSON.parse(d.payload)).includes('–'))).toBe(true);
  });

  it.each(['prior', 'blended'] as const)('every %s score has factors that sum to its logit (1e-6)', (kind) => {
    const fresh = load(ws);
    fresh.setModel(kind === 'prior' ? null : model);
    const all = fresh.rescoreAll();
    const opps = all.upserts
      .filter((u) => u.subjectType === 'opportunity')
      .map((u) => OpportunityScorePayload.parse(JSON.parse(u.payload)));
    expect(opps.length).toBeGreaterThan(10);
    for (const p of opps) {
      expect(p.source).toBe(kind);
      expect(p.explanation.contributions.length).toBeGreaterThan(0);
      expect(p.for.length + p.against.length).toBeGreaterThan(0);
      expect(Math.abs(explainedLogit(p) - p.logit)).toBeLessThan(1e-6);
      expect(Math.abs(1 / (1 + Math.exp(-p.logit)) - p.probability)).toBeLessThan(1e-9);
    }
  });

  it('writes nothing for stored scores that are still right, and removes stored scores of deals that are gone', () => {
    const stored = load(ws)
      .rescoreAll()
      .upserts.filter((u) => u.subjectType === 'opportunity');
    const restarted = load(ws);
    for (const u of stored) restarted.rememberStored(u.id, u.payload);
    restarted.rememberStored('opp:opp_deleted_meanwhile', stored[0]!.payload);
    // Stakeholder scores are not stored any more (computed on request): never remembered.
    restarted.rememberStored('stk:st_1', stored[0]!.payload);
    const r = restarted.rescoreAll();
    expect(r.upserts.filter((u) => u.subjectType === 'opportunity')).toEqual([]);
    expect(r.removals).toEqual(['opp:opp_deleted_meanwhile']);
    // A stored score whose content differs is written again, with the same text a fresh run gives.
    const again = load(ws);
    again.rememberStored(stored[1]!.id, stored[1]!.payload.replace('"probability":', '"probability":0.5,"x":'));
    const rewritten = again.rescoreAll().upserts.find((u) => u.id === stored[1]!.id);
    expect(rewritten?.payload).toBe(stored[1]!.payload);
  });

  it('rewrites a deal score only when what it says changes, not when its numbers drift with the clock', () => {
    let now = NOW;
    const e = new ScoringEngine(() => now);
    for (const c of ORDER) e.apply(c, ws[c] as never);
    const said = new Map(
      e
        .rescoreAll()
        .upserts.filter((u) => u.subjectType === 'opportunity')
        .map((u) => [u.id, whatItSays(JSON.parse(u.payload))]),
    );
    now = NOW + 60_000;
    const minuteLater = e.rescoreAll().upserts.filter((u) => u.subjectType === 'opportunity');
    // Ages moved by a minute: only a deal whose probability crossed a 0.1-point step or whose
    // words changed (a day boundary) may be written, and each one written says something new.
    expect(minuteLater.length).toBeLessThan(said.size * 0.05);
    for (const u of minuteLater) expect(whatItSays(JSON.parse(u.payload))).not.toBe(said.get(u.id));
    now = NOW + 30 * 86_400_000;
    expect(e.rescoreAll().upserts.filter((u) => u.subjectType === 'opportunity').length).toBeGreaterThan(said.size * 0.5);
  });

  it('an interaction logged on one deal rescores that deal only, exactly as a full recompute would', () => {
    engine.setModel(model);
    const fullBefore = load(ws);
    fullBefore.setModel(model);
    const baseline = new Map(fullBefore.rescoreAll().upserts.map((u) => [u.id, u.payload]));
    const target = ws.opportunities.find((o) => o.status === 'open' && o.members.length > 3)!;
    const who = target.members.find((m) => m.role === 'economic_buyer' || m.role === 'decision_maker') ?? target.members[0]!;
    const logged: Interaction = {
      id: 'int_new' as never,
      accountId: target.accountId,
      opportunityId: target.id,
      kind: 'meeting',
      at: NOW - 3_600_000,
      channel: 'video',
      direction: 'two_way',
      sentiment: 2,
      buyingJob: 'validation',
      attendeeIds: [who.stakeholderId],
      loggedBy: ws.teammembers[0]!.id,
      notes: 'Good call',
      updatedAt: NOW,
    };
    const inc = load(ws);
    inc.setModel(model);
    inc.rescoreAll();
    const touched = inc.apply('interactions', [logged as never]);
    const delta = inc.rescore(touched);
    const full = load({ ...ws, interactions: [...ws.interactions, logged] });
    full.setModel(model);
    const fullDocs = new Map(full.rescoreAll().upserts.map((u) => [u.id, u.payload]));
    // Every score the incremental run wrote equals the full recompute's...
    for (const u of delta.upserts) expect(JSON.parse(u.payload)).toEqual(JSON.parse(fullDocs.get(u.id)!));
    // ...and every score it did not write is unchanged in the full recompute.
    const written = new Set(delta.upserts.map((u) => u.id));
    for (const [id, payload] of fullDocs) if (!written.has(id)) expect(payload).toBe(baseline.get(id));
    // The probability moved for the deal the interaction was logged on, and for no other deal.
    const prob = (m: Map<string, string>, id: string) => (JSON.parse(m.get(id)!) as { probability: number }).probability;
    expect(prob(fullDocs, `opp:${target.id}`)).not.toBe(prob(baseline, `opp:${target.id}`));
    for (const u of delta.upserts.filter((d) => d.subjectType === 'opportunity' && d.subjectId !== target.id)) {
      expect(prob(fullDocs, u.id)).toBe(prob(baseline, u.id));
    }
    expect(delta.upserts.some((u) => u.id === `stk:${who.stakeholderId}`)).toBe(true);
  });

  it.each(['prior', 'blended'] as const)(
    "a deal's %s score computed on its own (served before the first scores are stored) is the one a full rescore writes",
    (kind) => {
      const e = load(ws);
      e.setModel(kind === 'prior' ? null : model);
      const written = e.rescoreAll().upserts.filter((u) => u.subjectType === 'opportunity');
      expect(written.length).toBeGreaterThan(10);
      for (const u of written) expect(e.opportunityScore(u.subjectId)).toEqual(JSON.parse(u.payload));
      expect(e.opportunityScore('opp_nobody')).toBeNull();
    },
  );

  it('edited and deleted interactions and journey steps leave the scores a fresh load of the final documents gives', () => {
    const e = load(ws);
    e.rescoreAll();
    // Every third interaction edited (moved a week earlier, a different sentiment), every fifth
    // deleted; the same for journey steps. Slots are found by id (id-index.ts) for both.
    const edited = ws.interactions.filter((_, k) => k % 3 === 0).map((d) => ({ ...d, at: d.at - 7 * DAY_MS, sentiment: -1 }));
    const deleted = ws.interactions.filter((_, k) => k % 5 === 1);
    const stepsEdited = ws.journeysteps.filter((_, k) => k % 3 === 0).map((d) => ({ ...d, at: d.at - DAY_MS }));
    const stepsDeleted = ws.journeysteps.filter((_, k) => k % 5 === 1);
    e.rescore(e.apply('interactions', edited as never));
    e.rescore(e.remove('interactions', deleted));
    e.rescore(e.apply('journeysteps', stepsEdited as never));
    e.rescore(e.remove('journeysteps', stepsDeleted));
    const gone = new Set([...deleted, ...stepsDeleted].map((d) => d.id as string));
    const byId = new Map<string, unknown>([...edited, ...stepsEdited].map((d) => [d.id, d]));
    const final = (docs: { id: string }[]) => docs.filter((d) => !gone.has(d.id)).map((d) => byId.get(d.id) ?? d);
    const fresh = load({ ...ws, interactions: final(ws.interactions) as never, journeysteps: final(ws.journeysteps) as never });
    const expected = fresh.rescoreAll().upserts.filter((u) => u.subjectType === 'opportunity');
    expect(expected.length).toBeGreaterThan(10);
    // Equal up to the last bits of sums taken in another order (edited slots are appended).
    for (const u of expected) expect(rounded(e.opportunityScore(u.subjectId))).toEqual(rounded(JSON.parse(u.payload)));
  });

  it('a rescore with nothing changed writes nothing', () => {
    engine.setModel(model);
    engine.rescoreAll();
    expect(engine.rescoreAll().upserts).toHaveLength(0);
  });

  it('ranks Today by urgency and worth, each item naming an action', () => {
    const items = engine.todayList(10);
    expect(items.length).toBe(10);
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.rank).toBeGreaterThanOrEqual(items[i]!.rank);
    expect(items.every((i) => i.action !== null)).toBe(true);
  });
});

describe('done and snoozed next actions (issue 15)', () => {
  const ws = generateWorkspace({ size: 'S', seed: 3 });

  it('leaves out a done action for good and a snoozed one until its snooze ends, then ranks the deal by what is left', () => {
    let now = NOW;
    const e = new ScoringEngine(() => now);
    for (const c of ORDER) e.apply(c, ws[c] as never);
    e.rescoreAll();
    const [top] = e.todayList(1);
    const opp = ws.opportunities.find((o) => o.id === top!.opportunityId)!;
    const first = top!.action!;
    const actionsOf = (id: string) => {
      const slotItem = e.todayList(10_000).find((i) => i.opportunityId === id);
      return slotItem?.action ?? null;
    };
    const total = e.todayCount();
    expect(total).toBe(ws.opportunities.filter((o) => o.status === 'open').length);
    expect(e.todayCount(opp.ownerId)).toBeLessThan(total);

    // Snoozed for a day: that action is gone from the deal's top; the rest of its list remains.
    const snoozed = {
      ...opp,
      actionStates: withActionState(undefined, actionKey(first), { state: 'snoozed', until: NOW + DAY_MS, at: NOW, by: opp.ownerId }),
    };
    e.rescore(e.apply('opportunities', [snoozed as never]));
    const during = actionsOf(opp.id);
    expect(during === null ? null : actionKey(during)).not.toBe(actionKey(first));
    // Still snoozed a minute before the end…
    now = NOW + DAY_MS - 60_000;
    e.rescoreAll();
    expect(actionsOf(opp.id) === null ? null : actionKey(actionsOf(opp.id)!)).not.toBe(actionKey(first));
    // …and back once the clock passes it.
    now = NOW + DAY_MS + 1;
    e.rescoreAll();
    expect(actionKey(actionsOf(opp.id)!)).toBe(actionKey(first));

    // Done: gone, whatever the clock says later.
    const done = {
      ...opp,
      actionStates: withActionState(snoozed.actionStates, actionKey(first), { state: 'done', at: now, by: opp.ownerId }),
    };
    expect(done.actionStates).toHaveLength(1);
    e.rescore(e.apply('opportunities', [done as never]));
    now += 365 * DAY_MS;
    e.rescoreAll();
    const after = actionsOf(opp.id);
    expect(after === null ? null : actionKey(after)).not.toBe(actionKey(first));

    // Reopened (the clock back where the action was top): back.
    now = NOW + DAY_MS + 1;
    const reopened = { ...opp, actionStates: withActionState(done.actionStates, actionKey(first), null) };
    e.apply('opportunities', [reopened as never]);
    e.rescoreAll();
    expect(e.todayList(10_000).some((i) => i.opportunityId === opp.id && i.action && actionKey(i.action) === actionKey(first))).toBe(true);
  });
});
