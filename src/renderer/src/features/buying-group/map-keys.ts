// Renderer (pure): keyboard walking on the map. An arrow key moves to the connected person who
// lies most nearly in that direction (angle weighs more than distance); nobody that way, no move.
import type { Point } from './map-layout';

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';
const DIRECTION: Record<ArrowKey, Point> = {
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
};

export function isArrowKey(key: string): key is ArrowKey {
  return key in DIRECTION;
}

/** Everyone joined to `id` by any line, in id order. */
export function neighboursOf(id: string, edges: readonly { source: string; target: string }[]): string[] {
  const out = new Set<string>();
  for (const e of edges) {
    if (e.source === id && e.target !== id) out.add(e.target);
    if (e.target === id && e.source !== id) out.add(e.source);
  }
  return [...out].sort();
}

export function neighbourToward(
  from: string,
  key: ArrowKey,
  edges: readonly { source: string; target: string }[],
  at: ReadonlyMap<string, Point>,
): string | null {
  const here = at.get(from);
  if (!here) return null;
  const dir = DIRECTION[key];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const id of neighboursOf(from, edges)) {
    const p = at.get(id);
    if (!p) continue;
    const dx = p.x - here.x;
    const dy = p.y - here.y;
    const len = Math.hypot(dx, dy) || 1e-9;
    const cos = (dx * dir.x + dy * dir.y) / len;
    // Within 60° of the arrow; beyond that the arrow would surprise.
    if (cos < 0.5) continue;
    const score = len * (2 - cos) * (2 - cos);
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}
