import { describe, expect, it } from 'vitest';
import type { AccountId } from '../domain';
import { buildOrg } from './org';
import { planWorkspace } from './plan';
import { Rng, hashSeed } from './prng';
import { DEFAULT_NOW, SIZE_PROFILES } from './sizes';

describe('big buying groups (issue 17)', () => {
  const plan = planWorkspace('L', 1, DEFAULT_NOW);
  const big = plan.accounts.filter((a) => a.stakeholders >= 60);

  it('L has enterprise accounts with 60–80 people, and its totals still hold', () => {
    const { bigGroups, stakeholders } = SIZE_PROFILES.L;
    expect(big.length).toBe(bigGroups!.accounts);
    for (const a of big) {
      expect(a.segment).toBe('enterprise');
      expect(a.stakeholders).toBeLessThanOrEqual(80);
    }
    expect(plan.accounts.reduce((n, a) => n + a.stakeholders, 0)).toBe(stakeholders);
    expect(Math.min(...plan.accounts.map((a) => a.stakeholders))).toBeGreaterThanOrEqual(6);
  });

  it('a big account builds a real org: unique names, one reporting tree, several departments', () => {
    const ap = big[0]!;
    const org = buildOrg(new Rng(hashSeed(plan.seed, 0xacc, ap.index)), ap, `acc_${plan.tag}_${ap.index}` as AccountId, plan.tag, plan.now);
    expect(org.people).toHaveLength(ap.stakeholders);
    expect(new Set(org.people.map((p) => p.doc.name)).size).toBe(org.people.length);
    const reports = new Set(org.relationships.filter((r) => r.kind === 'reports_to').map((r) => r.fromId));
    // Everyone but the chief reports to someone.
    expect(reports.size).toBe(org.people.length - 1);
    expect(new Set(org.people.map((p) => p.doc.department)).size).toBeGreaterThanOrEqual(4);
  });

  it('sizes without big groups plan the same people per account as before (none reaches 60)', () => {
    for (const size of ['XS', 'S', 'M'] as const) {
      expect(SIZE_PROFILES[size].bigGroups).toBeUndefined();
      expect(Math.max(...planWorkspace(size, 1, DEFAULT_NOW).accounts.map((a) => a.stakeholders))).toBeLessThan(60);
    }
  });
});
