// Renderer (pure): the projection's geometry at one reveal state — which lanes this page shows,
// the time in view (zoomed on what was just revealed), the axis labels that fit beside Today, and
// where the notes' cards go. ProjectionMap.tsx and its parts only draw what this decides.
import * as d3 from 'd3';
import type { OpportunityDetail } from '@shared/api';
import type { BuyingJob } from '@shared/domain';
import { USER_LOCALE } from '@renderer/lib/locale';
import { axisTicks, jobIndex, laneEnd, showsToday, timeDomain, type Lane } from '../journey/journey-layout';
import { pinNotes } from '../journey/note-pins';
import {
  fitLanes,
  PROJECTION_AXIS as AXIS,
  PROJECTION_FONT,
  spacedLabels,
  zoomDomain,
  type AxisLabel,
  type LaneFit,
} from './projection-layout';
import { isPinVisible, loopsInOrder, type LoopBack } from './projection-model';
import { noteCards, type NoteCard } from './projection-notes';
import type { PresentationState } from './presentation-state';

export const LEGEND_H = 48;

export interface ProjectionFrame {
  fit: LaneFit;
  /** The page of lanes shown (0-based), within fit.pages. */
  page: number;
  /** The lanes on this page with their index in the whole group. */
  shown: { lane: Lane; index: number }[];
  labelWidth: number;
  left: number;
  right: number;
  x: d3.ScaleTime<number, number>;
  ticks: Date[];
  /** Per tick: its label, or null where Today covers it. */
  axisLabels: (AxisLabel | null)[];
  /** Per tick: whether its label is drawn (labels that would run into the one before are not). */
  drawn: boolean[];
  /** Lane height, and the width of its lines. */
  h: number;
  thick: number;
  top: (row: number) => number;
  levelY: (row: number, job: BuyingJob) => number;
  /** Where the last job's line of a lane ends. */
  endAt: number;
  /** Today's x, or null when today is outside the deal's life or the time in view. */
  todayX: number | null;
  loops: LoopBack[];
  /** A loop back's step id → its place in `loops`. */
  loopRank: Map<string, number>;
  /** In loop mode, the loop just revealed. */
  currentLoop: LoopBack | undefined;
  cards: NoteCard[];
}

export function projectionFrame(
  lanes: Lane[],
  detail: Pick<OpportunityDetail, 'opportunity' | 'journey' | 'interactions' | 'notes'>,
  state: PresentationState,
  now: number,
  size: { width: number; height: number; legendH: number },
): ProjectionFrame {
  const { width, height, legendH } = size;
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
  const { ticks, labels } = axisTicks(x, right - left, 240, USER_LOCALE);
  const h = fit.laneHeight;
  const top = (row: number) => AXIS + row * h;
  const levelY = (row: number, job: BuyingJob) => top(row) + 5 + (jobIndex(job) / 5) * (h - 10);
  const todayX = showsToday(full, now) && now >= t0 && now <= t1 ? x(now) : null;
  // A tick label that "Today" would cover is left out (the grid line stays).
  const coversTick = (tx: number) =>
    todayX !== null && (right - todayX < 110 ? tx > todayX - 140 && tx < todayX + 70 : tx > todayX - 70 && tx < todayX + 150);
  const axisLabels = ticks.map((t, i): AxisLabel | null => {
    const tx = x(t);
    if (coversTick(tx)) return null;
    return { x: tx, text: labels[i]!, anchor: i === 0 && tx - left < 80 ? 'start' : right - tx < 90 ? 'end' : 'middle' };
  });
  const pins = pinNotes(detail.notes, lanes).filter((p) => isPinVisible(p, state));
  const rowOf = new Map(shown.map((s, row) => [s.index, row]));
  return {
    fit,
    page,
    shown,
    labelWidth,
    left,
    right,
    x,
    ticks,
    axisLabels,
    drawn: spacedLabels(axisLabels, PROJECTION_FONT),
    h,
    thick: h >= 40 ? 5 : 4,
    top,
    levelY,
    endAt: laneEnd(detail.opportunity, now),
    todayX,
    loops,
    loopRank,
    currentLoop,
    cards: noteCards(pins, rowOf, { x, levelY, top, h, right, height }),
  };
}
