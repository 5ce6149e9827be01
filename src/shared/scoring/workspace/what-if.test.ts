// What-if odds are the model's own: "no change" reproduces the deal's score, and a meeting's
// what-if equals the score the deal gets once that very meeting is logged and rescored.
import { generateWorkspace } from '@shared/seed';
import type { Interaction } from '@shared/domain';
import { ScoringEngine } from './engine';
import { opportunityFacts } from './facts';
import { trainingSet } from './history';
import { trainWorkspaceModel } from './model';
import { OpportunityScorePayload } from '@shared/domain';
import { counterfactualFacts, scoreFacts, whatIf } from './what-if';

const NOW = Date.UTC(2026, 10, 1);
const ORDER = ['accounts', 'stakeholders', 'opportunities', 'interactions', 'journeysteps'] as const;

describe('what-if', () => {
  const ws = generateWorkspace({ size: 'S', seed: 3, now: NOW });
  const load = () => {
    const e = new ScoringEngine(() => NOW);
    for (const c of ORDER) e.apply(c, ws[c] as never);
    return e;
  };
  const engine = load();
  engine.rescoreAll();
  const set = trainingSet(engine.state, [], engine.space);
  const model = trainWorkspaceModel(set.rows, set.labels, engine.space, NOW);
  engine.setModel(model);
  const stored = new Map(
    engine
      .rescoreAll()
      .upserts.filter((d) => d.subjectType === 'opportunity')
      .map((d) => [d.subjectId, OpportunityScorePayload.parse(JSON.parse(d.payload))]),
  );
  const open = ws.opportunities.filter((o) => o.status === 'open');

  it('"no change" equals the deal\'s score, for every open deal', () => {
    expect(open.length).toBeGreaterThan(20);
    for (const o of open) {
      const r = engine.whatIfs(o.id)!;
      expect(r.probability).toBeCloseTo(stored.get(o.id)!.probability, 12);
      const facts = opportunityFacts(engine.state, engine.state.opportunityIdx.get(o.id)!, NOW)!;
      const none = whatIf(facts, 'No change', { kind: 'none' }, { space: engine.space, prior: engine.prior, model: engine.model });
      expect(none.to).toBeCloseTo(none.from, 12);
      expect(none.to).toBeCloseTo(stored.get(o.id)!.probability, 12);
    }
  });

  it("a what-if's odds equal the model's score of the modified features", () => {
    const ctx = { space: engine.space, prior: engine.prior, model: engine.model };
    let checked = 0;
    for (const o of open.slice(0, 40)) {
      const facts = opportunityFacts(engine.state, engine.state.opportunityIdx.get(o.id)!, NOW)!;
      for (const w of engine.whatIfs(o.id)!.whatIfs) {
        expect(w.to).toBe(scoreFacts(counterfactualFacts(facts, w.change), ctx).probability);
        expect(w.from).toBe(scoreFacts(facts, ctx).probability);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("a meeting's what-if is the score the deal gets once that meeting is logged", () => {
    let checked = 0;
    for (const o of open) {
      const meet = engine.whatIfs(o.id)!.whatIfs.find((w) => w.change.kind === 'meet');
      if (!meet || meet.change.kind !== 'meet') continue;
      const after = load();
      after.setModel(model);
      after.rescoreAll();
      const logged: Interaction = {
        id: `int_whatif_${o.id}` as never,
        accountId: o.accountId,
        opportunityId: o.id,
        kind: 'meeting',
        at: NOW,
        channel: 'video',
        direction: 'two_way',
        sentiment: 0,
        attendeeIds: [meet.change.stakeholderId as never],
        loggedBy: o.ownerId,
        notes: 'what-if check',
        updatedAt: NOW,
      };
      after.apply('interactions', [logged as never]);
      // Same prior intercept and space as the what-if was computed with (a full rescore would refresh them alike).
      const real = after.whatIfs(o.id)!.probability;
      expect(meet.to).toBeCloseTo(real, 9);
      expect(meet.factors.length).toBeGreaterThan(0);
      if (++checked >= 8) break;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('"if she became a champion" is offered for a member, worded as a person', () => {
    const o = open.find((x) => x.members.some((m) => m.role !== 'champion'))!;
    const m = o.members.find((x) => x.role !== 'champion')!;
    const r = engine.whatIfs(o.id, m.stakeholderId)!;
    expect(r.person?.title).toMatch(/^If .+ became a champion$/);
    expect(r.person?.from).toBe(r.probability);
  });

  it('a decision maker or economic buyer who becomes a champion keeps the role, and the deal gains a champion', () => {
    let checked = 0;
    for (const o of open) {
      const facts = opportunityFacts(engine.state, engine.state.opportunityIdx.get(o.id)!, NOW)!;
      for (const m of facts.members) {
        if ((m.role !== 'decision_maker' && m.role !== 'economic_buyer') || !m.engagement.reached || !m.stakeholder) continue;
        if (facts.members.some((x) => x.role === 'champion')) continue;
        const after = counterfactualFacts(facts, { kind: 'becomes_champion', stakeholderId: m.stakeholder.id });
        expect(after.reached[m.role]).toBe(true);
        expect(after.reached.champion).toBe(true);
        expect(after.championStrength).toBeGreaterThan(0);
        expect(
          after.members.filter((x) => x.stakeholder?.id === m.stakeholder!.id).every((x) => x.stakeholder!.stance === 'champion'),
        ).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    // A blocker who becomes a champion stops being the blocker.
    const withBlocker = open
      .map((o) => opportunityFacts(engine.state, engine.state.opportunityIdx.get(o.id)!, NOW)!)
      .find((f) => f.members.filter((m) => m.role === 'blocker' && m.stakeholder).length === 1)!;
    expect(withBlocker.blockerPresent).toBe(true);
    const blocker = withBlocker.members.find((m) => m.role === 'blocker')!.stakeholder!;
    expect(counterfactualFacts(withBlocker, { kind: 'becomes_champion', stakeholderId: blocker.id }).blockerPresent).toBe(false);
  });

  it('offers only actions the model can see', () => {
    for (const o of open) for (const w of engine.whatIfs(o.id)!.whatIfs) expect(['meet', 'add_member']).toContain(w.change.kind);
  });
});
