// Renderer (pure): the org chart. Reporting lines as a layered hierarchy drawn by d3-dag's
// Sugiyama layout (several managers allowed, crossings reduced); influence and alliance lines
// are then drawn across it by the map as usual. People with no reporting line at all sit in a
// grid under the chart, so forty loose people do not make one endless top row.
// Deterministic: inputs are sorted by id, and d3-dag's operators used here are not random.
import {
  coordGreedy, coordSimplex, decrossTwoLayer, graphStratify, layeringLongestPath, layeringSimplex, sugiyama,
} from 'd3-dag';
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
    const { width, height } = layout(dag as never);
    for (const node of dag.nodes()) {
      // d3-dag gives the box centre; the circle sits in the box's upper part, labels below it.
      at.set(node.data.id, { x: round1(node.x - width / 2), y: round1(node.y - ROW / 2 + 30) });
    }
    bottom = height;
    left = -width / 2;
    right = width / 2;
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
