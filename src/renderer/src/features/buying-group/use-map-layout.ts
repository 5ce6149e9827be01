// Renderer: positions for the map, from the pure layouts. Recomputed only when who is on the
// map, who was placed, the lines or the layout kind change — a stance or role edit moves nobody.
// When people join or leave during a visit, everyone already on screen keeps their place; a
// picture seen before in this visit (a department expanded again, undo of an add) comes back
// exactly as it was.
import { useMemo, useRef } from 'react';
import type { PersonNode, RelEdge } from './graph-model';
import { forceLayout, type LayoutPerson, type Point } from './map-layout';
import { orgLayout } from './org-layout';

export type MapLayoutKind = 'force' | 'org';

function signature(nodes: readonly PersonNode[], edges: readonly RelEdge[], kind: MapLayoutKind): string {
  const people = nodes
    .map((n) => `${n.id}:${n.level}:${n.radius}:${Math.round(n.labelWidth)}:${n.placed ? `${n.placed.x},${n.placed.y}` : ''}`)
    .sort();
  const lines = edges.map((e) => `${e.source}>${e.target}:${e.kind}`).sort();
  return `${kind}|${people.join(';')}|${lines.join(';')}`;
}

export function useMapLayout(nodes: readonly PersonNode[], edges: readonly RelEdge[], kind: MapLayoutKind): Map<string, Point> {
  const last = useRef<{ kind: MapLayoutKind; ids: Set<string>; at: Map<string, Point> } | null>(null);
  const seen = useRef(new Map<string, Map<string, Point>>());
  const key = signature(nodes, edges, kind);
  return useMemo(() => {
    const known = seen.current.get(key);
    if (known) {
      last.current = { kind, ids: new Set(known.keys()), at: known };
      return known;
    }
    const people: LayoutPerson[] = nodes.map((n) => ({ id: n.id, radius: n.radius, level: n.level, labelWidth: n.labelWidth }));
    const ids = new Set(people.map((p) => p.id));
    const prev = last.current;
    const sameCast = prev !== null && prev.ids.size === ids.size && [...ids].every((id) => prev.ids.has(id));
    // Keep those on screen only when the cast changed mid-visit; otherwise the layout is fresh,
    // i.e. exactly what a reload or a teammate's screen draws.
    const keep = prev && prev.kind === kind && !sameCast ? new Map([...prev.at].filter(([id]) => ids.has(id))) : new Map<string, Point>();
    const at =
      kind === 'org'
        ? orgLayout(people, edges)
        : forceLayout(people, edges, { pinned: new Map(nodes.filter((n) => n.placed).map((n) => [n.id, n.placed!])), keep });
    last.current = { kind, ids, at };
    seen.current.set(key, at);
    // A visit rarely sees many pictures; keep the latest few.
    if (seen.current.size > 24) seen.current.delete(seen.current.keys().next().value!);
    return at;
    // `key` stands for nodes and edges: only the parts that move people.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
