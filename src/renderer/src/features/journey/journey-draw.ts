// Renderer: d3 draws the whole journey map <svg> from the data on every change (a few hundred
// marks, no simulation): arrowheads, the time axis, one lane per person (journey-lane-draw.ts),
// the Today and Close date markers, and the selected step's highlight.
import * as d3 from 'd3';
import type { OpportunityDetail } from '@shared/api';
import { journeyStepWindow, type JourneyStep, type JourneyStepId } from '@shared/domain';
import { CHART_COLORS, CHART_FONT } from '@renderer/lib/chart-theme';
import { USER_LOCALE } from '@renderer/lib/locale';
import { axisTicks, buildLanes, laneEnd, pickCell, showsToday, timeDomain, type CellPick, type LaneMetrics } from './journey-layout';
import { JOURNEY_COLORS, markerLabelFlips } from './journey-marks';
import { drawLaneFrame, drawLaneInteractions, drawLanePath, type G } from './journey-lane-draw';

export interface JourneyDrawInput {
  detail: OpportunityDetail;
  now: number;
  metrics: LaneMetrics;
  selectedStepId: JourneyStepId | null;
  onSelectStep: (id: JourneyStepId) => void;
  onPickCell: (pick: CellPick) => void;
}

type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;

/** Arrowheads for forward moves and loops back, sized to the line. */
function drawArrowheads(svg: Svg, thick: number): void {
  const defs = svg.append('defs');
  for (const [name, color] of [
    ['forward', JOURNEY_COLORS.forward],
    ['loop', JOURNEY_COLORS.loop],
  ] as const) {
    defs
      .append('marker')
      .attr('id', `journey-arrow-${name}`)
      .attr('viewBox', '0 -5 10 10')
      .attr('refX', 8)
      .attr('markerUnits', 'userSpaceOnUse')
      .attr('markerWidth', thick * 4)
      .attr('markerHeight', thick * 4)
      .attr('orient', 'auto')
      .append('path')
      .attr('d', 'M0,-5L10,0L0,5Z')
      .attr('fill', color);
  }
}

interface MarkerBox {
  m: LaneMetrics;
  width: number;
  height: number;
}

/** A vertical line across every lane at `gx` with its label at the top (Today, Close date). */
function drawMarker(svg: Svg, gx: number, label: string, color: string, dash: string | null, testid: string, box: MarkerBox): void {
  const { m, width, height } = box;
  const g: G = svg.append('g').attr('data-testid', testid).attr('pointer-events', 'none');
  g.append('line')
    .attr('x1', gx)
    .attr('x2', gx)
    .attr('y1', m.axis - 2)
    .attr('y2', height - 8)
    .attr('stroke', color)
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', dash);
  const flip = markerLabelFlips(gx, width);
  g.append('text')
    .attr('x', flip ? gx - 4 : gx + 4)
    .attr('text-anchor', flip ? 'end' : 'start')
    .attr('y', m.axis + m.font - 2)
    .attr('font-size', m.font - 1)
    .attr('font-weight', 700)
    .attr('fill', color)
    .attr('paint-order', 'stroke')
    .attr('stroke', CHART_COLORS.paper)
    .attr('stroke-width', 4)
    .text(label);
}

export function drawJourney(svgEl: SVGSVGElement, input: JourneyDrawInput, width: number): void {
  const { detail, now, metrics: m, selectedStepId } = input;
  const lanes = buildLanes(detail.opportunity, detail.stakeholders, detail.journey, m);
  const last = lanes[lanes.length - 1];
  const height = (last ? last.top + last.height : m.axis) + 12;
  const [t0, t1] = timeDomain(detail.opportunity, detail.journey, detail.interactions, now);
  const left = m.labelWidth + 16;
  const right = width - 24;
  const x = d3.scaleTime().domain([t0, t1]).range([left, right]);
  const thick = m.font > 15 ? 4 : 2.5;
  const svg: Svg = d3.select(svgEl);
  svg.selectAll('*').remove();
  svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`).attr('font-family', CHART_FONT);
  drawArrowheads(svg, thick);
  const { ticks, labels } = axisTicks(x, width - m.labelWidth, 130, USER_LOCALE);
  const axis = svg
    .append('g')
    .attr('transform', `translate(0,${m.axis - 4})`)
    .call(
      d3
        .axisTop<Date>(x)
        .tickValues(ticks)
        .tickFormat((_d, i) => labels[i] ?? ''),
    );
  axis.attr('font-size', m.font - 1).attr('font-family', null);
  axis.selectAll('text').attr('fill', JOURNEY_COLORS.muted);

  const endAt = laneEnd(detail.opportunity, now);
  const [lo, hi] = journeyStepWindow(detail.opportunity, now);
  const frame = {
    width,
    left,
    right,
    pick: (event: MouseEvent, lane: (typeof lanes)[number]) => {
      const [px, py] = d3.pointer(event, svgEl);
      return pickCell(lane, x.invert(px).getTime(), py, m, [lo, hi]);
    },
    onPickCell: input.onPickCell,
  };
  lanes.forEach((lane, i) => {
    const g: G = svg.append('g').attr('data-testid', 'journey-lane').attr('data-stakeholder', lane.stakeholderId);
    drawLaneFrame(g, lane, i, m, frame);
    drawLaneInteractions(g, lane, detail.interactions, x, m);
    drawLanePath(g, lane, x, m, endAt, thick, input.onSelectStep);
  });

  const box = { m, width, height };
  if (detail.opportunity.status === 'open')
    drawMarker(svg, x(detail.opportunity.closeDate), 'Close date', JOURNEY_COLORS.muted, '6 4', 'journey-close', box);
  if (showsToday([t0, t1], now)) drawMarker(svg, x(now), 'Today', JOURNEY_COLORS.today, null, 'journey-today', box);

  if (selectedStepId) {
    svg
      .selectAll<SVGCircleElement, JourneyStep>('[data-testid="journey-step"]')
      .filter((s) => s.id === selectedStepId)
      .attr('stroke', CHART_COLORS.highlight)
      .attr('stroke-width', 5)
      .raise();
  }
}
