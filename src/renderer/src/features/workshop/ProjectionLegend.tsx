// Renderer: the projection's legend drawn inside its SVG (the facilitator's view), so an SVG or
// PNG export of the map carries it: the six jobs' colours, a loop back, a note.
import type { ReactNode } from 'react';
import { BUYING_JOBS } from '@shared/domain';
import { CHART_COLORS, JOB_COLORS } from '@renderer/lib/chart-theme';
import { JOB_TAG, PROJECTION_FONT, textWidth } from './projection-layout';
import { NOTE_FILL } from './projection-notes';

export function ProjectionLegend({ y, width }: { y: number; width: number }) {
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
