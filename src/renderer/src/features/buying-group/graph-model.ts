// Renderer (pure): from a buying group view to what the graph draws — node sizes, badges, edge
// bends, reporting levels — and the side panel's sums. No d3 and no DOM, so it is tested alone.
import {
  BUYING_ROLES,
  BUYING_ROLE_LABEL,
  CORE_ROLES,
  STANCES,
  type BuyingRole,
  type Opportunity,
  type Relationship,
  type RelationshipId,
  type RelationshipKind,
  type Stakeholder,
  type StakeholderId,
  type Stance,
} from '@shared/domain';
import { CHART_COLORS } from '@renderer/lib/chart-theme';
import { STANCE_LABEL } from '@renderer/components/StanceBadge';
import { labelWidth, type Point } from './map-layout';

export const STANCE_FILL: Record<Stance, string> = {
  champion: CHART_COLORS.positive,
  supporter: CHART_COLORS.supporter,
  neutral: CHART_COLORS.neutral,
  skeptic: CHART_COLORS.caution,
  opponent: CHART_COLORS.negative,
  unknown: CHART_COLORS.paper,
};
/** A glyph per stance, so the map reads without colour (and in a greyscale print). */
export const STANCE_GLYPH: Record<Stance, string> = {
  champion: '★',
  supporter: '+',
  neutral: '=',
  skeptic: '?',
  opponent: '−',
  unknown: '·',
};

export const ROLE_CODE: Record<BuyingRole, string> = {
  decision_maker: 'DM',
  economic_buyer: 'EB',
  champion: 'CH',
  blocker: 'BL',
  influencer: 'IN',
  technical_evaluator: 'TE',
  user: 'US',
  procurement: 'PR',
  legal: 'LG',
  gatekeeper: 'GK',
};

export interface EdgeStyle {
  stroke: string;
  dash: string | null;
  arrow: boolean;
  width: number;
  label: string;
}
export const EDGE_STYLE: Record<RelationshipKind, EdgeStyle> = {
  reports_to: { stroke: CHART_COLORS.line, dash: null, arrow: true, width: 2, label: 'Reports to' },
  influences: { stroke: CHART_COLORS.accent, dash: '7 5', arrow: true, width: 2, label: 'Influences' },
  allied_with: { stroke: CHART_COLORS.positive, dash: null, arrow: false, width: 3.5, label: 'Allied with' },
  conflicts_with: { stroke: CHART_COLORS.conflict, dash: '2 4', arrow: false, width: 3.5, label: 'Conflicts with' },
};

export interface PersonNode {
  id: StakeholderId;
  name: string;
  initials: string;
  radius: number;
  fill: string;
  stance: Stance;
  roles: readonly BuyingRole[];
  /** The role on the highlighted deal, when a deal is chosen and this person is in its group. */
  dealRole: BuyingRole | null;
  inDeal: boolean;
  level: number;
  department: string;
  /** The line under the name: roles in words (never codes), or the role on the highlighted deal. */
  rolesText: string;
  /** Widest label line, in graph units, for the layout's overlap pass. */
  labelWidth: number;
  /** What a screen reader says when the person has focus: name, roles, stance. */
  ariaLabel: string;
  /** Where the planner placed this person, if they did. */
  placed: Point | null;
  /** Initials of our team member who met them most (drawn beside the circle), or ''. */
  coverInitials: string;
  /** Our team members who met them, in words ("Ana Seller (4×), Bo Planner (1×)"), or ''. */
  coverText: string;
  /** A coverage gap this person is part of (ringed on the map), in words, or ''. */
  flag: string;
}

/** What the map draws from the coverage: per person, who covers them and any gap they are in. */
export interface NodeCoverage {
  coveredBy: Readonly<Record<string, readonly { name: string; meetings: number }[]>>;
  flags: ReadonlyMap<string, string>;
}

export interface RelEdge {
  id: RelationshipId;
  source: StakeholderId;
  target: StakeholderId;
  kind: RelationshipKind;
  strength: number;
  /** Perpendicular bend in graph pixels, so parallel edges between two people do not overlap. */
  bend: number;
  /** A suggestion from interactions, drawn as a faint ghost line until accepted or dismissed. */
  ghost?: boolean;
  evidence?: string;
}

/** 1 (little sway) → 14 px, 5 (decisive) → 30 px. */
export function nodeRadius(influence: number): number {
  return 10 + 4 * Math.min(5, Math.max(1, influence));
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = parts[0]!.charAt(0);
  const last = parts.length > 1 ? parts[parts.length - 1]!.charAt(0) : '';
  return (first + last).toUpperCase();
}

/**
 * How far down the reporting lines each person sits (0 = reports to nobody here). A person may
 * have two managers; they sit below the lower one. Cycles in entered data are cut, not looped.
 */
export function reportLevels(ids: readonly string[], relationships: readonly Relationship[]): Map<string, number> {
  const managers = new Map<string, string[]>();
  for (const r of relationships) {
    if (r.kind !== 'reports_to') continue;
    const list = managers.get(r.fromId) ?? [];
    list.push(r.toId);
    managers.set(r.fromId, list);
  }
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = level.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    let depth = 0;
    for (const m of managers.get(id) ?? []) if (ids.includes(m)) depth = Math.max(depth, visit(m) + 1);
    visiting.delete(id);
    level.set(id, depth);
    return depth;
  };
  for (const id of ids) visit(id);
  return level;
}

/** Bends for edges sharing a pair of people, spread either side of the straight line. */
export function edgeBends(relationships: readonly { id: string; fromId: string; toId: string }[], spacing = 26): Map<string, number> {
  const byPair = new Map<string, { id: string; fromId: string; toId: string }[]>();
  for (const r of relationships) {
    const key = r.fromId < r.toId ? `${r.fromId}|${r.toId}` : `${r.toId}|${r.fromId}`;
    const list = byPair.get(key) ?? [];
    list.push(r);
    byPair.set(key, list);
  }
  const bends = new Map<string, number>();
  for (const list of byPair.values()) {
    list.forEach((r, i) => {
      const offset = (i - (list.length - 1) / 2) * spacing;
      // The bend is perpendicular to the edge's own direction; flip it for reversed edges so
      // every edge of the pair bends relative to the same canonical direction.
      bends.set(r.id, r.fromId < r.toId ? offset : -offset);
    });
  }
  return bends;
}

export function buildGraph(
  stakeholders: readonly Stakeholder[],
  relationships: readonly Relationship[],
  deal: Opportunity | null,
  coverage: NodeCoverage = { coveredBy: {}, flags: new Map() },
): { nodes: PersonNode[]; edges: RelEdge[] } {
  const ids = stakeholders.map((s) => s.id);
  const present = new Set(ids);
  const levels = reportLevels(ids, relationships);
  const dealRoles = new Map<string, BuyingRole>((deal?.members ?? []).map((m) => [m.stakeholderId as string, m.role]));
  const nodes = stakeholders.map<PersonNode>((s) => {
    const dealRole = dealRoles.get(s.id) ?? null;
    const rolesText = rolesLine(s.buyingRoles, dealRole);
    const coverers = coverage.coveredBy[s.id] ?? [];
    const coverText = coverers.map((c) => `${c.name} (${c.meetings}×)`).join(', ');
    const flag = coverage.flags.get(s.id) ?? '';
    return {
      id: s.id,
      name: s.name,
      initials: initials(s.name),
      radius: nodeRadius(s.influence),
      fill: STANCE_FILL[s.stance],
      stance: s.stance,
      roles: s.buyingRoles,
      dealRole,
      inDeal: deal === null || dealRoles.has(s.id),
      level: levels.get(s.id) ?? 0,
      department: s.department,
      rolesText,
      labelWidth: Math.max(labelWidth(s.name, 13), labelWidth(rolesText, 11.5)),
      // It opens with what the node shows, in DOM order (initials, stance glyph, name, role
      // line), so speech input can say what it sees (WCAG 2.5.3); then roles and stance in words.
      ariaLabel: [
        `${initials(s.name)} ${STANCE_GLYPH[s.stance]} ${s.name} ${rolesText} ${coverers[0] ? initials(coverers[0].name) : ''}`
          .replace(/\s+/g, ' ')
          .trimEnd(),
        s.buyingRoles.length
          ? sortRoles(s.buyingRoles)
              .map((r) => BUYING_ROLE_LABEL[r])
              .join(', ')
          : 'no buying role',
        dealRole ? `on this deal: ${BUYING_ROLE_LABEL[dealRole]}` : '',
        `stance: ${STANCE_LABEL[s.stance]}`,
        coverText ? `covered by ${coverText}` : 'nobody on our team has met them',
        flag,
      ]
        .filter(Boolean)
        .join('; '),
      placed: s.mapPosition ? { x: s.mapPosition.x, y: s.mapPosition.y } : null,
      coverInitials: coverers[0] ? initials(coverers[0].name) : '',
      coverText,
      flag,
    };
  });
  const kept = relationships.filter((r) => present.has(r.fromId) && present.has(r.toId) && r.fromId !== r.toId);
  const bends = edgeBends(kept);
  const edges = kept.map<RelEdge>((r) => ({
    id: r.id,
    source: r.fromId,
    target: r.toId,
    kind: r.kind,
    strength: r.strength,
    bend: bends.get(r.id) ?? 0,
  }));
  return { nodes, edges };
}

/**
 * CORE_ROLES nobody holds. With a deal: the roles its members play on that deal (the deal's
 * own assignment is what the seller committed to, not the person's general profile). Without:
 * any role anyone at the account holds.
 */
export function uncoveredRoles(stakeholders: readonly Stakeholder[], deal: Opportunity | null): BuyingRole[] {
  const held = new Set<BuyingRole>();
  if (deal) for (const m of deal.members) held.add(m.role);
  else for (const s of stakeholders) for (const r of s.buyingRoles) held.add(r);
  return CORE_ROLES.filter((r) => !held.has(r));
}

export function stanceMix(people: readonly Pick<Stakeholder, 'stance'>[]): { stance: Stance; count: number }[] {
  const counts = new Map<Stance, number>();
  for (const p of people) counts.set(p.stance, (counts.get(p.stance) ?? 0) + 1);
  return STANCES.map((stance) => ({ stance, count: counts.get(stance) ?? 0 })).filter((e) => e.count > 0);
}

/**
 * The role line under a name, in words: the deal role when there is one, else up to two roles
 * and a count of the rest, so a label stays short enough to place without overlap.
 */
export function rolesLine(roles: readonly BuyingRole[], dealRole: BuyingRole | null): string {
  if (dealRole) return `On deal: ${BUYING_ROLE_LABEL[dealRole]}`;
  const sorted = sortRoles(roles).map((r) => BUYING_ROLE_LABEL[r]);
  if (sorted.length <= 2) return sorted.join(' · ');
  return `${sorted.slice(0, 2).join(' · ')} +${sorted.length - 2}`;
}

/** Roles in vocabulary order, for stable badges. */
export function sortRoles(roles: readonly BuyingRole[]): BuyingRole[] {
  return [...roles].sort((a, b) => BUYING_ROLES.indexOf(a) - BUYING_ROLES.indexOf(b));
}

/**
 * A quadratic path between two circles, ending on their rims (so arrowheads stay visible), bent
 * perpendicular by `bend`. Returns the path and the label point at the curve's middle.
 */
export function edgePath(
  s: { x: number; y: number; r: number },
  t: { x: number; y: number; r: number },
  bend: number,
  gap = 3,
): { d: string; mid: { x: number; y: number } } {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const len = Math.hypot(dx, dy) || 1;
  const nx = -dy / len;
  const ny = dx / len;
  const cx = (s.x + t.x) / 2 + nx * bend * 2;
  const cy = (s.y + t.y) / 2 + ny * bend * 2;
  const trim = (from: { x: number; y: number }, toward: { x: number; y: number }, by: number) => {
    const ddx = toward.x - from.x;
    const ddy = toward.y - from.y;
    const l = Math.hypot(ddx, ddy) || 1;
    return { x: from.x + (ddx / l) * by, y: from.y + (ddy / l) * by };
  };
  const a = trim(s, { x: cx, y: cy }, s.r + gap);
  const b = trim(t, { x: cx, y: cy }, t.r + gap);
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    d: `M${r(a.x)},${r(a.y)}Q${r(cx)},${r(cy)} ${r(b.x)},${r(b.y)}`,
    mid: { x: 0.25 * a.x + 0.5 * cx + 0.25 * b.x, y: 0.25 * a.y + 0.5 * cy + 0.25 * b.y },
  };
}
