// Renderer: the journey at projector size — every lane of the group on one screen as a compact
// strip (the line steps up and down through the six jobs, coloured by job), revealed person by
// person or job by job, with the room's sticky notes pinned on it. React draws the SVG (a few
// hundred marks); sizes are real CSS pixels so 28 px type stays 28 px on the wall.
import { useMemo, type ReactNode, type RefObject } from 'react';
import * as d3 from 'd3';
import type { OpportunityDetail } from '@shared/api';
import { BUYING_JOBS, BUYING_JOB_LABEL, BUYING_ROLE_LABEL, type BuyingJob } from '@shared/domain';
import { USER_LOCALE } from '@renderer/lib/locale';
import { CHART_COLORS, CHART_FONT, JOB_COLORS } from '@renderer/lib/chart-theme';
import { buildLanes, jobIndex, PROJECTOR_METRICS, showsToday, tickLabels, timeDomain } from '../journey/journey-layout';
import { fitLanes, fitText, PROJECTION_FONT, spacedLabels, textWidth, wrapWords, zoomDomain, type AxisLabel } from './projection-layout';
import { pinNotes, type NotePin } from '../journey/note-pins';
import { isLaneRevealed, isPinVisible, loopsInOrder, revealWords, visibleSteps } from './projection-model';
import type { PresentationState } from './presentation-state';

export const JOB_TAG: Record<BuyingJob, string> = {
  problem_identification: 'Problem',
  solution_exploration: 'Explore',
  requirements_building: 'Require',
  supplier_selection: 'Select',
  validation: 'Validate',
  consensus_creation: 'Consensus',
};
export const NOTE_FILL: Record<string, string> = { yellow: '#fff1a0', blue: '#cfe3ff', green: '#c9ebcc', pink: '#ffd0e0', grey: '#e1e5ea' };

const AXIS = 44;
export const NOTE_W = 360;

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

export interface NoteCard {
  pin: NotePin;
  free: boolean;
  ax: number;
  ay: number;
  bx: number;
  by: number;
  h: number;
  lines: string[];
}

/** Where each visible note's card sits: beside its pin (flipped left near the edge); free notes stacked at the right. */
export function noteCards(
  pins: readonly NotePin[],
  rowOf: ReadonlyMap<number, number>,
  g: {
    x: (t: number) => number;
    levelY: (row: number, job: BuyingJob) => number;
    top: (row: number) => number;
    h: number;
    right: number;
    height: number;
  },
): NoteCard[] {
  let freeY = AXIS + 8;
  const out: NoteCard[] = [];
  for (const pin of pins) {
    const row = pin.lane === null ? null : rowOf.get(pin.lane);
    if (row === undefined) continue;
    const lines = wrapWords(pin.note.text, Math.floor((NOTE_W - 24) / (PROJECTION_FONT * 0.64))).slice(0, 5);
    const h = lines.length * (PROJECTION_FONT + 6) + 20;
    const free = row === null;
    const ax = free || pin.at === null ? g.right - 8 : g.x(pin.at);
    const ay = free ? AXIS + 8 : pin.job ? g.levelY(row, pin.job) : g.top(row) + g.h / 2;
    const bx = free ? g.right - NOTE_W - 8 : ax + NOTE_W + 24 > g.right ? ax - NOTE_W - 24 : ax + 24;
    const by = Math.max(AXIS, Math.min(g.height - h - 4, free ? freeY : ay - h / 2));
    if (free) freeY += h + 8;
    out.push({ pin, free, ax, ay, bx, by, h, lines });
  }
  return out;
}

function SvgLegend({ y, width }: { y: number; width: number }) {
  const items: { label: string; draw: (x: number) => ReactNode }[] = [
    ...BUYING_JOBS.map((job) => ({
      label: JOB_TAG[job],
      draw: (x: number) => <rect x={x} y={y + 12} width={28} height={10} rx={2} fill={JOB_COLORS[job]} />,
    })),
    {
      label: 'Loop back',
      draw: (x: number) => (
        <line x1={x + 14} x2={x + 14} y1={y + 2} y2={y + 32} stroke={CHART_COLORS.loop} strokeWidth={4} strokeDasharray="5 3" />
      ),
    },
    {
      label: 'Note',
      draw: (x: number) => (
        <rect x={x} y={y + 4} width={28} height={26} rx={3} fill={NOTE_FILL['yellow']} stroke="#5b6574" strokeWidth={2} />
      ),
    },
  ];
  let x = 16;
  return (
    <g data-testid="projection-legend">
      <line x1={0} x2={width} y1={y - 4} y2={y - 4} stroke={CHART_COLORS.rule} strokeWidth={2} />
      {items.map((item) => {
        const at = x;
        x += 40 + textWidth(item.label, PROJECTION_FONT * 0.8) + 24;
        return (
          <g key={item.label}>
            {item.draw(at)}
            <text x={at + 36} y={y + 17} dy="0.35em" fontSize={PROJECTION_FONT * 0.8} fill={CHART_COLORS.ink}>
              {item.label}
            </text>
          </g>
        );
      })}
    </g>
  );
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
  const legendH = withLegend ? 48 : 0;
  const fit = fitLanes(lanes.length, height - AXIS - 8 - legendH);
  const page = Math.min(state.page, fit.pages - 1);
  const shown = lanes.map((lane, index) => ({ lane, index })).slice(page * fit.perPage, (page + 1) * fit.perPage);
  const labelWidth = Math.round(Math.min(400, Math.max(260, width * 0.22)));
  const left = labelWidth + 12;
  const right = width - 16;
  const full = timeDomain(detail.opportunity, detail.journey, detail.interactions, now);
  const loops = loopsInOrder(lanes);
  // Loop mode: the loops back appear one by one; the one just shown is marked and named.
  const loopRank = new Map(loops.map((l, i) => [l.stepId, i]));
  const currentLoop = state.mode === 'loop' ? loops[state.step - 1] : undefined;
  const focusLane = state.mode === 'person' ? lanes[state.step - 1] : undefined;
  const focus = currentLoop?.at ?? focusLane?.steps[focusLane.steps.length - 1]?.at ?? (full[0] + full[1]) / 2;
  const [t0, t1] = zoomDomain(full, state.zoom, focus);
  const x = d3.scaleTime().domain([t0, t1]).range([left, right]).clamp(true);
  const ticks = x.ticks(Math.max(2, Math.floor((right - left) / 240)));
  const labels = tickLabels(
    ticks.map((t) => t.getTime()),
    USER_LOCALE,
  );
  const h = fit.laneHeight;
  const top = (row: number) => AXIS + row * h;
  const levelY = (row: number, job: BuyingJob) => top(row) + 5 + (jobIndex(job) / 5) * (h - 10);
  const endAt = detail.opportunity.status === 'open' ? now : (detail.opportunity.closedAt ?? now);
  const todayX = showsToday(full, now) && now >= t0 && now <= t1 ? x(now) : null;
  // A tick label that "Today" would cover is left out (the grid line stays).
  const coversTick = (tx: number) =>
    todayX !== null && (right - todayX < 110 ? tx > todayX - 140 && tx < todayX + 70 : tx > todayX - 70 && tx < todayX + 150);
  const axisLabels = ticks.map((t, i): AxisLabel | null => {
    const tx = x(t);
    if (coversTick(tx)) return null;
    return { x: tx, text: labels[i]!, anchor: i === 0 && tx - left < 80 ? 'start' : right - tx < 90 ? 'end' : 'middle' };
  });
  const drawn = spacedLabels(axisLabels, PROJECTION_FONT);
  const pins = pinNotes(detail.notes, lanes).filter((p) => isPinVisible(p, state));
  const rowOf = new Map(shown.map((s, row) => [s.index, row]));
  const thick = h >= 40 ? 5 : 4;
  const cards = noteCards(pins, rowOf, { x, levelY, top, h, right, height });

  return (
    <svg
      ref={svgRef}
      data-testid={testId}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily={CHART_FONT}
      role="img"
      aria-label={`Journey of ${detail.opportunity.name}: ${revealWords(state, lanes.length, loops.length)} shown`}
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
      {shown.map(({ lane, index }, row) => {
        const revealed = isLaneRevealed(index, state);
        const steps = visibleSteps(lane, index, state);
        const current = state.mode === 'person' && index === state.step - 1;
        const selected = state.selectedStakeholderId === lane.stakeholderId;
        const y0 = top(row);
        const last = steps[steps.length - 1];
        return (
          <g
            key={lane.stakeholderId}
            data-testid="projection-lane"
            data-stakeholder={lane.stakeholderId}
            data-revealed={String(revealed)}
            data-selected={String(selected)}
            onClick={onSelect ? () => onSelect(selected ? null : lane.stakeholderId) : undefined}
            style={onSelect ? { cursor: 'pointer' } : undefined}
          >
            <title>{`${lane.name}${lane.role ? ` — ${BUYING_ROLE_LABEL[lane.role]}` : ''}${lane.title ? `, ${lane.title}` : ''}`}</title>
            <rect x={0} y={y0} width={width} height={h} fill={row % 2 ? CHART_COLORS.band : CHART_COLORS.paper} />
            {selected ? (
              <rect x={2} y={y0 + 2} width={width - 4} height={h - 4} fill="none" stroke={CHART_COLORS.highlight} strokeWidth={4} />
            ) : null}
            {current ? <rect x={0} y={y0} width={8} height={h} fill={CHART_COLORS.accent} data-testid="projection-current" /> : null}
            <text x={16} y={y0 + h / 2} dy="0.35em" fontSize={PROJECTION_FONT} fontWeight={revealed ? 700 : 400} fill={CHART_COLORS.ink}>
              {fitText(lane.name, labelWidth - 20, PROJECTION_FONT, true)}
            </text>
            {steps.map((s, i) => {
              const next = steps[i + 1];
              const x0 = x(s.at);
              const x1 = x(next ? next.at : endAt);
              const y = levelY(row, s.job);
              const isLoop = next !== undefined && (jobIndex(next.job) < jobIndex(s.job) || next.move === 'loop_back');
              const rank = next ? loopRank.get(next.id) : undefined;
              // In loop mode a loop not yet revealed is drawn as a plain move, so the room sees it only when told.
              const loop = isLoop && (state.mode !== 'loop' || (rank !== undefined && rank < state.step));
              return (
                <g key={s.id}>
                  <line
                    x1={x0}
                    x2={x1}
                    y1={y}
                    y2={y}
                    stroke={JOB_COLORS[s.job]}
                    strokeWidth={thick}
                    strokeOpacity={next ? 1 : 0.45}
                    strokeLinecap="round"
                  />
                  {next ? (
                    <line
                      x1={x1}
                      x2={x1}
                      y1={y}
                      y2={levelY(row, next.job)}
                      stroke={loop ? CHART_COLORS.loop : CHART_COLORS.line}
                      strokeWidth={loop ? thick : 2}
                      strokeDasharray={loop ? '5 3' : undefined}
                      data-testid={loop ? 'projection-loop' : undefined}
                    />
                  ) : null}
                  <circle cx={x0} cy={y} r={thick + 1} fill={JOB_COLORS[s.job]} stroke={CHART_COLORS.paper} strokeWidth={1.5}>
                    <title>{`${lane.name}: ${BUYING_JOB_LABEL[s.job]}${s.note ? ` — ${s.note}` : ''}`}</title>
                  </circle>
                </g>
              );
            })}
            {currentLoop && currentLoop.lane === index ? (
              <g data-testid="projection-current-loop">
                <circle
                  cx={x(currentLoop.at)}
                  cy={(levelY(row, currentLoop.from) + levelY(row, currentLoop.to)) / 2}
                  r={Math.max(14, h / 2)}
                  fill="none"
                  stroke={CHART_COLORS.loop}
                  strokeWidth={4}
                />
              </g>
            ) : null}
            {last ? null : (
              <line x1={left} x2={right} y1={y0 + h / 2} y2={y0 + h / 2} stroke={CHART_COLORS.rule} strokeWidth={1} strokeDasharray="2 8" />
            )}
          </g>
        );
      })}
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
      <g data-testid="projection-notes">
        {cards.map((card) => (
          <g
            key={card.pin.note.id}
            data-testid="projection-note"
            data-note={card.pin.note.id}
            onClick={
              onNoteClick
                ? (event) => {
                    event.stopPropagation();
                    onNoteClick(card.pin.note.id);
                  }
                : undefined
            }
            style={onNoteClick ? { cursor: 'text' } : undefined}
          >
            {card.free ? null : (
              <line
                x1={card.ax}
                y1={card.ay}
                x2={card.bx < card.ax ? card.bx + NOTE_W : card.bx}
                y2={card.by + card.h / 2}
                stroke={CHART_COLORS.ink}
                strokeWidth={2}
              />
            )}
            {card.free ? null : <circle cx={card.ax} cy={card.ay} r={7} fill={CHART_COLORS.ink} />}
            <rect
              x={card.bx}
              y={card.by}
              width={NOTE_W}
              height={card.h}
              rx={4}
              fill={NOTE_FILL[card.pin.note.color] ?? NOTE_FILL['yellow']}
              stroke="#5b6574"
              strokeWidth={2}
            />
            {editor?.noteId === card.pin.note.id ? (
              <foreignObject x={card.bx} y={Math.min(card.by, height - 240)} width={NOTE_W} height={240}>
                {editor.node}
              </foreignObject>
            ) : (
              <text x={card.bx + 12} y={card.by + 10} fontSize={PROJECTION_FONT} fontWeight={600} fill="#0b0f16">
                {card.lines.map((line, j) => (
                  <tspan key={j} x={card.bx + 12} dy={j === 0 ? PROJECTION_FONT : PROJECTION_FONT + 6}>
                    {line}
                  </tspan>
                ))}
              </text>
            )}
          </g>
        ))}
      </g>
      {withLegend ? <SvgLegend y={height - legendH + 8} width={width} /> : null}
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
