// Pure (shared): relationships the logged interactions suggest, with their evidence, for the
// buying group map's ghost edges. Clock-free (dates come from the interactions), deterministic.
// Rules:
// 1. Met together: two people who attended at least MIN_MEETINGS interactions together and have
//    no relationship yet are suggested as allied ("met together 7×, last 12 Oct").
// 2. Joined after: when one of such a pair first appeared only after the other had already met
//    us at least twice, and then always in their company, the earlier one is suggested as
//    influencing the later one — they brought them in.
// 3. Titles: a person with no manager on the map whose title ranks below the most senior
//    person of the same department is suggested to report to them.
// 4. Nothing already related (any kind, either direction) is suggested, and a suggestion the
//    team dismissed (its key in the from-person's dismissedSuggestions) never comes back.
import type { RelationshipKind } from '../domain';

export interface SuggestPerson {
  id: string;
  title: string;
  department: string;
  dismissedSuggestions?: readonly string[] | undefined;
}

export const MIN_MEETINGS = 3;

export interface Suggestion {
  /** Stable across runs: kind, from, to. What a dismissal remembers. */
  key: string;
  kind: RelationshipKind;
  fromId: string;
  toId: string;
  /** In words, for the planner: why the map thinks so. */
  evidence: string;
  /** 0..1, used as the relationship's strength when accepted. */
  strength: number;
}

export function suggestionKey(kind: RelationshipKind, fromId: string, toId: string): string {
  return `${kind}:${fromId}>${toId}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function shortDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** 0 = chief, 1 = VP/head/director, 2 = manager/lead, 3 = everyone else. */
export function titleRank(title: string): number {
  const t = title.toLowerCase();
  if (/\bchief\b|\bc[efiorst]o\b|\bpresident\b|\bceo\b/.test(t)) return 0;
  if (/\bvp\b|vice president|\bhead of\b|\bdirector\b/.test(t)) return 1;
  if (/\bmanager\b|\blead\b/.test(t)) return 2;
  return 3;
}

export function suggestRelationships(
  people: readonly SuggestPerson[],
  relationships: readonly { fromId: string; toId: string; kind: RelationshipKind }[],
  interactions: readonly { at: number; attendeeIds: readonly string[] }[],
): Suggestion[] {
  const ids = new Set(people.map((p) => p.id));
  const related = new Set<string>();
  for (const r of relationships) {
    related.add(`${r.fromId}|${r.toId}`);
    related.add(`${r.toId}|${r.fromId}`);
  }
  const dismissed = new Set<string>();
  for (const p of people) for (const k of p.dismissedSuggestions ?? []) dismissed.add(k);
  const out: Suggestion[] = [];
  const add = (s: Omit<Suggestion, 'key'>) => {
    const key = suggestionKey(s.kind, s.fromId, s.toId);
    if (related.has(`${s.fromId}|${s.toId}`) || dismissed.has(key)) return;
    related.add(`${s.fromId}|${s.toId}`);
    related.add(`${s.toId}|${s.fromId}`);
    out.push({ key, ...s });
  };

  // Meetings in time order; per person, the times they attended.
  const meetings = [...interactions]
    .sort((a, b) => a.at - b.at)
    .map((m) => ({ at: m.at, who: [...new Set(m.attendeeIds.filter((id) => ids.has(id)))].sort() }));
  const attended = new Map<string, number[]>();
  const together = new Map<string, { count: number; last: number }>();
  for (const m of meetings) {
    for (const id of m.who) attended.set(id, [...(attended.get(id) ?? []), m.at]);
    for (let i = 0; i < m.who.length; i++) {
      for (let j = i + 1; j < m.who.length; j++) {
        const key = `${m.who[i]}|${m.who[j]}`;
        const e = together.get(key) ?? { count: 0, last: 0 };
        together.set(key, { count: e.count + 1, last: Math.max(e.last, m.at) });
      }
    }
  }
  const pairs = [...together].filter(([, e]) => e.count >= MIN_MEETINGS).sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  for (const [key, e] of pairs) {
    const [a, b] = key.split('|') as [string, string];
    const ta = attended.get(a)!;
    const tb = attended.get(b)!;
    const [early, late, lateTimes] = ta[0]! <= tb[0]! ? [a, b, tb] : [b, a, ta];
    const earlyBefore = (early === a ? ta : tb).filter((t) => t < lateTimes[0]!).length;
    const strength = Math.min(0.9, 0.3 + 0.08 * e.count);
    if (earlyBefore >= 2 && e.count === lateTimes.length) {
      add({
        kind: 'influences',
        fromId: early,
        toId: late,
        strength,
        evidence: `joined after them and always with them: met together ${e.count}×, first ${shortDate(lateTimes[0]!)}`,
      });
    } else {
      add({ kind: 'allied_with', fromId: a, toId: b, strength, evidence: `met together ${e.count}×, last ${shortDate(e.last)}` });
    }
  }

  const hasManager = new Set(relationships.filter((r) => r.kind === 'reports_to').map((r) => r.fromId));
  const byDept = new Map<string, SuggestPerson[]>();
  for (const p of people) if (p.department) byDept.set(p.department, [...(byDept.get(p.department) ?? []), p]);
  for (const [dept, list] of [...byDept].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const ranked = [...list].sort((x, y) => titleRank(x.title) - titleRank(y.title) || (x.id < y.id ? -1 : 1));
    const top = ranked[0]!;
    const topRank = titleRank(top.title);
    for (const p of ranked.slice(1)) {
      if (hasManager.has(p.id) || titleRank(p.title) <= topRank) continue;
      add({
        kind: 'reports_to',
        fromId: p.id,
        toId: top.id,
        strength: 0.5,
        evidence: `titles: ${p.title || 'no title'} under ${top.title} in ${dept}`,
      });
    }
  }
  return out;
}
