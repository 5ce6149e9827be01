// Renderer: the d3 drawing pieces of the map (node glyphs, edge paths, the in-picture legend),
// kept apart from the component so BuyingGroupGraph.tsx holds only lifecycle and events.
import * as d3 from 'd3';
import { RELATIONSHIP_KINDS, STANCES } from '@shared/domain';
import { STANCE_LABEL } from '@renderer/components/StanceBadge';
import { CHART_COLORS } from '@renderer/lib/chart-theme';
import { EDGE_STYLE, STANCE_FILL, STANCE_GLYPH, edgePath, type PersonNode, type RelEdge } from './graph-model';
import { labelPlacement, type LabelLevel } from './label-zoom';
import type { Point } from './map-layout';

export type Sel<E extends d3.BaseType, D> = d3.Selection<E, D, SVGGElement, unknown>;

export interface DrawnNode extends PersonNode {
  x: number;
  y: number;
}

export function edgeD(l: RelEdge, byId: ReadonlyMap<string, DrawnNode>): string {
  const s = byId.get(l.source);
  const t = byId.get(l.target);
  if (!s || !t) return '';
  return edgePath({ x: s.x, y: s.y, r: s.radius }, { x: t.x, y: t.y, r: t.radius }, l.bend).d;
}

/** The label's two lines (graph units at s = 1). Placement measures them in the same font. */
export const NAME_FONT = { size: 13, weight: 650 } as const;
export const ROLES_FONT = { size: 11.5, weight: 600 } as const;

export function nodeTransform(p: Point): string {
  return `translate(${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10})`;
}

export function enterNode(enter: d3.Selection<d3.EnterElement, DrawnNode, SVGGElement, unknown>) {
  const g = enter
    .append('g')
    .attr('class', 'bg-node')
    .attr('data-testid', 'bg-node')
    .attr('role', 'button')
    .attr('tabindex', -1)
    .style('cursor', 'pointer');
  g.append('circle').attr('class', 'bg-ring').attr('fill', 'none').attr('stroke-width', 4);
  // A coverage gap: a red dashed ring outside the selection ring.
  g.append('circle')
    .attr('class', 'bg-flag')
    .attr('fill', 'none')
    .attr('stroke', CHART_COLORS.negative)
    .attr('stroke-width', 2.5)
    .attr('stroke-dasharray', '6 4')
    .attr('aria-hidden', 'true');
  g.append('circle').attr('class', 'bg-body').attr('stroke-width', 2.5);
  g.append('text')
    .attr('class', 'bg-initials')
    .attr('text-anchor', 'middle')
    .attr('dy', '0.35em')
    .attr('font-weight', 700)
    .attr('aria-hidden', 'true');
  const glyph = g.append('g').attr('class', 'bg-glyph').attr('aria-hidden', 'true');
  glyph.append('circle').attr('r', 9).attr('fill', CHART_COLORS.paper).attr('stroke', CHART_COLORS.line).attr('stroke-width', 1.5);
  glyph
    .append('text')
    .attr('text-anchor', 'middle')
    .attr('dy', '0.35em')
    .attr('font-size', 12)
    .attr('font-weight', 700)
    .attr('fill', CHART_COLORS.ink);
  const halo = (t: d3.Selection<SVGTextElement, DrawnNode, SVGGElement, unknown>) =>
    void t
      .attr('text-anchor', 'middle')
      .attr('paint-order', 'stroke')
      .attr('stroke', CHART_COLORS.paper)
      .attr('stroke-width', 4)
      .attr('stroke-linejoin', 'round')
      .attr('aria-hidden', 'true');
  // Name and roles in a block hung under the circle; the inner group is what the screen-only
  // semantic zoom scales (buying-group.css, label-zoom.ts), so exports draw it at s = 1.
  const label = g.append('g').attr('class', 'bg-label').append('g').attr('class', 'bg-label-scaled');
  const { nameY, rolesY } = labelPlacement(0, 1);
  const line = (cls: string, y: number, font: { size: number; weight: number }, fill: string) =>
    label
      .append('text')
      .attr('class', cls)
      .attr('y', y)
      .attr('font-size', font.size)
      .attr('font-weight', font.weight)
      .attr('fill', fill)
      .call(halo);
  line('bg-name', nameY, NAME_FONT, CHART_COLORS.ink);
  line('bg-roles', rolesY, ROLES_FONT, CHART_COLORS.role);
  // Our team member who covers them, beside the circle (lower left); last in DOM order,
  // as its initials end the node's visible text and so its accessible name.
  const cover = g.append('g').attr('class', 'bg-cover').attr('aria-hidden', 'true');
  cover
    .append('rect')
    .attr('width', 22)
    .attr('height', 15)
    .attr('x', -11)
    .attr('y', -7.5)
    .attr('rx', 3)
    .attr('fill', CHART_COLORS.ink)
    .attr('stroke', CHART_COLORS.paper)
    .attr('stroke-width', 1.5);
  cover
    .append('text')
    .attr('text-anchor', 'middle')
    .attr('dy', '0.35em')
    .attr('font-size', 9)
    .attr('font-weight', 700)
    .attr('fill', CHART_COLORS.paper);
  return g;
}

export function updateNodes(nodes: Sel<SVGGElement, DrawnNode>): void {
  nodes.attr('data-id', (d) => d.id).attr('aria-label', (d) => d.ariaLabel);
  nodes
    .select('circle.bg-body')
    .attr('r', (d) => d.radius)
    .attr('fill', (d) => d.fill)
    .attr('stroke', (d) => (d.stance === 'unknown' ? CHART_COLORS.unknownRim : CHART_COLORS.paper))
    .attr('stroke-dasharray', (d) => (d.stance === 'unknown' ? '4 3' : null));
  nodes.select('circle.bg-ring').attr('r', (d) => d.radius + 6);
  nodes
    .select('text.bg-initials')
    .text((d) => d.initials)
    .attr('font-size', (d) => Math.max(11, d.radius * 0.62))
    .attr('fill', (d) => (d.stance === 'unknown' || d.stance === 'neutral' ? CHART_COLORS.ink : CHART_COLORS.paper));
  nodes
    .select('g.bg-glyph')
    .attr('transform', (d) => `translate(${d.radius * 0.74},${-d.radius * 0.74})`)
    .select('text')
    .text((d) => STANCE_GLYPH[d.stance]);
  nodes
    .select('circle.bg-flag')
    .attr('r', (d) => d.radius + 11)
    .attr('display', (d) => (d.flag ? null : 'none'));
  nodes.attr('data-flag', (d) => (d.flag ? 'true' : null)).attr('data-cover', (d) => d.coverInitials || null);
  nodes
    .select('g.bg-cover')
    .attr('display', (d) => (d.coverInitials ? null : 'none'))
    .attr('transform', (d) => `translate(${-d.radius * 0.8},${d.radius * 0.8})`)
    .select('text')
    .text((d) => (d.coverInitials ? ` ${d.coverInitials}` : ''));
  nodes.select('g.bg-label').attr('transform', (d) => `translate(0,${d.radius})`);
  nodes.select('text.bg-name').text((d) => d.name);
  // The leading space is invisible (SVG collapses it) but keeps "name" and "roles" two words
  // for assistive tech that reads the node's text run together (axe label-content-name-mismatch).
  nodes.select('text.bg-roles').text((d) => (d.rolesText ? ` ${d.rolesText}` : ''));
}

/**
 * The node's accessible name while its label shows only `level` (label-zoom.ts). It must open
 * with the node's visible text in DOM order (WCAG 2.5.3, axe label-content-name-mismatch), so
 * the hidden lines leave that opening; nothing is lost, as the rest of the name says the roles
 * in words, and a hidden name follows straight after.
 */
export function ariaLabelAt(node: SVGGElement, d: DrawnNode, level: LabelLevel): string {
  if (level === 'full') return d.ariaLabel;
  const shown = ['text.bg-initials', 'g.bg-glyph text', ...(level === 'name' ? ['text.bg-name'] : []), 'g.bg-cover text'];
  const head = shown
    .map((sel) => node.querySelector(sel)?.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = d.ariaLabel.indexOf('; ');
  const rest = cut < 0 ? '' : d.ariaLabel.slice(cut + 2);
  return [head, level === 'none' ? d.name : '', rest].filter(Boolean).join('; ');
}

/**
 * The legend drawn inside the picture, under everyone, so an exported file explains itself.
 * The screen hides it (buying-group.css): the page shows a readable legend under the map.
 */
export function drawLegend(layer: d3.Selection<SVGGElement, unknown, null, undefined>, at: Point, dealLine: string): void {
  layer.selectAll('*').remove();
  layer.attr('transform', nodeTransform(at)).attr('data-testid', 'bg-svg-legend').attr('font-size', 12).attr('fill', CHART_COLORS.ink);
  layer.append('text').attr('font-weight', 700).attr('font-size', 13).attr('y', 0).text(dealLine);
  STANCES.forEach((s, i) => {
    const g = layer.append('g').attr('transform', `translate(${i * 120},24)`);
    g.append('circle')
      .attr('r', 7)
      .attr('cx', 7)
      .attr('fill', STANCE_FILL[s])
      .attr('stroke', s === 'unknown' ? CHART_COLORS.unknownRim : 'none')
      .attr('stroke-dasharray', s === 'unknown' ? '3 2' : null);
    g.append('text').attr('x', 20).attr('dy', '0.35em').text(`${STANCE_GLYPH[s]} ${STANCE_LABEL[s]}`);
  });
  RELATIONSHIP_KINDS.forEach((k, i) => {
    const style = EDGE_STYLE[k];
    const g = layer.append('g').attr('transform', `translate(${i * 150},50)`);
    g.append('line')
      .attr('x1', 0)
      .attr('x2', 34)
      .attr('y1', 0)
      .attr('y2', 0)
      .attr('stroke', style.stroke)
      .attr('stroke-width', style.width)
      .attr('stroke-dasharray', style.dash);
    g.append('text').attr('x', 42).attr('dy', '0.35em').text(style.label);
  });
  layer
    .append('text')
    .attr('y', 76)
    .attr('fill', CHART_COLORS.role)
    .text('Size = influence (1–5) · Under each name: buying roles, or the role on the highlighted deal');
  layer
    .append('text')
    .attr('y', 96)
    .attr('fill', CHART_COLORS.role)
    .text('Dark tag = initials of our team member who met them most · Red dashed ring = a coverage gap (never met, or the only thread)');
}
