// Renderer (pure): what the journey map's marks look like and say — their colours, a loop back's
// curve, the tooltips. The chart's d3 code (journey-draw.ts) places them; these are plain values
// so they are tested without a DOM.
import { BUYING_JOB_LABEL, type Interaction, type JourneyStep } from '@shared/domain';
import { CHART_COLORS } from '@renderer/lib/chart-theme';
import { formatDate } from '@renderer/lib/format';
import type { Segment } from './journey-layout';

export const JOURNEY_COLORS = {
  dwell: CHART_COLORS.line,
  forward: CHART_COLORS.accent,
  loop: CHART_COLORS.loop,
  interaction: CHART_COLORS.interaction,
  today: CHART_COLORS.today,
  muted: CHART_COLORS.muted,
  grid: CHART_COLORS.grid,
} as const;

/** A step's dot: filled in its move's colour; a plain "stay" is hollow (paper). */
export function stepFill(move: JourneyStep['move']): string {
  return move === 'loop_back'
    ? JOURNEY_COLORS.loop
    : move === 'forward'
      ? JOURNEY_COLORS.forward
      : move === 'start'
        ? JOURNEY_COLORS.dwell
        : CHART_COLORS.paper;
}

/**
 * A loop back at x1 from y0 to y1, bulging `b` px to the left: a curl above the band when it
 * returns to the same job, a curve back up otherwise. Its "loop back" label sits left of the bulge.
 */
export function loopMark(x1: number, y0: number, y1: number, b: number): { d: string; labelX: number; labelY: number } {
  const same = y0 === y1;
  return {
    d: same
      ? `M${x1 - 3},${y0}C${x1 - b},${y0 - b} ${x1 + b * 0.4},${y0 - b} ${x1 + 2},${y0 - 3}`
      : `M${x1},${y0}C${x1 - b},${y0} ${x1 - b},${y1} ${x1 - 4},${y1}`,
    labelX: x1 - b * 0.8 - 4,
    labelY: (y0 + y1) / 2 - (same ? b * 0.6 : 0),
  };
}

export function loopTitle(s: Pick<Segment, 'from' | 'to'>): string {
  return `Loop back: ${BUYING_JOB_LABEL[s.from.job]} → ${BUYING_JOB_LABEL[s.to.job]}${s.to.note ? ` — ${s.to.note}` : ''}`;
}

export function stepTitle(s: Pick<JourneyStep, 'at' | 'job' | 'move' | 'note'>): string {
  return `${formatDate(s.at)} · ${BUYING_JOB_LABEL[s.job]} · ${s.move.replace('_', ' ')}${s.note ? ` — ${s.note}` : ''}`;
}

export function interactionTitle(it: Pick<Interaction, 'at' | 'kind' | 'notes'>): string {
  return `${formatDate(it.at)} · ${it.kind.replace('_', ' ')}: ${it.notes.slice(0, 120)}`;
}

/** A vertical marker's label (Today, Close date) reads to the right of its line, or to the left near the edge. */
export function markerLabelFlips(gx: number, width: number): boolean {
  return gx > width - 110;
}
