import { COLLECTIONS, STAGE_HISTORY_MAX, STAGES } from '../domain';
import { generateAccount, generateWorkspace, generateWorkspaceBatches, peoplePerAccount, SEED_COLLECTIONS } from './generate';
import { SIZE_PROFILES } from './sizes';

const xs = generateWorkspace({ size: 'XS', seed: 7 });
const s = generateWorkspace({ size: 'S', seed: 11 });

function within(actual: number, target: number, tolerance = 0.05): boolean {
  return Math.abs(actual - target) <= target * tolerance;
}

describe('generateWorkspace', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateWorkspace({ size: 'XS', seed: 7 }))).toBe(JSON.stringify(xs));
    const other = generateWorkspace({ size: 'XS', seed: 8 });
    expect(other.accounts.map((a) => a.name)).not.toEqual(xs.accounts.map((a) => a.name));
    expect(other.interactions[0]?.at).not.toBe(xs.interactions[0]?.at);
  });

  it('honours `now`: nothing is dated after it', () => {
    const now = Date.UTC(2025, 0, 15);
    const ws = generateWorkspace({ size: 'XS', seed: 3, now });
    expect(Math.max(...ws.interactions.map((i) => i.at))).toBeLessThanOrEqual(now);
    expect(Math.max(...ws.opportunities.map((o) => o.createdAt))).toBeLessThanOrEqual(now);
  });

  it.each([
    ['XS', xs],
    ['S', s],
  ] as const)('hits the %s size profile within 5%%', (size, ws) => {
    const p = SIZE_PROFILES[size];
    expect(ws.accounts.length).toBe(p.accounts);
    expect(within(ws.stakeholders.length, p.stakeholders)).toBe(true);
    expect(within(ws.opportunities.length, p.opportunities)).toBe(true);
    expect(within(ws.interactions.length, p.interactions)).toBe(true);
  });

  it.each([
    ['XS', xs],
    ['S', s],
  ] as const)('%s: every document parses and every reference resolves', (_size, ws) => {
    for (const name of SEED_COLLECTIONS) {
      const schema = COLLECTIONS[name].schema;
      for (const doc of ws[name] as unknown[]) schema.parse(doc);
    }
    const ids = (list: { id: string }[]) => new Set(list.map((d) => d.id));
    const accounts = ids(ws.accounts);
    const people = ids(ws.stakeholders);
    const opps = ids(ws.opportunities);
    const team = ids(ws.teammembers);
    const all = [...SEED_COLLECTIONS].flatMap((n) => (ws[n] as { id: string }[]).map((d) => d.id));
    expect(new Set(all).size).toBe(all.length);
    for (const a of ws.accounts) expect(team.has(a.ownerId as string)).toBe(true);
    for (const st of ws.stakeholders) expect(accounts.has(st.accountId)).toBe(true);
    for (const r of ws.relationships) expect(people.has(r.fromId) && people.has(r.toId) && r.fromId !== r.toId).toBe(true);
    for (const o of ws.opportunities) {
      expect(team.has(o.ownerId)).toBe(true);
      for (const m of o.members) expect(people.has(m.stakeholderId)).toBe(true);
    }
    for (const i of ws.interactions) {
      expect(i.opportunityId === undefined || opps.has(i.opportunityId)).toBe(true);
      expect(i.attendeeIds.every((id) => people.has(id)) && team.has(i.loggedBy)).toBe(true);
    }
    for (const j of ws.journeysteps) expect(opps.has(j.opportunityId) && people.has(j.stakeholderId)).toBe(true);
    for (const n of ws.workshopnotes) expect(opps.has(n.opportunityId) && team.has(n.authorId)).toBe(true);
  });

  it('streams team members first and each account before the documents that reference it', () => {
    const seen = new Set<string>();
    let first = true;
    for (const batch of generateWorkspaceBatches({ size: 'XS', seed: 7 })) {
      if (first) expect(batch.collection).toBe('teammembers');
      first = false;
      for (const doc of batch.docs) {
        const accountId = (doc as { accountId?: string }).accountId;
        if (accountId) expect(seen.has(accountId)).toBe(true);
        seen.add(doc.id);
      }
    }
  });

  it('rejects a seed that is not a non-negative integer', () => {
    expect(() => generateWorkspace({ size: 'XS', seed: 1.5 })).toThrow(/seed/);
  });
});

describe('generateAccount', () => {
  it('gives one account exactly as the whole workspace holds it, and says so when there is no such account', () => {
    const whole = generateWorkspace({ size: 'XS', seed: 3 });
    const counts = peoplePerAccount({ size: 'XS', seed: 3 });
    const index = counts.indexOf(Math.max(...counts));
    const one = generateAccount({ size: 'XS', seed: 3 }, index);
    const accountId = one.accounts[0]!.id;
    expect(one.accounts).toHaveLength(1);
    expect(one.stakeholders).toHaveLength(counts[index]!);
    for (const c of SEED_COLLECTIONS) {
      const mine =
        c === 'teammembers'
          ? whole[c]
          : (whole[c] as { accountId?: string; id: string }[]).filter((d) => (d.accountId ?? d.id) === accountId);
      expect(one[c], c).toEqual(mine);
    }
    expect(() => generateAccount({ size: 'XS', seed: 3 }, counts.length)).toThrow(RangeError);
  });
});

describe('generated stage histories', () => {
  const deals = s.opportunities;

  it('run from the deal’s creation to its current stage, in time order, within the schema’s bounds', () => {
    for (const o of deals) {
      const h = o.stageHistory!;
      expect(h.length).toBeGreaterThan(0);
      expect(h.length).toBeLessThanOrEqual(STAGE_HISTORY_MAX);
      expect(h.at(-1)).toEqual({ stage: o.stage, at: o.stageChangedAt });
      expect(h[0]!.at).toBeGreaterThanOrEqual(o.createdAt);
      for (let i = 1; i < h.length; i++) expect(h[i]!.at).toBeGreaterThanOrEqual(h[i - 1]!.at);
    }
  });

  it('loop back for some deals, lost deals more often than won ones', () => {
    const loops = (status: string) => {
      const of = deals.filter((o) => o.status === status && STAGES.indexOf(o.stage) >= 2);
      const looped = of.filter((o) =>
        o.stageHistory!.some((c, i, h) => i > 0 && STAGES.indexOf(c.stage) < STAGES.indexOf(h[i - 1]!.stage)),
      );
      return looped.length / of.length;
    };
    expect(loops('won')).toBeGreaterThan(0.05);
    expect(loops('lost')).toBeGreaterThan(loops('won') + 0.1);
  });
});
