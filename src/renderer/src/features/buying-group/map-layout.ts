// Renderer (pure): where people sit on the buying group map. No DOM: d3-force runs headless here,
// so the same people and lines always give the same picture (issue 17).
//
// Rules:
// 1. Nothing random. Starting points come from the reporting trees, in id order (treePositions);
//    d3-force's own jiggle uses its seeded LCG; the tick count is fixed. Same input,
//    same output, on every machine.
// 2. A person with a saved position (the planner put them there) never moves: they sit where
//    they were put, and the overlap pass below leaves them alone. They do not pull on the
//    others either, so placing one person does not rearrange everyone else.
// 3. Labels do not overlap: after the forces, a deterministic pass pushes apart any two people
//    whose boxes (circle plus the two label lines under it) overlap, along the shorter axis; a
//    crowd it leaves tangled is cleared top to bottom (clearDownwards), so none is ever left.
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';

export interface Point {
  x: number;
  y: number;
}

export interface LayoutPerson {
  id: string;
  radius: number;
  /** Reporting depth (0 = reports to nobody here); managers sit above their reports. */
  level: number;
  /** Width of the widest label line under the circle, in graph units. */
  labelWidth: number;
}

export interface LayoutLine {
  source: string;
  target: string;
  kind: string;
}

/** Height of the two label lines under a circle (name, roles), in graph units. */
export const LABEL_BLOCK = 36;
const GAP = 6;

/**
 * Starting points from the reporting lines: each reporting tree drawn as a tidy tree (people
 * with no reports side by side in tree order, a manager centred over their reports, one band per
 * level), trees side by side, the whole centred on 0. The forces then start near where they
 * would end — managers above their teams, teams apart — and need far fewer steps than from a
 * spread hashed from the ids (the start before). Deterministic: children and roots in id order. A second manager
 * (matrix reporting) is ignored here; the forces pull that line.
 */
export function treePositions(people: readonly LayoutPerson[], lines: readonly LayoutLine[], spacing = 70): Map<string, Point> {
  const byId = new Map(people.map((p) => [p.id, p]));
  const manager = new Map<string, string>();
  const sortedLines = lines
    .filter((l) => l.kind === 'reports_to' && byId.has(l.source) && byId.has(l.target) && l.source !== l.target)
    .map((l) => [l.source, l.target] as const)
    .sort((a, b) => (a[0] + '>' + a[1] < b[0] + '>' + b[1] ? -1 : 1));
  for (const [report, boss] of sortedLines) if (!manager.has(report)) manager.set(report, boss);
  const reports = new Map<string, string[]>();
  for (const [report, boss] of manager) {
    const list = reports.get(boss);
    if (list) list.push(report);
    else reports.set(boss, [report]);
  }
  for (const list of reports.values()) list.sort();
  // A reporting cycle has no root: whoever in it is met first in id order stands as one.
  const ids = people.map((p) => p.id).sort();
  const at = new Map<string, Point>();
  let next = 0;
  const place = (id: string): number => {
    at.set(id, { x: 0, y: 0 });
    const kids = (reports.get(id) ?? []).filter((k) => !at.has(k));
    let x: number;
    if (kids.length === 0) x = next++ * spacing;
    else {
      const xs = kids.map(place);
      x = (xs[0]! + xs[xs.length - 1]!) / 2;
    }
    at.set(id, { x, y: byId.get(id)!.level * 150 });
    return x;
  };
  for (const id of ids) if (!manager.has(id) && !at.has(id)) place(id);
  for (const id of ids) if (!at.has(id)) place(id);
  const mid = ((next - 1) * spacing) / 2;
  for (const p of at.values()) p.x -= mid;
  return at;
}

/** Rough width of a label in graph units; text is not measured so the layout stays pure. */
export function labelWidth(text: string, fontSize: number): number {
  // 0.62 em per character covers semi-bold Latin names with a little room (measured: ~0.57).
  return text.length * fontSize * 0.62;
}

export interface Box {
  id: string;
  x: number;
  y: number;
  halfW: number;
  /** Above the centre (circle) and below it (circle and labels). */
  top: number;
  bottom: number;
}

export function boxOf(p: LayoutPerson, at: Point): Box {
  return {
    id: p.id,
    x: at.x,
    y: at.y,
    halfW: Math.max(p.radius, p.labelWidth / 2) + GAP / 2,
    top: p.radius + GAP / 2,
    bottom: p.radius + LABEL_BLOCK + GAP / 2,
  };
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return Math.abs(a.x - b.x) < a.halfW + b.halfW && a.y - a.top < b.y + b.bottom && b.y - b.top < a.y + a.bottom;
}

/** Every pair of people whose boxes overlap (ids in input order). */
export function overlappingPairs(boxes: readonly Box[]): [string, string][] {
  const out: [string, string][] = [];
  const sorted = [...boxes].sort((a, b) => a.x - a.halfW - (b.x - b.halfW));
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.x - b.halfW >= a.x + a.halfW) break;
      if (boxesOverlap(a, b)) out.push([a.id, b.id]);
    }
  }
  return out;
}

/**
 * Pushes apart overlapping boxes until none overlap (or `rounds` run out). Fixed people do not
 * move; when one of a pair is fixed the other takes the whole step. Deterministic: pairs are
 * visited in a sorted order and ties break by id.
 */
export function separateBoxes(people: readonly LayoutPerson[], at: Map<string, Point>, fixed: ReadonlySet<string>, rounds = 200): number {
  const byId = new Map(people.map((p) => [p.id, p]));
  for (let round = 0; round < rounds; round++) {
    const boxes = people.map((p) => boxOf(p, at.get(p.id)!));
    const pairs = overlappingPairs(boxes).sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
    if (pairs.length === 0) return round;
    for (const [ia, ib] of pairs) {
      const pa = at.get(ia)!;
      const pb = at.get(ib)!;
      const a = boxOf(byId.get(ia)!, pa);
      const b = boxOf(byId.get(ib)!, pb);
      if (!boxesOverlap(a, b)) continue;
      const aFixed = fixed.has(ia);
      const bFixed = fixed.has(ib);
      if (aFixed && bFixed) continue;
      const dx = pb.x - pa.x;
      const pushX = a.halfW + b.halfW - Math.abs(dx);
      const dy = pb.y - pa.y;
      const pushY = dy >= 0 ? a.y + a.bottom - (b.y - b.top) : b.y + b.bottom - (a.y - a.top);
      const signX = dx !== 0 ? Math.sign(dx) : ia < ib ? 1 : -1;
      const signY = dy !== 0 ? Math.sign(dy) : ia < ib ? 1 : -1;
      // The shorter way out, plus a hair so the pair is clear of each other afterwards.
      const alongX = pushX <= pushY * 1.5;
      const step = (alongX ? pushX : pushY) + 0.5;
      // Moves in whole tenths: positions stay on the 0.1 grid they are stored on, so rounding
      // at the end cannot bring a separated pair back into touch.
      const by = Math.ceil(step * (aFixed || bFixed ? 1 : 0.5) * 10) / 10;
      const move = (p: Point, sign: number) => {
        if (alongX) p.x = round1(p.x + sign * by);
        else p.y = round1(p.y + sign * by);
      };
      if (!aFixed) move(pa, alongX ? -signX : -signY);
      if (!bFixed) move(pb, alongX ? signX : signY);
    }
  }
  return rounds;
}

/**
 * The last word on overlaps, for crowds the pairwise pushes above leave tangled (a person
 * squeezed between two others is pushed back and forth). Top to bottom, each person not yet
 * clear of everyone placed before them moves straight down until they are: nobody placed earlier
 * moves again, so it ends, and with no overlap left (fixed people go first, as obstacles).
 */
export function clearDownwards(people: readonly LayoutPerson[], at: Map<string, Point>, fixed: ReadonlySet<string>): void {
  const order = [...people].sort(
    (a, b) =>
      Number(!fixed.has(a.id)) - Number(!fixed.has(b.id)) || at.get(a.id)!.y - at.get(b.id)!.y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const done: Box[] = [];
  for (const p of order) {
    const pos = at.get(p.id)!;
    if (!fixed.has(p.id)) {
      for (let moved = true; moved;) {
        moved = false;
        const mine = boxOf(p, pos);
        for (const q of done) {
          if (!boxesOverlap(mine, q)) continue;
          pos.y = Math.ceil((q.y + q.bottom + mine.top + 0.5) * 10) / 10;
          moved = true;
          break;
        }
      }
    }
    done.push(boxOf(p, pos));
  }
}

type Node = SimulationNodeDatum & { id: string; p: LayoutPerson };

/**
 * Simulation steps, annealed over this many (alpha decays to d3's alphaMin in exactly these).
 * d3's default is 300. Started from the reporting trees (treePositions), 50 give what 100 gave
 * from a spread hashed from the ids, measured on the 25 biggest generated L groups: the same total line
 * length (1,152k both), 11% fewer crossing lines (12,979 vs 14,616), 13% more area; 40 steps
 * made lines 3% longer and the area 17% larger. The layout is most of the wait for an 80-person
 * map (issue 17: open < 500 ms), and the box pass below clears what is left.
 */
export const FORCE_TICKS = 50;

export interface ForceLayoutOptions {
  /** People the planner placed: they stay exactly here. */
  pinned?: ReadonlyMap<string, Point>;
  /** People already on screen who should not move either (e.g. during an edit). */
  keep?: ReadonlyMap<string, Point>;
  ticks?: number;
}

/** The force layout: deterministic, pinned people untouched, labels clear of each other. */
export function forceLayout(
  people: readonly LayoutPerson[],
  lines: readonly LayoutLine[],
  options: ForceLayoutOptions = {},
): Map<string, Point> {
  const { pinned = new Map(), keep = new Map(), ticks = FORCE_TICKS } = options;
  // Everyone placed by the planner: nothing is left to lay out. Pins never move and are never
  // pushed apart (rule 2), so running the forces would give exactly this, after all the work.
  if (people.length > 0 && people.every((p) => pinned.has(p.id))) {
    return new Map(people.map((p) => [p.id, { x: round1(pinned.get(p.id)!.x), y: round1(pinned.get(p.id)!.y) }]));
  }
  const ordered = [...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tree = treePositions(ordered, lines);
  // Pins do not take part in the forces: the others settle as if nobody had been placed, so a
  // drag never reshuffles the rest and a reload (or a second client) draws the same picture.
  const nodes: Node[] = ordered.map((p) => {
    const fixedAt = pinned.has(p.id) ? undefined : keep.get(p.id);
    const start = fixedAt ?? tree.get(p.id)!;
    return { id: p.id, p, x: start.x, y: start.y, fx: fixedAt?.x ?? null, fy: fixedAt?.y ?? null };
  });
  const present = new Set(nodes.map((n) => n.id));
  const links = lines
    .filter((l) => present.has(l.source) && present.has(l.target) && l.source !== l.target)
    .map((l) => ({ source: l.source, target: l.target, kind: l.kind }))
    .sort((a, b) => (a.source + a.target + a.kind < b.source + b.target + b.kind ? -1 : 1));
  const sim = forceSimulation<Node>(nodes)
    .force(
      'link',
      forceLink<Node, (typeof links)[number]>(links)
        .id((d) => d.id)
        .distance((l) => (l.kind === 'reports_to' ? 130 : 190))
        .strength((l) => (l.kind === 'reports_to' ? 0.4 : 0.08)),
    )
    .force('charge', forceManyBody<Node>().strength(-750).distanceMax(900))
    .force(
      'collide',
      forceCollide<Node>().radius((d) => Math.max(d.p.radius + 30, d.p.labelWidth / 2 + 8)),
    )
    .force('x', forceX<Node>(0).strength(0.025))
    .force('y', forceY<Node>((d) => d.p.level * 150).strength(0.2))
    .alphaDecay(1 - Math.pow(0.001, 1 / ticks))
    .stop();
  sim.tick(ticks);
  const at = new Map<string, Point>();
  for (const n of nodes) {
    const pin = pinned.get(n.id);
    at.set(n.id, pin ? { x: pin.x, y: pin.y } : { x: round1(n.x ?? 0), y: round1(n.y ?? 0) });
  }
  const fixed = new Set([...pinned.keys(), ...keep.keys()].filter((id) => present.has(id)));
  if (separateBoxes(ordered, at, fixed, 60) === 60) clearDownwards(ordered, at, fixed);
  for (const p of at.values()) {
    p.x = round1(p.x);
    p.y = round1(p.y);
  }
  return at;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
