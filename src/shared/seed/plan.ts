// Pure (shared): the cheap first pass over a whole workspace: every account's shape and every
// deal's dates, latents and outcome. It is small (tens of bytes per deal even for L), and it
// lets the exact size totals be split across accounts before any document is written, so
// batches can then be generated one account at a time in any order.
import type { OpportunityStatus, TeamMember, TeamMemberId, TeamRole } from '../domain';
import { allocate } from './allocate';
import { type DealLatents, type Segment, dealHealth, drawLatents, drawWon } from './health';
import { Rng, hashSeed, sigmoid } from './prng';
import { DAY, SIZE_PROFILES, type SeedSize } from './sizes';
import { INDUSTRIES, INDUSTRY_WEIGHTS, NAME_QUALIFIERS, NAME_STEMS, type Industry } from './words/companies';
import { NAMES } from './words/names';
import { REGIONS, REGION_WEIGHTS, type Region, type Zone } from './words/regions';

export interface DealPlan {
  createdAt: number;
  /** closedAt for closed deals, the expected close date for open ones. */
  closeDate: number;
  status: OpportunityStatus;
  latents: DealLatents;
  health: number;
  interactions: number;
  ownerIdx: number;
}

export interface AccountPlan {
  index: number;
  name: string;
  domain: string;
  industry: Industry;
  region: Region;
  zone: Zone;
  segment: Segment;
  employees: number;
  stakeholders: number;
  ownerIdx: number;
  deals: DealPlan[];
}

export interface WorkspacePlan {
  seed: number;
  now: number;
  /** Short seed tag inside every id, so two demo workspaces never share ids. */
  tag: string;
  team: TeamMember[];
  accounts: AccountPlan[];
}

const SEGMENTS: readonly Segment[] = ['enterprise', 'mid_market', 'smb'];
const SEGMENT_SHARE = [0.2, 0.4, 0.4];
const SEGMENT_PEOPLE = { enterprise: 2.2, mid_market: 1, smb: 0.6 } as const;
const SEGMENT_DEALS = { enterprise: 1.8, mid_market: 1, smb: 0.6 } as const;
const CYCLE_DAYS = { enterprise: 140, mid_market: 75, smb: 35 } as const;
const EMPLOYEES = { enterprise: 20_000, mid_market: 1_500, smb: 150 } as const;

export function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '')
    .toLowerCase();
}

function planTeam(rng: Rng, count: number, tag: string, now: number): TeamMember[] {
  const team: TeamMember[] = [];
  for (let i = 0; i < count; i++) {
    const region = rng.weighted(REGIONS, REGION_WEIGHTS);
    const names = NAMES[rng.pick(region.locales)];
    const first = rng.pick(names.first);
    const last = rng.pick(names.last);
    // Mostly sellers; a planner and facilitator per ~8 people and a manager per ~10.
    const role: TeamRole =
      i === 0 ? 'manager' : i % 10 === 0 ? 'manager' : i % 8 === 1 ? 'planner' : i % 8 === 2 ? 'facilitator' : 'seller';
    team.push({
      id: `tm_${tag}_${i}` as TeamMemberId,
      name: `${first} ${last}`,
      email: `${ascii(first)}.${ascii(last)}${i}@deepsales.example`,
      role,
      timezone: rng.pick(region.zones).name,
      updatedAt: now - 800 * DAY,
    });
  }
  return team;
}

function companyName(rng: Rng, industry: Industry, region: Region, used: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const stem = rng.pick(NAME_STEMS);
    const mid = rng.chance(0.3) ? `${rng.pick(NAME_QUALIFIERS)} ` : '';
    const base = `${stem} ${mid}${rng.pick(industry.nouns)}`;
    const name = attempt < 20 ? base : `${base} ${region.name.split(' ')[0]} ${attempt}`;
    if (!used.has(name)) {
      used.add(name);
      return `${name}${rng.chance(0.6) ? ` ${rng.pick(region.legalForms)}` : ''}`;
    }
  }
}

function planDeal(rng: Rng, segment: Segment, now: number, ownerIdx: number): Omit<DealPlan, 'interactions'> & { weight: number } {
  const cycle = Math.max(10, rng.lognormal(CYCLE_DAYS[segment], 0.45)) * DAY;
  const latents = drawLatents(rng, segment);
  const health = dealHealth(latents);
  const closed = rng.chance(0.6);
  let createdAt: number;
  let closeDate: number;
  let status: OpportunityStatus = 'open';
  if (closed) {
    closeDate = now - rng.float(3, 700) * DAY;
    createdAt = Math.max(now - 730 * DAY + rng.float(0, 20) * DAY, closeDate - cycle);
    status = drawWon(rng, health) ? 'won' : 'lost';
  } else {
    createdAt = now - Math.min(700, Math.max(2, rng.float(0.03, 1.2) * (cycle / DAY))) * DAY;
    closeDate = createdAt + cycle;
    // Slipped deals: the expected date passed and the seller pushed it out.
    if (closeDate < now + DAY) closeDate = now + rng.float(7, 75) * DAY;
  }
  createdAt = Math.round(createdAt);
  closeDate = Math.round(closeDate);
  const lifeDays = (Math.min(closeDate, now) - createdAt) / DAY;
  const segmentPace = segment === 'enterprise' ? 1.4 : segment === 'mid_market' ? 1 : 0.7;
  // Healthier deals get more touch points: another, coarser signal beside who is engaged.
  const weight = Math.pow(Math.max(lifeDays, 3), 0.7) * segmentPace * (0.6 + 0.8 * sigmoid(health)) * rng.lognormal(1, 0.3);
  return { createdAt, closeDate, status, latents, health, ownerIdx, weight };
}

export function planWorkspace(size: SeedSize, seed: number, now: number): WorkspacePlan {
  const profile = SIZE_PROFILES[size];
  const rng = new Rng(hashSeed(seed, 0x91a4));
  const tag = (seed >>> 0).toString(36);
  const team = planTeam(rng, profile.teamMembers, tag, now);
  const sellers = team.map((t, i) => (t.role === 'seller' || t.role === 'manager' ? i : -1)).filter((i) => i >= 0);
  const used = new Set<string>();
  const shapes = Array.from({ length: profile.accounts }, (_, index) => {
    const segment = rng.weighted(SEGMENTS, SEGMENT_SHARE);
    const industry = rng.weighted(INDUSTRIES, INDUSTRY_WEIGHTS);
    const region = rng.weighted(REGIONS, REGION_WEIGHTS);
    const name = companyName(rng, industry, region, used);
    const domain = `${ascii(name.split(' ').slice(0, 2).join(''))}.${region.tld}`;
    return {
      index,
      name,
      domain,
      industry,
      region,
      segment,
      zone: rng.pick(region.zones),
      employees: Math.max(10, Math.round(rng.lognormal(EMPLOYEES[segment], 0.5))),
      ownerIdx: rng.pick(sellers),
      peopleWeight: SEGMENT_PEOPLE[segment] * rng.lognormal(1, 0.25),
      dealWeight: SEGMENT_DEALS[segment] * rng.lognormal(1, 0.3),
    };
  });
  // A few enterprise accounts get a big group (60–80 people in L), drawn from their own stream
  // so the rest of the plan is the same draw as without them.
  const big = new Map<number, number>();
  if (profile.bigGroups) {
    const bigRng = new Rng(hashSeed(seed, 0xb16));
    const enterprise = shapes.filter((s) => s.segment === 'enterprise').map((s) => s.index);
    const { accounts: count, min, max } = profile.bigGroups;
    for (const i of bigRng.sample(enterprise, Math.min(count, enterprise.length))) big.set(i, bigRng.int(min, max));
  }
  const bigTotal = [...big.values()].reduce((a, b) => a + b, 0);
  const rest = shapes.filter((s) => !big.has(s.index));
  // Six people is the smallest buying group, so no account may have fewer.
  const restPeople = allocate(
    profile.stakeholders - bigTotal,
    rest.map((s) => s.peopleWeight),
    6,
  );
  const restAt = new Map(rest.map((s, k) => [s.index, restPeople[k] as number]));
  const people = shapes.map((s) => big.get(s.index) ?? (restAt.get(s.index) as number));
  const dealCounts = allocate(
    profile.opportunities,
    shapes.map((s) => s.dealWeight),
    1,
  );
  const drafts = shapes.map((s, i) =>
    Array.from({ length: dealCounts[i] as number }, () => planDeal(rng, s.segment, now, rng.chance(0.85) ? s.ownerIdx : rng.pick(sellers))),
  );
  const touches = allocate(
    profile.interactions,
    drafts.flat().map((d) => d.weight),
    8,
  );
  let k = 0;
  const accounts: AccountPlan[] = shapes.map((s, i) => {
    const { peopleWeight: _p, dealWeight: _d, ...rest } = s;
    const deals = (drafts[i] as ReturnType<typeof planDeal>[]).map(({ weight: _w, ...d }) => ({
      ...d,
      interactions: touches[k++] as number,
    }));
    return { ...rest, stakeholders: people[i] as number, deals };
  });
  return { seed, now, tag, team, accounts };
}
