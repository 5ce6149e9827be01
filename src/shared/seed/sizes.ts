// Pure (shared): the workspace sizes the demo, tests and benchmarks agree on.

export type SeedSize = 'XS' | 'S' | 'M' | 'L';
export const SEED_SIZES: readonly SeedSize[] = ['XS', 'S', 'M', 'L'];

export interface SizeProfile {
  accounts: number;
  stakeholders: number;
  opportunities: number;
  interactions: number;
  teamMembers: number;
  /**
   * Enterprise accounts whose buying group is big (min–max people, across business units), as
   * planners meet at the largest customers. Taken out of the stakeholder total first, so the
   * totals hold; sizes without it are generated exactly as before.
   */
  bigGroups?: { accounts: number; min: number; max: number };
}

export const SIZE_PROFILES: Record<SeedSize, SizeProfile> = {
  // XS is the demo: enough closed deals (~50) that the Model page shows a learned model.
  XS: { accounts: 12, stakeholders: 180, opportunities: 80, interactions: 2_400, teamMembers: 5 },
  S: { accounts: 50, stakeholders: 800, opportunities: 150, interactions: 10_000, teamMembers: 8 },
  M: { accounts: 500, stakeholders: 6_000, opportunities: 2_000, interactions: 100_000, teamMembers: 24 },
  L: {
    accounts: 5_000,
    stakeholders: 60_000,
    opportunities: 20_000,
    interactions: 1_000_000,
    teamMembers: 80,
    bigGroups: { accounts: 25, min: 60, max: 80 },
  },
};

export function describeSize(size: SeedSize): string {
  const p = SIZE_PROFILES[size];
  const k = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : `${n}`);
  return `${k(p.accounts)} accounts / ${k(p.stakeholders)} stakeholders / ${k(p.opportunities)} opportunities / ${k(p.interactions)} interactions`;
}

/** 2026-11-01T00:00:00Z: the fixed "today" of the demo, so output never depends on the clock. */
export const DEFAULT_NOW = Date.UTC(2026, 10, 1);
export const DAY = 86_400_000;
