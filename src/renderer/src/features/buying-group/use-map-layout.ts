// Renderer: positions for the map, from the pure layouts. Recomputed only when who is on the
// map, who was placed, the lines or the layout kind change — a stance or role edit moves nobody.
// When people join or leave during a visit, everyone already on screen keeps their place; a
// picture seen before in this visit (a department expanded again, undo of an add) comes back
// exactly as it was.
//
// Speed (issue 17, open < 500 ms at 80 people): fresh pictures are also kept for the window's
// life, so coming back to a map draws it at once; the org chart's layout library (d3-dag) is
// loaded only when a planner first asks for the org chart, not with the map; and the force
// layout's code is run once on a made-up group while the window is idle (warmUpMapLayout).
import { useMemo, useRef } from 'react';
import type { PersonNode, RelEdge } from './graph-model';
import { forceLayout, type LayoutPerson, type Point } from './map-layout';

export type MapLayoutKind = 'force' | 'org';

type OrgLayout = (typeof import('./org-layout'))['orgLayout'];
let orgLayout: OrgLayout | null = null;
let orgLoading: Promise<void> | null = null;

/** Loads the org chart's layout (once); switch to the org chart when it resolves. */
export function loadOrgLayout(): Promise<void> {
  orgLoading ??= import('./org-layout').then((m) => {
    orgLayout = m.orgLayout;
  });
  return orgLoading;
}

/**
 * Fresh pictures (no one kept in place mid-visit) by signature: exactly what a reload draws, so
 * reusing one on a later visit is safe. A visit rarely sees many; the window keeps the latest 24.
 */
const fresh = new Map<string, Map<string, Point>>();
const FRESH_LIMIT = 24;

function remember(cache: Map<string, Map<string, Point>>, key: string, at: Map<string, Point>): void {
  cache.delete(key);
  cache.set(key, at);
  if (cache.size > FRESH_LIMIT) cache.delete(cache.keys().next().value!);
}

function signature(nodes: readonly PersonNode[], edges: readonly RelEdge[], kind: MapLayoutKind): string {
  const people = nodes
    .map((n) => `${n.id}:${n.level}:${n.radius}:${Math.round(n.labelWidth)}:${n.placed ? `${n.placed.x},${n.placed.y}` : ''}`)
    .sort();
  const lines = edges.map((e) => `${e.source}>${e.target}:${e.kind}`).sort();
  return `${kind}|${people.join(';')}|${lines.join(';')}`;
}

/**
 * Runs the force layout on a small made-up group, a few times, each in its own idle moment:
 * the first real map then runs code the engine has already compiled. Measured in Node on the
 * largest L group (80 people): the first layout in a fresh process 273 ms, the fourth 44 ms;
 * after three runs on a 20-person group, the first real one 72 ms. Nothing is kept: the
 * pictures are thrown away. Called once the map's code has been fetched ahead (RouteView).
 */
export function warmUpMapLayout(runs = 3): void {
  if (typeof requestIdleCallback !== 'function' || runs <= 0) return;
  requestIdleCallback(() => {
    const n = 24;
    const people: LayoutPerson[] = Array.from({ length: n }, (_, i) => ({
      id: `warm_${String(i).padStart(2, '0')}`,
      radius: 14 + (i % 5) * 4,
      level: Math.floor(Math.log2(i + 1)),
      labelWidth: 80 + ((i * 37) % 60),
    }));
    const lines = people.slice(1).map((p, i) => ({ source: p.id, target: people[Math.floor(i / 2)]!.id, kind: 'reports_to' }));
    for (let k = 0; k < n; k += 3) lines.push({ source: people[k]!.id, target: people[(k * 7 + 5) % n]!.id, kind: 'influences' });
    forceLayout(people, lines);
    warmUpMapLayout(runs - 1);
  });
}

export function useMapLayout(nodes: readonly PersonNode[], edges: readonly RelEdge[], kind: MapLayoutKind): Map<string, Point> {
  const last = useRef<{ kind: MapLayoutKind; ids: Set<string>; at: Map<string, Point> } | null>(null);
  const seen = useRef(new Map<string, Map<string, Point>>());
  const key = signature(nodes, edges, kind);
  return useMemo(() => {
    const known = seen.current.get(key) ?? fresh.get(key);
    if (known) {
      last.current = { kind, ids: new Set(known.keys()), at: known };
      seen.current.set(key, known);
      return known;
    }
    const started = performance.now();
    const people: LayoutPerson[] = nodes.map((n) => ({ id: n.id, radius: n.radius, level: n.level, labelWidth: n.labelWidth }));
    const ids = new Set(people.map((p) => p.id));
    const prev = last.current;
    const sameCast = prev !== null && prev.ids.size === ids.size && [...ids].every((id) => prev.ids.has(id));
    // Keep those on screen only when the cast changed mid-visit; otherwise the layout is fresh,
    // i.e. exactly what a reload or a teammate's screen draws.
    const keep = prev && prev.kind === kind && !sameCast ? new Map([...prev.at].filter(([id]) => ids.has(id))) : new Map<string, Point>();
    let at: Map<string, Point>;
    if (kind === 'org') {
      // The map switches to 'org' only once loadOrgLayout has resolved.
      if (!orgLayout) throw new Error('DS_MAP_ORG_NOT_LOADED: the org chart layout was asked for before loadOrgLayout() resolved');
      at = orgLayout(people, edges);
    } else {
      at = forceLayout(people, edges, { pinned: new Map(nodes.filter((n) => n.placed).map((n) => [n.id, n.placed!])), keep });
    }
    last.current = { kind, ids, at };
    remember(seen.current, key, at);
    if (kind === 'org' || keep.size === 0) remember(fresh, key, at);
    // The bench reads this to tell the layout's share of opening the map from the rest.
    performance.measure('ds-bg-layout', { start: started, detail: { kind, people: people.length } });
    return at;
    // `key` stands for nodes and edges: only the parts that move people.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
