// Pure (shared): one opportunity's buying group and document. The deal's latents decide who is
// in the group and who the seller actually reaches; the data then shows them.
import {
  type AccountId,
  type BuyingGroupMember,
  type BuyingRole,
  type Opportunity,
  type OpportunityId,
  type Stage,
  STAGES,
  type TeamMemberId,
} from '../domain';
import type { Person } from './org';
import type { AccountPlan, DealPlan } from './plan';
import type { Rng } from './prng';
import { DAY } from './sizes';
import { PRODUCT_LINES, ROUTES_TO_MARKET } from './words/companies';
import { stageHistoryFor } from './stages';

export interface GroupMember {
  person: Person;
  role: BuyingRole;
  /** The seller interacts with this person at all. */
  engaged: boolean;
  /** Fraction of the deal's timeline at which they join the buying journey. */
  joinFrac: number;
  weight: number;
}

export interface Deal {
  doc: Opportunity;
  plan: DealPlan;
  group: GroupMember[];
  start: number;
  /** closedAt for closed deals, now for open ones: the end of recorded activity. */
  end: number;
  /** How far along the ideal six-job journey the deal got by `end` (0..1). */
  reach: number;
}

const GROUP_MEDIAN = { enterprise: 12, mid_market: 9, smb: 7 } as const;
const LOST_STAGE_SHARE = [0.15, 0.25, 0.3, 0.2, 0.1];
/** Late joiners: procurement and legal arrive when a supplier is being chosen. */
const JOIN_FRAC: Partial<Record<BuyingRole, [number, number]>> = {
  champion: [0, 0.1],
  user: [0, 0.35],
  influencer: [0, 0.4],
  technical_evaluator: [0.15, 0.45],
  decision_maker: [0.1, 0.5],
  economic_buyer: [0.3, 0.6],
  procurement: [0.55, 0.75],
  legal: [0.6, 0.8],
};

function takeOne(rng: Rng, pool: Person[], used: Set<Person>, ok: (p: Person) => boolean): Person | undefined {
  const options = pool.filter((p) => !used.has(p) && ok(p));
  if (!options.length) return undefined;
  const p = rng.pick(options);
  used.add(p);
  return p;
}

function buildGroup(rng: Rng, people: Person[], plan: DealPlan, size: number): GroupMember[] {
  const l = plan.latents;
  const used = new Set<Person>();
  const members: { person: Person; role: BuyingRole; key: boolean }[] = [];
  const add = (p: Person | undefined, role: BuyingRole, key: boolean) => {
    if (p) members.push({ person: p, role, key });
  };
  const natural = (role: BuyingRole) => (p: Person) => p.pos.role === role;
  // A decision maker or economic buyer the seller never reaches is often still listed.
  if (l.dmReached || rng.chance(0.35)) add(takeOne(rng, people, used, natural('decision_maker')), 'decision_maker', l.dmReached);
  if (l.ebReached || rng.chance(0.4)) add(takeOne(rng, people, used, natural('economic_buyer')), 'economic_buyer', l.ebReached);
  if (l.champion) {
    const c =
      takeOne(rng, people, used, (p) => p.pos.level >= 2 && p.doc.stance !== 'opponent' && p.doc.stance !== 'skeptic') ??
      takeOne(rng, people, used, (p) => p.pos.level >= 2);
    if (c) {
      c.doc.stance = l.championStrength > 0.45 ? 'champion' : 'supporter';
      add(c, 'champion', true);
    }
  }
  if (l.blocker) {
    const b = takeOne(rng, people, used, (p) => p.pos.level >= 1 && p.pos.level <= 3 && p.doc.stance !== 'champion');
    if (b) {
      b.doc.stance = rng.chance(0.6) ? 'opponent' : 'skeptic';
      add(b, 'blocker', l.blockerMet);
    }
  }
  // Fill without adding a reachable DM or EB the latents said the seller does not have.
  const hasRole = (r: BuyingRole) => members.some((m) => m.role === r);
  const rest = rng.sample(
    people.filter((p) => !used.has(p)),
    people.length,
  );
  const skipped: Person[] = [];
  for (const p of rest) {
    if (members.length >= size) break;
    let role = p.pos.role;
    if ((role === 'decision_maker' && !l.dmReached) || (role === 'economic_buyer' && !l.ebReached)) {
      skipped.push(p);
      continue;
    }
    if ((role === 'decision_maker' || role === 'economic_buyer') && hasRole(role)) role = 'influencer';
    members.push({ person: p, role, key: false });
  }
  // Small accounts: executives still sit in the group, as influencers rather than the deciders.
  for (const p of skipped) if (members.length < size) members.push({ person: p, role: 'influencer', key: false });
  // Engage the key people, then others until the engaged share matches the latent.
  const target = Math.max(2, Math.round(l.engagedFrac * members.length));
  let engagedCount = members.filter((m) => m.key).length;
  return members.map((m) => {
    const optional = m.role !== 'decision_maker' && m.role !== 'economic_buyer' && m.role !== 'blocker';
    const engaged = m.key || (optional && engagedCount < target && (engagedCount++, true));
    const [lo, hi] = JOIN_FRAC[m.role] ?? [0.1, 0.6];
    const roleWeight = m.role === 'champion' ? 3 * (0.5 + l.championStrength) : m.role === 'technical_evaluator' ? 1.5 : 1;
    return { person: m.person, role: m.role, engaged, joinFrac: rng.float(lo, hi), weight: roleWeight * m.person.responsiveness };
  });
}

function stageFor(rng: Rng, plan: DealPlan, now: number): { stage: Stage; reach: number } {
  if (plan.status === 'won') return { stage: 'commit', reach: 1 };
  if (plan.status === 'lost') {
    const i = rng.weightedIndex(LOST_STAGE_SHARE);
    return { stage: STAGES[i] as Stage, reach: Math.min(0.95, (i + 1) / 5 + rng.float(-0.05, 0.05)) };
  }
  const elapsed = (now - plan.createdAt) / Math.max(DAY, plan.closeDate - plan.createdAt);
  const i = Math.min(4, Math.floor(Math.min(0.99, elapsed) * 5));
  return { stage: STAGES[i] as Stage, reach: Math.min(0.97, elapsed) };
}

/**
 * Two deals of one account never share a name (people and tests tell deals apart by it). A name
 * already taken gets the close quarter, as sellers write it ("… · Q3 2027"), then a number; no
 * randomness is drawn, so every other generated value stays as it was.
 */
export function uniqueDealName(base: string, closeDate: number, taken: Set<string>): string {
  const d = new Date(closeDate);
  const quarter = `${base} · Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
  let name = taken.has(base) ? quarter : base;
  for (let n = 2; taken.has(name); n++) name = `${quarter} (${n})`;
  taken.add(name);
  return name;
}

export function buildDeal(
  rng: Rng,
  account: AccountPlan,
  accountId: AccountId,
  people: Person[],
  plan: DealPlan,
  id: OpportunityId,
  ownerId: TeamMemberId,
  now: number,
  takenNames: Set<string>,
): Deal {
  const size = Math.min(people.length, Math.max(6, Math.min(20, Math.round(rng.lognormal(GROUP_MEDIAN[account.segment], 0.3)))));
  const group = buildGroup(rng, people, plan, size);
  const { stage, reach } = stageFor(rng, plan, now);
  const end = plan.status === 'open' ? now : plan.closeDate;
  // The current stage began at its share of the timeline walked so far.
  const stageIdx = STAGES.indexOf(stage);
  const stageChangedAt = Math.round(plan.createdAt + (end - plan.createdAt) * (stageIdx / 5 / Math.max(reach, 0.2)) * 0.95);
  const amountMedian = account.segment === 'enterprise' ? 220_000 : account.segment === 'mid_market' ? 60_000 : 14_000;
  const members: BuyingGroupMember[] = group.map((m) => ({ stakeholderId: m.person.doc.id, role: m.role }));
  const productLine = rng.pick(PRODUCT_LINES);
  const doc: Opportunity = {
    id,
    accountId,
    name: uniqueDealName(
      `${account.name.split(' ')[0]} – ${rng.pick(account.industry.initiatives)} (${productLine})`,
      plan.closeDate,
      takenNames,
    ),
    amount: Math.round(rng.lognormal(amountMedian, 0.6) / 100) * 100,
    currency: 'USD',
    stage,
    stageChangedAt: Math.min(stageChangedAt, end),
    stageHistory: stageHistoryFor(id, plan, stage, Math.min(stageChangedAt, end)),
    createdAt: plan.createdAt,
    closeDate: plan.closeDate,
    status: plan.status,
    ...(plan.status === 'open' ? {} : { closedAt: plan.closeDate }),
    ownerId,
    members,
    crm: {
      routeToMarket: rng.weighted(ROUTES_TO_MARKET, [0.65, 0.28, 0.07]),
      productLine,
      competitor: plan.latents.competitor,
      leadSource: rng.weighted(['inbound', 'outbound', 'partner', 'event'], [0.35, 0.35, 0.15, 0.15]),
    },
    updatedAt: plan.status === 'open' ? Math.min(now, Math.max(stageChangedAt, now - rng.int(0, 20) * DAY)) : plan.closeDate,
  };
  for (const m of group) {
    if (!m.person.doc.buyingRoles.includes(m.role)) m.person.doc.buyingRoles.push(m.role);
  }
  return { doc, plan, group, start: plan.createdAt, end, reach };
}
