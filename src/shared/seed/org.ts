// Pure (shared): one account's people and org chart. reports_to edges form a tree rooted at the
// chief executive; about one person in ten also has a dotted-line second manager (matrix orgs).
import type { AccountId, BuyingRole, Relationship, RelationshipId, RelationshipKind, Stakeholder, StakeholderId, Stance } from '../domain';
import { ascii, type AccountPlan } from './plan';
import type { Rng } from './prng';
import { DAY } from './sizes';
import { NAMES } from './words/names';
import type { Zone } from './words/regions';
import { CORE_POSITIONS, DEPARTMENT_HEAD, EXTRA_POSITIONS, NEEDS, PAINS, type Position } from './words/roles';

export interface Person {
  doc: Stakeholder;
  pos: Position;
  zone: Zone;
  /** Preferred local minute of day and weekdays (1 = Monday): the learnable best time to reach them. */
  prefMinute: number;
  prefDays: number[];
  /** How readily they engage; multiplies their share of interactions. */
  responsiveness: number;
}

export interface Org {
  people: Person[];
  relationships: Relationship[];
  nextRelId: () => RelationshipId;
}

const STANCES: readonly Stance[] = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'];
const STANCE_SHARE = [0.05, 0.22, 0.38, 0.14, 0.05, 0.16];
const EXTRA_WEIGHTS = EXTRA_POSITIONS.map((e) => e.weight);
const PREF_MINUTES = [9 * 60, 9 * 60 + 30, 10 * 60, 11 * 60, 13 * 60 + 30, 14 * 60, 15 * 60, 16 * 60];

function positionsFor(rng: Rng, n: number): Position[] {
  const out = CORE_POSITIONS.slice(0, n);
  const seniorTaken = new Set(out.map((p) => p.title));
  while (out.length < n) {
    const pos = rng.weighted(EXTRA_POSITIONS, EXTRA_WEIGHTS).pos;
    // Only one of each executive; managers and individual contributors repeat in big accounts.
    if (pos.level <= 2 && seniorTaken.has(pos.title)) continue;
    seniorTaken.add(pos.title);
    out.push(pos);
  }
  return out;
}

function influenceOf(rng: Rng, level: number): number {
  return Math.max(1, Math.min(5, 5 - Math.floor(level * 0.9) + (rng.chance(0.3) ? -1 : 0) + (rng.chance(0.15) ? 1 : 0)));
}

/** The person's most senior possible manager: same department first, then the department's head. */
function pickManager(rng: Rng, people: Person[], i: number): number {
  const me = (people[i] as Person).pos;
  const above = people
    .slice(0, i)
    .map((p, j) => [p, j] as const)
    .filter(([p]) => p.pos.level < me.level);
  const sameDept = above.filter(([p]) => p.pos.department === me.department);
  const closest = (list: typeof above) => {
    const best = Math.max(...list.map(([p]) => p.pos.level));
    return rng.pick(list.filter(([p]) => p.pos.level === best))[1];
  };
  if (sameDept.length) return closest(sameDept);
  const headDept = DEPARTMENT_HEAD[me.department] ?? 'Executive';
  const heads = above.filter(([p]) => p.pos.department === headDept);
  return heads.length ? closest(heads) : 0;
}

export function buildOrg(rng: Rng, plan: AccountPlan, accountId: AccountId, tag: string, now: number): Org {
  const positions = positionsFor(rng, plan.stakeholders);
  const names = new Set<string>();
  const people: Person[] = positions.map((pos, i) => {
    const list = NAMES[rng.pick(plan.region.locales)];
    let first = rng.pick(list.first);
    let last = rng.pick(list.last);
    while (names.has(`${first} ${last}`)) {
      first = rng.pick(list.first);
      last = rng.pick(list.last);
    }
    names.add(`${first} ${last}`);
    const zone = rng.chance(0.85) ? plan.zone : rng.pick(plan.region.zones);
    const role: BuyingRole = pos.role;
    const doc: Stakeholder = {
      id: `st_${tag}_${plan.index}_${i}` as StakeholderId,
      accountId,
      name: `${first} ${last}`,
      title: pos.title,
      department: pos.department,
      email: `${ascii(first)}.${ascii(last)}@${plan.domain}`,
      phone: `${plan.region.phonePrefix} ${rng.int(200, 989)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`,
      buyingRoles: [role],
      stance: rng.weighted(STANCES, STANCE_SHARE),
      influence: influenceOf(rng, pos.level),
      needs: rng.sample(NEEDS[role], rng.int(1, 3)),
      pains: rng.sample(PAINS[role], rng.int(1, 2)),
      timezone: zone.name,
      updatedAt: now - rng.int(1, 700) * DAY,
    };
    const d1 = rng.int(1, 5);
    const d2 = 1 + ((d1 + rng.int(0, 3)) % 5);
    return {
      doc,
      pos,
      zone,
      prefMinute: rng.pick(PREF_MINUTES),
      prefDays: d1 === d2 ? [d1] : [d1, d2],
      responsiveness: rng.lognormal(1, 0.4),
    };
  });

  const relationships: Relationship[] = [];
  let relN = 0;
  const nextRelId = () => `rel_${tag}_${plan.index}_${relN++}` as RelationshipId;
  const edge = (from: number, to: number, kind: RelationshipKind, strength: number, source: 'manual' | 'inferred' = 'manual') => {
    relationships.push({
      id: nextRelId(),
      accountId,
      fromId: (people[from] as Person).doc.id,
      toId: (people[to] as Person).doc.id,
      kind,
      strength: Math.round(strength * 100) / 100,
      source,
      updatedAt: now - rng.int(1, 600) * DAY,
    });
  };
  const managers: number[][] = people.map(() => []);
  for (let i = 1; i < people.length; i++) {
    const m = pickManager(rng, people, i);
    managers[i] = [m];
    edge(i, m, 'reports_to', rng.float(0.7, 1));
  }
  // Dotted lines: a second, more senior manager in another department (never the first one).
  for (let i = 2; i < people.length; i++) {
    if (!rng.chance(0.135)) continue;
    const me = (people[i] as Person).pos;
    const options = people
      .map((p, j) => j)
      .filter(
        (j) =>
          j < i &&
          j !== managers[i]?.[0] &&
          (people[j] as Person).pos.level < me.level &&
          (people[j] as Person).pos.department !== me.department,
      );
    if (options.length) edge(i, rng.pick(options), 'reports_to', rng.float(0.3, 0.7));
  }
  for (let i = 0; i < people.length; i++) {
    const p = people[i] as Person;
    const others = () => {
      let j = rng.int(0, people.length - 1);
      if (j === i) j = (j + 1) % people.length;
      return j;
    };
    if (p.doc.influence >= 3 && rng.chance(0.6))
      edge(i, others(), 'influences', rng.float(0.3, 1), rng.chance(0.3) ? 'inferred' : 'manual');
    if (rng.chance(0.2)) edge(i, others(), 'allied_with', rng.float(0.4, 1));
    if (rng.chance(p.doc.stance === 'opponent' || p.doc.stance === 'skeptic' ? 0.25 : 0.06))
      edge(i, others(), 'conflicts_with', rng.float(0.3, 0.9));
  }
  return { people, relationships, nextRelId };
}
