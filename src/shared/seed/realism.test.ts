import type { Interaction, Opportunity } from '../domain';
import { generateWorkspace } from './generate';

const ws = generateWorkspace({ size: 'S', seed: 2026 });

describe('seeded workspace realism', () => {
  it('gives about one person in ten a second manager, on a reports_to tree per account', () => {
    const managers = new Map<string, number>();
    for (const r of ws.relationships) if (r.kind === 'reports_to') managers.set(r.fromId, (managers.get(r.fromId) ?? 0) + 1);
    const two = [...managers.values()].filter((n) => n === 2).length / ws.stakeholders.length;
    expect(two).toBeGreaterThan(0.06);
    expect(two).toBeLessThan(0.14);
    // Exactly one root (no manager) per account.
    const roots = ws.stakeholders.filter((s) => !managers.has(s.id));
    expect(roots.length).toBe(ws.accounts.length);
    expect(ws.relationships.some((r) => r.kind === 'influences')).toBe(true);
    expect(ws.relationships.some((r) => r.kind === 'allied_with')).toBe(true);
    expect(ws.relationships.some((r) => r.kind === 'conflicts_with')).toBe(true);
  });

  it('builds buying groups of 6 to 20 people with champions and blockers in some', () => {
    for (const o of ws.opportunities) {
      expect(o.members.length).toBeGreaterThanOrEqual(6);
      expect(o.members.length).toBeLessThanOrEqual(20);
      expect(new Set(o.members.map((m) => m.stakeholderId)).size).toBe(o.members.length);
    }
    const share = (role: string) => ws.opportunities.filter((o) => o.members.some((m) => m.role === role)).length / ws.opportunities.length;
    expect(share('champion')).toBeGreaterThan(0.4);
    expect(share('blocker')).toBeGreaterThan(0.15);
  });

  it('closes about 60% of deals and keeps journeys non-linear', () => {
    const closed = ws.opportunities.filter((o) => o.status !== 'open').length / ws.opportunities.length;
    expect(closed).toBeGreaterThan(0.5);
    expect(closed).toBeLessThan(0.7);
    const journeys = new Map<string, boolean>();
    for (const s of ws.journeysteps) {
      const key = `${s.opportunityId}/${s.stakeholderId}`;
      journeys.set(key, (journeys.get(key) ?? false) || s.move === 'loop_back');
    }
    const looped = [...journeys.values()].filter(Boolean).length / journeys.size;
    expect(looped).toBeGreaterThan(0.2);
    expect(looped).toBeLessThan(0.4);
  });

  it('keeps interactions consistent: business hours, sensible direction, buying job from the journey', () => {
    const byKind = (k: Interaction['kind']) => ws.interactions.filter((i) => i.kind === k);
    expect(byKind('meeting').every((i) => i.direction === 'two_way')).toBe(true);
    expect(byKind('web_visit').every((i) => i.direction === 'inbound')).toBe(true);
    const emails = byKind('email');
    expect(emails.filter((i) => i.direction === 'outbound').length / emails.length).toBeGreaterThan(0.6);
    const zoneOf = new Map<string, string>(ws.stakeholders.map((s) => [s.id, s.timezone ?? 'UTC']));
    const sample = ws.interactions.filter((_, n) => n % 50 === 0);
    for (const i of sample) {
      const zone = zoneOf.get(i.attendeeIds[0] as string) as string;
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', weekday: 'short', hourCycle: 'h23' }).formatToParts(
        new Date(i.at),
      );
      const hour = Number(local.find((p) => p.type === 'hour')?.value);
      const weekday = local.find((p) => p.type === 'weekday')?.value;
      expect(hour).toBeGreaterThanOrEqual(7);
      expect(hour).toBeLessThanOrEqual(19);
      expect(['Sat', 'Sun']).not.toContain(weekday);
    }
    const first = ws.journeysteps[0];
    expect(first?.move).toBe('start');
  });

  it("reads each interaction's buying job from its main attendee's journey at that moment", () => {
    const steps = new Map<string, { at: number; job: string }[]>();
    for (const s of ws.journeysteps) {
      const key = `${s.opportunityId}/${s.stakeholderId}`;
      steps.set(key, [...(steps.get(key) ?? []), { at: s.at, job: s.job }]);
    }
    for (const i of ws.interactions) {
      if (!i.opportunityId) continue;
      const journey = steps.get(`${i.opportunityId}/${i.attendeeIds[0]}`) ?? [];
      expect(journey.length).toBeGreaterThan(0);
      const current = journey.filter((s) => s.at <= i.at).at(-1) ?? journey[0];
      expect(i.buyingJob).toBe(current?.job);
    }
  });

  it('makes won deals more likely with a champion and decision-maker coverage', () => {
    const attended = new Map<string, Set<string>>();
    for (const i of ws.interactions) {
      if (!i.opportunityId) continue;
      const set = attended.get(i.opportunityId) ?? new Set<string>();
      for (const a of i.attendeeIds) set.add(a);
      attended.set(i.opportunityId, set);
    }
    const covered = (o: Opportunity) =>
      o.members.some((m) => m.role === 'champion') &&
      o.members.some((m) => m.role === 'decision_maker' && attended.get(o.id)?.has(m.stakeholderId));
    const closed = ws.opportunities.filter((o) => o.status !== 'open');
    const rate = (list: Opportunity[]) => list.filter((o) => o.status === 'won').length / list.length;
    const withCover = closed.filter(covered);
    const without = closed.filter((o) => !covered(o));
    expect(withCover.length).toBeGreaterThan(10);
    expect(rate(withCover) - rate(without)).toBeGreaterThan(0.2);
    // ...but not a rule: some covered deals are lost and some uncovered ones won.
    expect(rate(withCover)).toBeLessThan(0.95);
    expect(rate(without)).toBeGreaterThan(0.05);
  });
});
