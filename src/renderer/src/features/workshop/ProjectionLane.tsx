// Renderer: one person's lane on the projection — name, the line stepping through the jobs
// (coloured by job), loops back dashed once revealed, and the marks for the person and loop just
// shown. What is revealed is projection-model.ts's; where it goes, projection-frame.ts's.
import { BUYING_JOB_LABEL, BUYING_ROLE_LABEL } from '@shared/domain';
import { CHART_COLORS, JOB_COLORS } from '@renderer/lib/chart-theme';
import { isLoopBack, type Lane } from '../journey/journey-layout';
import { fitText, PROJECTION_FONT } from './projection-layout';
import type { ProjectionFrame } from './projection-frame';
import { isLaneRevealed, isLoopShown, visibleSteps } from './projection-model';
import type { PresentationState } from './presentation-state';

interface Props {
  lane: Lane;
  /** The lane's place in the whole group, and its row on this page. */
  index: number;
  row: number;
  frame: ProjectionFrame;
  state: PresentationState;
  width: number;
  onSelect?: ((stakeholderId: string | null) => void) | undefined;
}

export function ProjectionLane({ lane, index, row, frame, state, width, onSelect }: Props) {
  const { x, h, thick, levelY, endAt, loopRank, currentLoop, labelWidth, left, right } = frame;
  const revealed = isLaneRevealed(index, state);
  const steps = visibleSteps(lane, index, state);
  const current = state.mode === 'person' && index === state.step - 1;
  const selected = state.selectedStakeholderId === lane.stakeholderId;
  const y0 = frame.top(row);
  const last = steps[steps.length - 1];
  return (
    <g
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
        const loop = next !== undefined && isLoopBack(s, next) && isLoopShown(loopRank.get(next.id), state);
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
}
