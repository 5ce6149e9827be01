// Pure (shared): who on our team covers whom in a buying group, and the gaps a planner should
// close, each with a suggested action. The host computes it with the buying group view; the map
// draws it (team initials beside people, flagged people ringed) and lists the gaps.
// Rules:
// 1. Covering = having logged an interaction the person attended. A person's coverers are the
//    team members who did, most meetings first (ties: latest meeting, then id).
// 2. Core roles (CORE_ROLES) are judged per open deal by the roles its members play on it:
//    a role nobody plays is "unfilled"; a role only people nobody on our team met play is
//    "unmet". Without open deals, the people's own buying roles are used, once, account-wide.
//    A role a deal's group lacks but someone at the account holds in their profile suggests
//    adding that person (most influential first), not asking around for a stranger.
// 3. A blocker never met: someone who blocks (blocker role on a deal or in their profile) and
//    attended no logged interaction at all.
// 4. Single-threaded: an open deal where at most one member of its buying group attended a
//    logged interaction in the last THREAD_WINDOW_DAYS (counted from `now`).
// 5. Deterministic and clock-free: `now` is passed in; output order is stable.
import { BUYING_ROLE_LABEL, CORE_ROLES, type BuyingRole } from '../domain';

export const THREAD_WINDOW_DAYS = 60;
const DAY = 86_400_000;

export interface CoveragePerson {
  id: string;
  name: string;
  buyingRoles: readonly BuyingRole[];
  influence: number;
  stance: string;
}
export interface CoverageDeal {
  id: string;
  name: string;
  status: string;
  members: readonly { stakeholderId: string; role: BuyingRole }[];
}
export interface CoverageMeeting {
  at: number;
  attendeeIds: readonly string[];
  loggedBy: string;
  opportunityId?: string | undefined;
}
export interface CoverageTeamMember {
  id: string;
  name: string;
}

export interface Coverer {
  memberId: string;
  name: string;
  meetings: number;
  lastAt: number;
}

export type CoverageGapKind = 'role_unfilled' | 'role_unmet' | 'blocker_never_met' | 'single_threaded';

export interface CoverageGap {
  kind: CoverageGapKind;
  /** The open deal the gap belongs to; absent for account-wide gaps. */
  dealId?: string;
  role?: BuyingRole;
  /** People the gap is about (to highlight on the map). */
  stakeholderIds: string[];
  /** What is wrong, in words. */
  text: string;
  /** What to do about it, in words. */
  action: string;
}

export interface Coverage {
  /** Per person who has been met: our team members covering them, most meetings first. */
  coveredBy: Record<string, Coverer[]>;
  gaps: CoverageGap[];
}

export function computeCoverage(
  people: readonly CoveragePerson[],
  deals: readonly CoverageDeal[],
  meetings: readonly CoverageMeeting[],
  team: readonly CoverageTeamMember[],
  now: number,
): Coverage {
  const byId = new Map(people.map((p) => [p.id, p]));
  const teamName = new Map(team.map((t) => [t.id, t.name]));
  const cover = new Map<string, Map<string, { meetings: number; lastAt: number }>>();
  const recentByDeal = new Map<string, Set<string>>();
  const since = now - THREAD_WINDOW_DAYS * DAY;
  for (const m of meetings) {
    for (const id of new Set(m.attendeeIds)) {
      if (!byId.has(id)) continue;
      const mine = cover.get(id) ?? new Map<string, { meetings: number; lastAt: number }>();
      const e = mine.get(m.loggedBy) ?? { meetings: 0, lastAt: 0 };
      mine.set(m.loggedBy, { meetings: e.meetings + 1, lastAt: Math.max(e.lastAt, m.at) });
      cover.set(id, mine);
      if (m.opportunityId && m.at >= since && m.at <= now) {
        const set = recentByDeal.get(m.opportunityId) ?? new Set<string>();
        set.add(id);
        recentByDeal.set(m.opportunityId, set);
      }
    }
  }
  const coveredBy: Record<string, Coverer[]> = {};
  for (const p of people) {
    const mine = cover.get(p.id);
    if (!mine) continue;
    coveredBy[p.id] = [...mine]
      .map(([memberId, e]) => ({ memberId, name: teamName.get(memberId) ?? 'A former teammate', ...e }))
      .sort((a, b) => b.meetings - a.meetings || b.lastAt - a.lastAt || (a.memberId < b.memberId ? -1 : 1));
  }
  const met = (id: string) => cover.has(id);
  const nameOf = (id: string) => byId.get(id)?.name ?? 'someone';
  const list = (ids: readonly string[]) => ids.map(nameOf).join(', ');
  // Who could introduce us: the most influential person we have met, champions first.
  const introducer = (among: readonly string[]): string | null => {
    const cands = among
      .filter(met)
      .map((id) => byId.get(id)!)
      .filter(Boolean)
      .sort(
        (a, b) => Number(b.stance === 'champion') - Number(a.stance === 'champion') || b.influence - a.influence || (a.id < b.id ? -1 : 1),
      );
    return cands[0]?.name ?? null;
  };

  const gaps: CoverageGap[] = [];
  const open = deals.filter((d) => d.status === 'open');
  const roleGaps = (holders: Map<BuyingRole, string[]>, scope: string[], dealId?: string) => {
    for (const role of CORE_ROLES) {
      const who = [...new Set(holders.get(role) ?? [])].sort();
      const label = BUYING_ROLE_LABEL[role].toLowerCase();
      const via = introducer(scope);
      if (who.length === 0) {
        const inScope = new Set(scope);
        const known = dealId
          ? people
              .filter((p) => !inScope.has(p.id) && p.buyingRoles.includes(role))
              .sort((a, b) => b.influence - a.influence || (a.id < b.id ? -1 : 1))[0]
          : undefined;
        gaps.push({
          kind: 'role_unfilled',
          role,
          stakeholderIds: [],
          ...(dealId ? { dealId } : {}),
          text: `${BUYING_ROLE_LABEL[role]}: nobody in the group`,
          action: known
            ? `Add ${known.name} (${label} at the account) to this deal’s group if that is their part in it`
            : via
              ? `Ask ${via} who acts as ${label}, then add them to the group`
              : `Find out who acts as ${label}`,
        });
      } else if (!who.some(met)) {
        gaps.push({
          kind: 'role_unmet',
          role,
          stakeholderIds: who,
          ...(dealId ? { dealId } : {}),
          text: `${BUYING_ROLE_LABEL[role]}: ${list(who)}`,
          action: via ? `Ask ${via} to introduce you to ${nameOf(who[0]!)}` : `Book a first meeting with ${nameOf(who[0]!)}`,
        });
      }
    }
  };
  if (open.length === 0) {
    const holders = new Map<BuyingRole, string[]>();
    for (const p of people) for (const r of p.buyingRoles) holders.set(r, [...(holders.get(r) ?? []), p.id]);
    roleGaps(
      holders,
      people.map((p) => p.id),
    );
  }
  for (const d of open) {
    const holders = new Map<BuyingRole, string[]>();
    for (const m of d.members) if (byId.has(m.stakeholderId)) holders.set(m.role, [...(holders.get(m.role) ?? []), m.stakeholderId]);
    const members = d.members.map((m) => m.stakeholderId).filter((id) => byId.has(id));
    roleGaps(holders, members, d.id);
    const threads = [...(recentByDeal.get(d.id) ?? [])].filter((id) => members.includes(id)).sort();
    if (members.length > 1 && threads.length <= 1) {
      const next = members
        .filter((id) => !threads.includes(id))
        .map((id) => byId.get(id)!)
        .sort((a, b) => b.influence - a.influence || (a.id < b.id ? -1 : 1))[0];
      gaps.push({
        kind: 'single_threaded',
        dealId: d.id,
        stakeholderIds: threads,
        text:
          threads.length === 0
            ? `“${d.name}”: nobody in its group met us in the last ${THREAD_WINDOW_DAYS} days`
            : `“${d.name}” runs through ${nameOf(threads[0]!)} alone (last ${THREAD_WINDOW_DAYS} days)`,
        action: next
          ? `Multi-thread: meet ${next.name}${threads[0] ? ` — ask ${nameOf(threads[0])} to bring them in` : ''}`
          : 'Meet a second person in the group',
      });
    }
  }
  // Blockers: on any open deal, or in their own profile.
  const blockers = new Set<string>();
  for (const p of people) if (p.buyingRoles.includes('blocker')) blockers.add(p.id);
  for (const d of open) for (const m of d.members) if (m.role === 'blocker' && byId.has(m.stakeholderId)) blockers.add(m.stakeholderId);
  for (const id of [...blockers].sort()) {
    if (met(id)) continue;
    const dealIds = open.filter((d) => d.members.some((m) => m.stakeholderId === id)).map((d) => d.id);
    const via = introducer(people.map((p) => p.id));
    gaps.push({
      kind: 'blocker_never_met',
      stakeholderIds: [id],
      ...(dealIds.length === 1 ? { dealId: dealIds[0]! } : {}),
      text: `${nameOf(id)}`,
      action: via
        ? `Hear ${nameOf(id)}'s objections early: ask ${via} for an introduction`
        : `Hear ${nameOf(id)}'s objections early: book a meeting`,
    });
  }
  return { coveredBy, gaps };
}

/** The gaps that matter with `dealId` highlighted (null: every open deal's and the account's). */
export function gapsFor(coverage: Coverage, dealId: string | null): CoverageGap[] {
  if (dealId === null) return coverage.gaps;
  return coverage.gaps.filter((g) => (g.dealId === undefined ? g.kind === 'blocker_never_met' : g.dealId === dealId));
}
