// Renderer: the journey map. One lane per buying group member; inside a lane, six job bands
// (problem identification on top) and time running left to right. d3 draws the whole <svg> from
// the data on every change (a few hundred marks, no simulation); React owns the wrapper.
import { useEffect, useRef, useState, type RefObject } from 'react';
import * as d3 from 'd3';
import type { OpportunityDetail } from '@shared/api';
import {
  BUYING_JOBS,
  BUYING_JOB_LABEL,
  BUYING_ROLE_LABEL,
  journeyStepWindow,
  type BuyingJob,
  type JourneyStep,
  type JourneyStepId,
  type StakeholderId,
} from '@shared/domain';
import { formatDate } from '@renderer/lib/format';
import {
  buildLanes,
  JOB_SHORT,
  jobAtY,
  jobY,
  segments,
  showsToday,
  tickLabels,
  timeDomain,
  type Lane,
  type LaneMetrics,
} from './journey-layout';
import { USER_LOCALE } from '@renderer/lib/locale';
import { CHART_COLORS, CHART_FONT } from '@renderer/lib/chart-theme';

export const JOURNEY_COLORS = {
  dwell: CHART_COLORS.line,
  forward: CHART_COLORS.accent,
  loop: CHART_COLORS.loop,
  interaction: CHART_COLORS.interaction,
  today: CHART_COLORS.today,
  muted: CHART_COLORS.muted,
  grid: CHART_COLORS.grid,
} as const;

export interface CellPick {
  stakeholderId: StakeholderId;
  job: BuyingJob;
  at: number;
}

interface Props {
  svgRef: RefObject<SVGSVGElement | null>;
  detail: OpportunityDetail;
  now: number;
  metrics: LaneMetrics;
  selectedStepId: JourneyStepId | null;
  onSelectStep: (id: JourneyStepId) => void;
  onPickCell: (pick: CellPick) => void;
}

type G = d3.Selection<SVGGElement, unknown, null, undefined>;

function drawLane(
  g: G,
  lane: Lane,
  x: d3.ScaleTime<number, number>,
  m: LaneMetrics,
  endAt: number,
  thick: number,
  handlers: Pick<Props, 'onSelectStep'>,
) {
  const y = (job: BuyingJob) => jobY(lane, job, m);
  const path = g.append('g').attr('class', 'journey-path');
  segments(lane.steps).forEach((s) => {
    const x0 = x(s.from.at);
    const x1 = x(s.to.at);
    path
      .append('line')
      .attr('x1', x0)
      .attr('x2', x1)
      .attr('y1', y(s.from.job))
      .attr('y2', y(s.from.job))
      .attr('stroke', JOURNEY_COLORS.dwell)
      .attr('stroke-width', thick);
    const y0 = y(s.from.job);
    const y1 = y(s.to.job);
    if (s.transition === 'forward') {
      path
        .append('line')
        .attr('data-testid', 'journey-forward')
        .attr('x1', x1)
        .attr('x2', x1)
        .attr('y1', y0)
        .attr('y2', y1 - 4)
        .attr('stroke', JOURNEY_COLORS.forward)
        .attr('stroke-width', thick)
        .attr('marker-end', 'url(#journey-arrow-forward)');
    } else if (s.transition === 'loop_back') {
      const b = m.band * 1.7;
      const loop = path.append('g').attr('data-testid', 'journey-loop');
      const d =
        y0 === y1
          ? `M${x1 - 3},${y0}C${x1 - b},${y0 - b} ${x1 + b * 0.4},${y0 - b} ${x1 + 2},${y0 - 3}`
          : `M${x1},${y0}C${x1 - b},${y0} ${x1 - b},${y1} ${x1 - 4},${y1}`;
      loop
        .append('path')
        .attr('d', d)
        .attr('fill', 'none')
        .attr('stroke', JOURNEY_COLORS.loop)
        .attr('stroke-width', thick + 0.5)
        .attr('stroke-dasharray', '6 3')
        .attr('marker-end', 'url(#journey-arrow-loop)');
      loop
        .append('text')
        .attr('x', x1 - b * 0.8 - 4)
        .attr('y', (y0 + y1) / 2 - (y0 === y1 ? b * 0.6 : 0))
        .attr('dy', '0.35em')
        .attr('text-anchor', 'end')
        .attr('font-size', m.font - 2)
        .attr('font-weight', 700)
        .attr('fill', JOURNEY_COLORS.loop)
        .attr('paint-order', 'stroke')
        .attr('stroke', CHART_COLORS.paper)
        .attr('stroke-width', 4)
        .attr('stroke-linejoin', 'round')
        .text('loop back');
      loop
        .append('title')
        .text(`Loop back: ${BUYING_JOB_LABEL[s.from.job]} → ${BUYING_JOB_LABEL[s.to.job]}${s.to.note ? ` — ${s.to.note}` : ''}`);
    }
  });
  const last = lane.steps[lane.steps.length - 1];
  if (last && endAt > last.at) {
    // Where the person is now: the last job, carried on to today (or the deal's end), lighter.
    path
      .append('line')
      .attr('x1', x(last.at))
      .attr('x2', x(endAt))
      .attr('y1', y(last.job))
      .attr('y2', y(last.job))
      .attr('stroke', JOURNEY_COLORS.dwell)
      .attr('stroke-width', thick)
      .attr('stroke-opacity', 0.35);
  }
  const r = Math.max(5, m.band * 0.3);
  const fill = (s: JourneyStep) =>
    s.move === 'loop_back'
      ? JOURNEY_COLORS.loop
      : s.move === 'forward'
        ? JOURNEY_COLORS.forward
        : s.move === 'start'
          ? JOURNEY_COLORS.dwell
          : CHART_COLORS.paper;
  g.append('g')
    .selectAll('circle')
    .data(lane.steps)
    .join('circle')
    .attr('data-testid', 'journey-step')
    .attr('data-id', (s) => s.id)
    .attr('cx', (s) => x(s.at))
    .attr('cy', (s) => y(s.job))
    .attr('r', r)
    .attr('fill', fill)
    .attr('stroke', JOURNEY_COLORS.dwell)
    .attr('stroke-width', 1.5)
    .style('cursor', 'pointer')
    .on('click', (event: MouseEvent, s) => {
      event.stopPropagation();
      handlers.onSelectStep(s.id);
    })
    .append('title')
    .text((s) => `${formatDate(s.at)} · ${BUYING_JOB_LABEL[s.job]} · ${s.move.replace('_', ' ')}${s.note ? ` — ${s.note}` : ''}`);
}

function draw(svgEl: SVGSVGElement, props: Props, width: number): void {
  const { detail, now, metrics: m, selectedStepId } = props;
  const lanes = buildLanes(detail.opportunity, detail.stakeholders, detail.journey, m);
  const last = lanes[lanes.length - 1];
  const height = (last ? last.top + last.height : m.axis) + 12;
  const [t0, t1] = timeDomain(detail.opportunity, detail.journey, detail.interactions, now);
  const left = m.labelWidth + 16;
  const right = width - 24;
  const x = d3.scaleTime().domain([t0, t1]).range([left, right]);
  const thick = m.font > 15 ? 4 : 2.5;
  const svg = d3.select(svgEl);
  svg.selectAll('*').remove();
  svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`).attr('font-family', CHART_FONT);
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
  const ticks = x.ticks(Math.max(2, Math.floor((width - m.labelWidth) / 130)));
  const labels = tickLabels(
    ticks.map((t) => t.getTime()),
    USER_LOCALE,
  );
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

  const endAt = detail.opportunity.status === 'open' ? now : (detail.opportunity.closedAt ?? now);
  const roleLabel = (l: Lane) => (l.role ? BUYING_ROLE_LABEL[l.role] : 'Not in the group now');
  lanes.forEach((lane, i) => {
    const g = svg.append('g').attr('data-testid', 'journey-lane').attr('data-stakeholder', lane.stakeholderId);
    g.append('rect')
      .attr('x', 0)
      .attr('y', lane.top)
      .attr('width', width)
      .attr('height', lane.height)
      .attr('fill', i % 2 ? CHART_COLORS.band : CHART_COLORS.paper);
    g.append('line').attr('x1', 0).attr('x2', width).attr('y1', lane.top).attr('y2', lane.top).attr('stroke', CHART_COLORS.rule);
    BUYING_JOBS.forEach((job, j) => {
      const top = lane.top + m.pad + j * m.band;
      g.append('rect')
        .attr('data-testid', 'journey-cell')
        .attr('data-job', job)
        .attr('x', left)
        .attr('y', top)
        .attr('width', right - left)
        .attr('height', m.band)
        .attr('fill', j % 2 ? CHART_COLORS.bandAlt : 'transparent')
        .attr('fill-opacity', 0.6)
        .style('cursor', 'copy')
        .on('click', (event: MouseEvent) => {
          const [px, py] = d3.pointer(event, svgEl);
          // A click in the margin past the deal's end still means its last day (the host refuses later).
          const [lo, hi] = journeyStepWindow(detail.opportunity, now);
          const at = Math.min(hi, Math.max(lo, Math.round(x.invert(px).getTime())));
          props.onPickCell({ stakeholderId: lane.stakeholderId, job: jobAtY(lane, py, m), at });
        })
        .append('title')
        .text(`Add a step for ${lane.name}: ${BUYING_JOB_LABEL[job]}`);
      g.append('text')
        .attr('x', m.labelWidth + 4)
        .attr('y', top + m.band / 2)
        .attr('dy', '0.35em')
        .attr('text-anchor', 'end')
        .attr('font-size', m.font - 3)
        .attr('fill', JOURNEY_COLORS.muted)
        .text(JOB_SHORT[job]);
    });
    const label = g.append('g').attr('transform', `translate(14,${lane.top + m.pad})`);
    label
      .append('text')
      .attr('y', m.font)
      .attr('font-size', m.font + 1)
      .attr('font-weight', 700)
      .attr('fill', CHART_COLORS.ink)
      .text(lane.name);
    label
      .append('text')
      .attr('y', m.font * 2.4)
      .attr('font-size', m.font - 1)
      .attr('font-weight', 600)
      .attr('fill', CHART_COLORS.role)
      .text(roleLabel(lane));
    label
      .append('text')
      .attr('y', m.font * 3.6)
      .attr('font-size', m.font - 2)
      .attr('fill', JOURNEY_COLORS.muted)
      .text(lane.title.slice(0, 34));
    // Interactions this person attended: small diamonds in the job they were about (or the lane's foot).
    const mine = detail.interactions.filter((it) => it.attendeeIds.includes(lane.stakeholderId));
    g.append('g')
      .selectAll('path')
      .data(mine)
      .join('path')
      .attr('data-testid', 'journey-interaction')
      .attr('d', d3.symbol(d3.symbolDiamond, m.font * 3)())
      .attr('transform', (it) => `translate(${x(it.at)},${it.buyingJob ? jobY(lane, it.buyingJob, m) : lane.top + lane.height - 5})`)
      .attr('fill', JOURNEY_COLORS.interaction)
      .attr('fill-opacity', 0.55)
      .append('title')
      .text((it) => `${formatDate(it.at)} · ${it.kind.replace('_', ' ')}: ${it.notes.slice(0, 120)}`);
    drawLane(g, lane, x, m, endAt, thick, props);
  });

  const marker = (at: number, label: string, color: string, dash: string | null, testid: string) => {
    const gx = x(at);
    const g = svg.append('g').attr('data-testid', testid).attr('pointer-events', 'none');
    g.append('line')
      .attr('x1', gx)
      .attr('x2', gx)
      .attr('y1', m.axis - 2)
      .attr('y2', height - 8)
      .attr('stroke', color)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', dash);
    const flip = gx > width - 110;
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
  };
  if (detail.opportunity.status === 'open')
    marker(detail.opportunity.closeDate, 'Close date', JOURNEY_COLORS.muted, '6 4', 'journey-close');
  if (showsToday([t0, t1], now)) marker(now, 'Today', JOURNEY_COLORS.today, null, 'journey-today');

  if (selectedStepId) {
    svg
      .selectAll<SVGCircleElement, JourneyStep>('[data-testid="journey-step"]')
      .filter((s) => s.id === selectedStepId)
      .attr('stroke', CHART_COLORS.highlight)
      .attr('stroke-width', 5)
      .raise();
  }
}

export function JourneyChart(props: Props) {
  const { svgRef } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (svgRef.current && width > 0) draw(svgRef.current, props, Math.max(720, width));
  });

  return (
    <div ref={wrapRef} className="journey-wrap">
      <svg
        ref={svgRef}
        className="journey-svg"
        data-testid="journey-map"
        role="img"
        aria-label={`Journey map of ${props.detail.opportunity.name}: each buying group member's moves between the six buying jobs over time. The table below lists every step.`}
      />
    </div>
  );
}
