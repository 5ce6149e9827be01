// Renderer (pure): collapse a department (or business unit) into one node that stands for its
// people, with a count; lines to anyone inside end on that node (one per kind and direction).
// Expanding restores the people exactly (use-map-layout.ts keeps the layouts it computed).
import type { RelationshipId, StakeholderId } from '@shared/domain';
import { CHART_COLORS } from '@renderer/lib/chart-theme';
import { edgeBends, initials, nodeRadius, type PersonNode, type RelEdge } from './graph-model';
import { labelWidth } from './map-layout';

export const DEPT_PREFIX = 'dept:';
export const isDepartmentNode = (id: string) => id.startsWith(DEPT_PREFIX);
export const departmentOf = (id: string) => id.slice(DEPT_PREFIX.length);
/** People without a department are grouped under this name. */
export const NO_DEPARTMENT = 'No department';

export function departmentName(department: string): string {
  return department.trim() || NO_DEPARTMENT;
}

/** Departments with their head count, largest first (ties by name). */
export function departments(nodes: readonly Pick<PersonNode, 'department'>[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(departmentName(n.department), (counts.get(departmentName(n.department)) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export function collapseDepartments(
  nodes: readonly PersonNode[],
  edges: readonly RelEdge[],
  collapsed: ReadonlySet<string>,
): { nodes: PersonNode[]; edges: RelEdge[] } {
  if (collapsed.size === 0) return { nodes: [...nodes], edges: [...edges] };
  const stand = new Map<string, string>();
  const groups = new Map<string, PersonNode[]>();
  const out: PersonNode[] = [];
  for (const n of nodes) {
    const dept = departmentName(n.department);
    if (!collapsed.has(dept)) {
      out.push(n);
      continue;
    }
    const id = `${DEPT_PREFIX}${dept}`;
    stand.set(n.id, id);
    groups.set(id, [...(groups.get(id) ?? []), n]);
  }
  for (const [id, members] of groups) {
    const dept = departmentOf(id);
    const rolesText = `${members.length} ${members.length === 1 ? 'person' : 'people'} · collapsed`;
    const inDeal = members.filter((m) => m.inDeal).length;
    out.push({
      id: id as StakeholderId,
      name: dept,
      initials: initials(dept),
      radius: nodeRadius(Math.min(5, 2 + Math.round(Math.log2(members.length)))),
      fill: CHART_COLORS.neutral,
      stance: 'neutral',
      roles: [],
      dealRole: null,
      inDeal: inDeal > 0,
      level: Math.min(...members.map((m) => m.level)),
      department: dept,
      rolesText,
      labelWidth: Math.max(labelWidth(dept, 13), labelWidth(rolesText, 11.5)),
      ariaLabel: `${initials(dept)} ${dept} ${rolesText}; department of ${members.length}${inDeal ? `, ${inDeal} in the highlighted deal` : ''}; Enter expands it`,
      placed: null,
      coverInitials: '',
      coverText: '',
      flag: members.some((m) => m.flag) ? 'gap: someone inside has a coverage gap' : '',
    });
  }
  // Lines: endpoints mapped to their stand-in; lines inside one collapsed group vanish; several
  // lines of one kind between the same two ends become one (the strongest).
  const merged = new Map<string, RelEdge>();
  for (const e of edges) {
    const source = (stand.get(e.source) ?? e.source) as StakeholderId;
    const target = (stand.get(e.target) ?? e.target) as StakeholderId;
    if (source === target) continue;
    if (source === e.source && target === e.target) {
      merged.set(e.id, e);
      continue;
    }
    const key = `agg:${source}>${target}:${e.kind}${e.ghost ? ':ghost' : ''}`;
    const had = merged.get(key);
    if (!had || had.strength < e.strength) merged.set(key, { ...e, id: key as RelationshipId, source, target });
  }
  const list = [...merged.values()];
  const bends = edgeBends(list.filter((e) => !e.ghost).map((e) => ({ id: e.id, fromId: e.source, toId: e.target })));
  return { nodes: out, edges: list.map((e) => (e.ghost ? e : { ...e, bend: bends.get(e.id) ?? 0 })) };
}
