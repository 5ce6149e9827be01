// Renderer (pure): the org chart. Reporting lines as a layered hierarchy drawn by d3-dag's
// Sugiyama layout (several managers allowed, crossings reduced); influence and alliance lines
// are then drawn across it by the map as usual. People with no reporting line at all sit in a
// grid under the chart, so forty loose people do not make one endless top row.
// Deterministic: inputs are sorted by id, and d3-dag's operators used here are not random.
import { coordGreedy, coordSimplex, decrossTwoLayer, graphStratify, layeringLongestPath, layeringSimplex, sugiyama } from 'd3-dag';
import { LABEL_BLOCK, type LayoutLine, type LayoutPerson, type Point } from './map-layout';

/** Every row is as tall as the biggest person plus labels, so circles line up per level. */
const ROW = 2 * 30 + LABEL_BLOCK;
const GAP_X = 18;
const GAP_Y = 70;
/** Above this many people the LP-based operators get slow; the greedy ones stay fast. */
const EXACT_LIMIT = 120;

const boxWidth = (p: LayoutPerson) => 2 * Math.max(p.radius, p.labelWidth / 2) + GAP_X;

/** Reporting lines that keep the hierarchy acyclic: manager strictly above the report. */
export function managersOf(people: readonly LayoutPerson[], lines: readonly LayoutLine[]): Map<string, string[]> {
  const level = new Map(people.map((p) => [p.id, p.level]));
  const out = new Map<string, string[]>();
  for (const l of lines) {
    if (l.kind !== 'reports_to') continue;
    const a = level.get(l.source);
    const b = level.get(l.target);
    if (a === undefined || b === undefined || b >= a) continue;
    const list = out.get(l.source) ?? [];
    if (!list.includes(l.target)) list.push(l.target);
    out.set(l.source, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}

/** The widest a row may grow before it wraps: wide enough for a 16:9-ish chart of `n` people. */
export function maxRowWidth(n: number): number {
  return Math.max(1400, 200 * Math.sqrt(n));
}

/**
 * Wraps layers wider than `maxWidth` onto several rows (in their left-to-right order, so reports
 * stay under their managers' side of the chart), each row centred and every other row shifted by
 * half a person so lines from above pass between the people of the row in front. Layers below
 * move down by the rows added. Sugiyama alone would put 40 reports of one level on one line:
 * at 60+ people that is a strip too wide to read at any zoom that fits the screen.
 */
export function wrapLayers(
  placed: readonly { id: string; x: number; y: number }[],
  byId: ReadonlyMap<string, LayoutPerson>,
  maxWidth: number,
): { at: { id: string; x: number; y: number }[]; height: number; left: number; right: number } {
  const layers = new Map<number, { id: string; x: number; y: number }[]>();
  for (const p of placed) layers.set(p.y, [...(layers.get(p.y) ?? []), { ...p }]);
  const out: { id: string; x: number; y: number }[] = [];
  let shift = 0;
  let left = Infinity;
  let right = -Infinity;
  let bottom = 0;
  const spanOf = (list: readonly { x: number }[]) => Math.max(...list.map((p) => p.x)) - Math.min(...list.map((p) => p.x));
  const oldSpan = Math.max(1, spanOf(placed));
  // Layers that stay one row are squeezed by as much as the wrapped ones shrank, so a manager
  // stays over the block of their reports (order kept; no two boxes closer than their widths).
  const squeeze = Math.min(1, maxWidth / oldSpan);
  for (const y of [...layers.keys()].sort((a, b) => a - b)) {
    const row = layers.get(y)!.sort((a, b) => a.x - b.x || (a.id < b.id ? -1 : 1));
    const widths = row.map((p) => boxWidth(byId.get(p.id)!));
    const total = widths.reduce((a, b) => a + b, 0);
    if (total <= maxWidth && squeeze < 1) {
      const xs = row.map((p) => p.x * squeeze);
      for (let i = 1; i < xs.length; i++) xs[i] = Math.max(xs[i]!, xs[i - 1]! + (widths[i - 1]! + widths[i]!) / 2);
      const drift = xs.reduce((a, b) => a + b, 0) / xs.length - (row.reduce((a, p) => a + p.x, 0) / row.length) * squeeze;
      row.forEach((p, i) => {
        p.x = xs[i]! - drift;
      });
    }
    const rows: number[][] = [];
    if (total <= maxWidth) {
      rows.push(row.map((_, i) => i));
    } else {
      // Even rows: as many as needed, people shared out equally, order kept.
      const count = Math.ceil(total / maxWidth);
      const per = Math.ceil(row.length / count);
      for (let i = 0; i < row.length; i += per) rows.push(row.slice(i, i + per).map((_, k) => i + k));
    }
    rows.forEach((idx, r) => {
      const rowY = y + shift + r * (ROW + GAP_Y / 2);
      if (rows.length === 1) {
        for (const i of idx) out.push({ id: row[i]!.id, x: row[i]!.x, y: rowY });
        for (const i of idx) {
          left = Math.min(left, row[i]!.x - widths[i]! / 2);
          right = Math.max(right, row[i]!.x + widths[i]! / 2);
        }
      } else {
        const w = idx.reduce((a, i) => a + widths[i]!, 0);
        const stagger = r % 2 === 1 ? widths[idx[0]!]! / 2 : 0;
        let x = -w / 2 + stagger;
        for (const i of idx) {
          out.push({ id: row[i]!.id, x: x + widths[i]! / 2, y: rowY });
          x += widths[i]!;
        }
        left = Math.min(left, -w / 2 + stagger);
        right = Math.max(right, w / 2 + stagger);
      }
      bottom = Math.max(bottom, rowY + ROW / 2);
    });
    shift += (rows.length - 1) * (ROW + GAP_Y / 2);
  }
  return { at: out, height: bottom, left, right };
}

export function orgLayout(people: readonly LayoutPerson[], lines: readonly LayoutLine[]): Map<string, Point> {
  const sorted = [...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const managers = managersOf(sorted, lines);
  const inChart = new Set<string>();
  for (const [report, ms] of managers) {
    inChart.add(report);
    for (const m of ms) inChart.add(m);
  }
  const charted = sorted.filter((p) => inChart.has(p.id));
  const loose = sorted.filter((p) => !inChart.has(p.id));
  const at = new Map<string, Point>();
  let bottom = 0;
  let left = 0;
  let right = 0;
  if (charted.length > 0) {
    const byId = new Map(charted.map((p) => [p.id, p]));
    const stratify = graphStratify()
      .id((d: { id: string }) => d.id)
      .parentIds((d: { id: string }) => managers.get(d.id) ?? []);
    const dag = stratify(charted.map((p) => ({ id: p.id })));
    const exact = charted.length <= EXACT_LIMIT;
    const layout = sugiyama()
      .layering(exact ? layeringSimplex() : layeringLongestPath())
      .decross(decrossTwoLayer())
      .coord(exact ? coordSimplex() : coordGreedy())
      .nodeSize((node: { data: { id: string } }) => [boxWidth(byId.get(node.data.id)!), ROW] as const)
      .gap([0, GAP_Y]);
    const { width } = layout(dag as never);
    const placed = [...dag.nodes()].map((node) => ({ id: node.data.id as string, x: node.x - width / 2, y: node.y }));
    const wrapped = wrapLayers(placed, byId, maxRowWidth(people.length));
    for (const p of wrapped.at) {
      // d3-dag gives the box centre; the circle sits in the box's upper part, labels below it.
      at.set(p.id, { x: round1(p.x), y: round1(p.y - ROW / 2 + 30) });
    }
    bottom = wrapped.height;
    left = wrapped.left;
    right = wrapped.right;
  }
  if (loose.length > 0) {
    // A grid as wide as the chart (at least ~6 people), rows below it.
    const span = Math.max(right - left, 6 * 170);
    let x = charted.length > 0 ? left : -span / 2;
    const startX = x;
    let y = bottom + (charted.length > 0 ? GAP_Y + 30 : 30);
    for (const p of loose) {
      const w = boxWidth(p);
      if (x + w > startX + span && x > startX) {
        x = startX;
        y += ROW + GAP_Y / 2;
      }
      at.set(p.id, { x: round1(x + w / 2), y: round1(y) });
      x += w;
    }
  }
  return at;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
