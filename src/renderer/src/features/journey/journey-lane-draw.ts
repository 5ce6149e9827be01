// Renderer: d3 drawing of one lane of the journey map — its bands and labels, the interactions the
// person attended, and the path of their steps. journey-draw.ts calls these for every lane; the
// geometry comes from journey-layout.ts and the marks' looks from journey-marks.ts.
import * as d3 from 'd3';
import { BUYING_JOBS, BUYING_JOB_LABEL, type BuyingJob, type Interaction, type JourneyStep, type JourneyStepId } from '@shared/domain';
import { CHART_COLORS } from '@renderer/lib/chart-theme';
import { JOB_SHORT, jobY, roleWords, segments, type CellPick, type Lane, type LaneMetrics } from './journey-layout';
import { interactionTitle, JOURNEY_COLORS, loopMark, loopTitle, stepFill, stepTitle } from './journey-marks';

export type G = d3.Selection<SVGGElement, unknown, null, undefined>;

/** Where the lane's job bands run, and what a click in one of them picks. */
export interface LaneFrame {
  width: number;
  left: number;
  right: number;
  /** The lane, job and time a click at this event picks. */
  pick: (event: MouseEvent, lane: Lane) => CellPick;
  onPickCell: (pick: CellPick) => void;
}

/** The lane's background, its six clickable job bands with their short names, and the person's label. */
export function drawLaneFrame(g: G, lane: Lane, index: number, m: LaneMetrics, frame: LaneFrame): void {
  const { width, left, right } = frame;
  g.append('rect')
    .attr('x', 0)
    .attr('y', lane.top)
    .attr('width', width)
    .attr('height', lane.height)
    .attr('fill', index % 2 ? CHART_COLORS.band : CHART_COLORS.paper);
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
      .on('click', (event: MouseEvent) => frame.onPickCell(frame.pick(event, lane)))
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
    .text(roleWords(lane.role));
  label
    .append('text')
    .attr('y', m.font * 3.6)
    .attr('font-size', m.font - 2)
    .attr('fill', JOURNEY_COLORS.muted)
    .text(lane.title.slice(0, 34));
}

/** Interactions this person attended: small diamonds in the job they were about (or the lane's foot). */
export function drawLaneInteractions(
  g: G,
  lane: Lane,
  interactions: readonly Interaction[],
  x: d3.ScaleTime<number, number>,
  m: LaneMetrics,
): void {
  const mine = interactions.filter((it) => it.attendeeIds.includes(lane.stakeholderId));
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
    .text(interactionTitle);
}

/** The person's path: a line in each job, arrows forward, dashed loops back, and a dot per step. */
export function drawLanePath(
  g: G,
  lane: Lane,
  x: d3.ScaleTime<number, number>,
  m: LaneMetrics,
  endAt: number,
  thick: number,
  onSelectStep: (id: JourneyStepId) => void,
): void {
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
      const mark = loopMark(x1, y0, y1, m.band * 1.7);
      const loop = path.append('g').attr('data-testid', 'journey-loop');
      loop
        .append('path')
        .attr('d', mark.d)
        .attr('fill', 'none')
        .attr('stroke', JOURNEY_COLORS.loop)
        .attr('stroke-width', thick + 0.5)
        .attr('stroke-dasharray', '6 3')
        .attr('marker-end', 'url(#journey-arrow-loop)');
      loop
        .append('text')
        .attr('x', mark.labelX)
        .attr('y', mark.labelY)
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
      loop.append('title').text(loopTitle(s));
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
  g.append('g')
    .selectAll('circle')
    .data(lane.steps)
    .join('circle')
    .attr('data-testid', 'journey-step')
    .attr('data-id', (s) => s.id)
    .attr('cx', (s) => x(s.at))
    .attr('cy', (s) => y(s.job))
    .attr('r', Math.max(5, m.band * 0.3))
    .attr('fill', (s: JourneyStep) => stepFill(s.move))
    .attr('stroke', JOURNEY_COLORS.dwell)
    .attr('stroke-width', 1.5)
    .style('cursor', 'pointer')
    .on('click', (event: MouseEvent, s) => {
      event.stopPropagation();
      onSelectStep(s.id);
    })
    .append('title')
    .text(stepTitle);
}
