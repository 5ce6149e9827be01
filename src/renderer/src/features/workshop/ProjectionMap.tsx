// Renderer: the journey at projector size — every lane of the group on one screen as a compact
// strip (the line steps up and down through the six jobs, coloured by job), revealed person by
// person or job by job, with the room's sticky notes pinned on it. React draws the SVG (a few
// hundred marks); sizes are real CSS pixels so 28 px type stays 28 px on the wall. The geometry
// is projection-frame.ts's; the lanes, notes and legend are their own components.
import { useMemo, type ReactNode, type RefObject } from 'react';
import type { OpportunityDetail } from '@shared/api';
import { CHART_COLORS, CHART_FONT } from '@renderer/lib/chart-theme';
import { buildLanes, PROJECTOR_METRICS } from '../journey/journey-layout';
import { PROJECTION_AXIS as AXIS, PROJECTION_FONT } from './projection-layout';
import { LEGEND_H, projectionFrame } from './projection-frame';
import { revealWords } from './projection-model';
import type { PresentationState } from './presentation-state';
import { ProjectionLane } from './ProjectionLane';
import { ProjectionLegend } from './ProjectionLegend';
import { ProjectionNotes } from './ProjectionNotes';

export interface ProjectionMapProps {
  svgRef?: RefObject<SVGSVGElement | null>;
  detail: OpportunityDetail;
  state: PresentationState;
  now: number;
  width: number;
  height: number;
  onSelect?: (stakeholderId: string | null) => void;
  testId?: string;
  /** Draw the legend inside the SVG (the facilitator's view, so its SVG/PNG export carries it). */
  withLegend?: boolean;
  /** The facilitator's window edits a note in place when it is clicked. */
  onNoteClick?: (noteId: string) => void;
  /** A note being edited in place: its card holds this editor instead of its text. */
  editor?: { noteId: string; node: ReactNode } | null;
}

export function useProjectionLanes(detail: OpportunityDetail) {
  return useMemo(() => buildLanes(detail.opportunity, detail.stakeholders, detail.journey, PROJECTOR_METRICS), [detail]);
}

export function ProjectionMap({
  svgRef,
  detail,
  state,
  now,
  width,
  height,
  onSelect,
  testId = 'projection-map',
  onNoteClick,
  editor,
  withLegend = false,
}: ProjectionMapProps) {
  const lanes = useProjectionLanes(detail);
  const legendH = withLegend ? LEGEND_H : 0;
  const frame = projectionFrame(lanes, detail, state, now, { width, height, legendH });
  const { fit, page, shown, x, ticks, axisLabels, drawn, top, todayX, right } = frame;

  return (
    <svg
      ref={svgRef}
      data-testid={testId}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily={CHART_FONT}
      role="img"
      aria-label={`Journey of ${detail.opportunity.name}: ${revealWords(state, lanes.length, frame.loops.length)} shown`}
    >
      <rect x={0} y={0} width={width} height={height} fill={CHART_COLORS.paper} />
      <g data-testid="projection-axis">
        {ticks.map((t, i) => {
          const label = axisLabels[i];
          return (
            <g key={t.getTime()}>
              <line x1={x(t)} x2={x(t)} y1={AXIS - 6} y2={top(shown.length)} stroke={CHART_COLORS.grid} strokeWidth={2} />
              {label && drawn[i] ? (
                <text x={label.x} y={AXIS - 12} textAnchor={label.anchor} fontSize={PROJECTION_FONT} fill={CHART_COLORS.ink}>
                  {label.text}
                </text>
              ) : null}
            </g>
          );
        })}
      </g>
      {shown.map(({ lane, index }, row) => (
        <ProjectionLane
          key={lane.stakeholderId}
          lane={lane}
          index={index}
          row={row}
          frame={frame}
          state={state}
          width={width}
          onSelect={onSelect}
        />
      ))}
      {/* Today: only when it lies in the deal's life and in the time in view (a tick label it would cover gives way). */}
      {todayX !== null ? (
        <g data-testid="projection-today" pointerEvents="none">
          <line x1={todayX} x2={todayX} y1={AXIS - 6} y2={top(shown.length)} stroke={CHART_COLORS.today} strokeWidth={3} />
          <text
            x={todayX + 6}
            y={AXIS - 12}
            fontSize={PROJECTION_FONT}
            fontWeight={700}
            fill={CHART_COLORS.today}
            textAnchor={right - todayX < 110 ? 'end' : 'start'}
            paintOrder="stroke"
            stroke={CHART_COLORS.paper}
            strokeWidth={6}
          >
            Today
          </text>
        </g>
      ) : null}
      <ProjectionNotes cards={frame.cards} height={height} onNoteClick={onNoteClick} editor={editor} />
      {withLegend ? <ProjectionLegend y={height - legendH + 8} width={width} /> : null}
      {fit.pages > 1 ? (
        <text
          x={right}
          y={height - 8}
          textAnchor="end"
          fontSize={PROJECTION_FONT}
          fill={CHART_COLORS.ink}
        >{`Group ${page + 1} of ${fit.pages}`}</text>
      ) : null}
    </svg>
  );
}
