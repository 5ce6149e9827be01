// Renderer: paints the account's journey on its <canvas>. Only the lanes in view are painted, and
// of each lane only the interactions inside the time in view (binary search on the sorted lists);
// the axis is painted last so it stays on top (sticky). Geometry: account-journey-canvas.ts.
import type * as d3 from 'd3';
import { BUYING_JOBS, type BuyingJob } from '@shared/domain';
import { CHART_COLORS, CHART_FONT } from '@renderer/lib/chart-theme';
import { USER_LOCALE } from '@renderer/lib/locale';
import { firstAtOrAfter, type AccountLane } from './account-journey';
import { ACCOUNT_LANE, ACCOUNT_LANE_H as LANE_H, clipText, lanesInView } from './account-journey-canvas';
import { axisTicks, isLoopBack, jobIndex, roleWords } from './journey-layout';

export interface PaintInput {
  lanes: AccountLane[];
  now: number;
  /** Dims the steps of every other job. */
  focusJob: BuyingJob | null;
}

/** What a paint drew inside the time in view (the canvas's label says it). */
export interface Drawn {
  steps: number;
  interactions: number;
}

/** One lane at `top`: bands, interactions, the steps' path and dots, and its label. Returns what it drew. */
function paintLane(
  ctx: CanvasRenderingContext2D,
  lane: AccountLane,
  top: number,
  shade: { band: boolean; dealRule: boolean },
  x: d3.ScaleTime<number, number>,
  width: number,
  focusJob: BuyingJob | null,
): Drawn {
  const left = ACCOUNT_LANE.label;
  const [t0, t1] = x.domain().map((d) => d.getTime()) as [number, number];
  let steps = 0;
  let talks = 0;
  const yOf = (job: BuyingJob) => top + ACCOUNT_LANE.pad + (jobIndex(job) + 0.5) * ACCOUNT_LANE.band;
  ctx.fillStyle = shade.band ? CHART_COLORS.band : CHART_COLORS.paper;
  ctx.fillRect(0, top, width, LANE_H);
  ctx.fillStyle = CHART_COLORS.rule;
  ctx.fillRect(0, top, width, 1);
  if (shade.dealRule) {
    ctx.fillStyle = CHART_COLORS.muted;
    ctx.fillRect(0, top, width, 2);
  }
  // Every other job band shaded, so a dot's height reads as a job (problem identification on top).
  ctx.fillStyle = CHART_COLORS.bandAlt;
  for (let j = 1; j < BUYING_JOBS.length; j += 2)
    ctx.fillRect(left, top + ACCOUNT_LANE.pad + j * ACCOUNT_LANE.band, width - left, ACCOUNT_LANE.band);
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width - left, LANE_H);
  ctx.clip();
  // Interactions: diamonds at the foot (or in the job they were about), culled to the time in view.
  ctx.fillStyle = CHART_COLORS.interaction;
  ctx.globalAlpha = 0.55;
  ctx.beginPath();
  const from = firstAtOrAfter(lane.interactions, t0);
  for (let k = from; k < lane.interactions.length; k++) {
    const it = lane.interactions[k]!;
    if (it.at > t1) break;
    const cx = x(it.at);
    const cy = it.buyingJob ? yOf(it.buyingJob) : top + LANE_H - 5;
    ctx.moveTo(cx, cy - 4);
    ctx.lineTo(cx + 4, cy);
    ctx.lineTo(cx, cy + 4);
    ctx.lineTo(cx - 4, cy);
    ctx.closePath();
    talks++;
  }
  ctx.fill();
  ctx.globalAlpha = 1;
  // Steps: the line through the jobs, loops back dashed in the loop colour, dots at each step.
  lane.steps.forEach((s, k) => {
    const next = lane.steps[k + 1];
    const dim = focusJob !== null && s.job !== focusJob;
    ctx.globalAlpha = dim ? 0.25 : 1;
    const y = yOf(s.job);
    const x0 = x(s.at);
    const x1 = x(next ? next.at : Math.max(s.at, lane.endAt));
    ctx.strokeStyle = CHART_COLORS.line;
    ctx.lineWidth = 2;
    ctx.setLineDash([]);
    ctx.globalAlpha = (dim ? 0.25 : 1) * (next ? 1 : 0.4);
    ctx.beginPath();
    ctx.moveTo(x0, y);
    ctx.lineTo(x1, y);
    ctx.stroke();
    ctx.globalAlpha = dim ? 0.25 : 1;
    if (next) {
      const back = isLoopBack(s, next);
      ctx.strokeStyle = back ? CHART_COLORS.loop : CHART_COLORS.accent;
      ctx.setLineDash(back ? [4, 3] : []);
      ctx.beginPath();
      ctx.moveTo(x1, y);
      ctx.lineTo(x1, yOf(next.job));
      ctx.stroke();
    }
    ctx.setLineDash([]);
    ctx.fillStyle = s.move === 'loop_back' ? CHART_COLORS.loop : s.move === 'forward' ? CHART_COLORS.accent : CHART_COLORS.line;
    ctx.beginPath();
    ctx.arc(x0, y, 3.5, 0, Math.PI * 2);
    ctx.fill();
    if (s.at >= t0 && s.at <= t1) steps++;
  });
  ctx.globalAlpha = 1;
  ctx.restore();
  // The lane's label: person, their role, the deal.
  const clip = (text: string) => clipText(text, left - 16, (t) => ctx.measureText(t).width);
  ctx.fillStyle = CHART_COLORS.ink;
  ctx.font = `700 13px ${CHART_FONT}`;
  ctx.fillText(clip(lane.name), 10, top + 16);
  ctx.font = `12px ${CHART_FONT}`;
  ctx.fillStyle = CHART_COLORS.role;
  ctx.fillText(clip(roleWords(lane.role)), 10, top + 31);
  ctx.fillStyle = CHART_COLORS.muted;
  ctx.fillText(clip(lane.dealName), 10, top + 46);
  return { steps, interactions: talks };
}

/** The sticky axis: ticks that never repeat a label, today only when it is in view. */
function paintAxis(ctx: CanvasRenderingContext2D, x: d3.ScaleTime<number, number>, now: number, width: number, height: number): void {
  const left = ACCOUNT_LANE.label;
  const [t0, t1] = x.domain().map((d) => d.getTime()) as [number, number];
  ctx.fillStyle = CHART_COLORS.paper;
  ctx.fillRect(0, 0, width, ACCOUNT_LANE.axis);
  ctx.fillStyle = CHART_COLORS.rule;
  ctx.fillRect(0, ACCOUNT_LANE.axis - 1, width, 1);
  const { ticks, labels } = axisTicks(x, width - left, 130, USER_LOCALE);
  ctx.font = `12px ${CHART_FONT}`;
  ctx.textAlign = 'center';
  ticks.forEach((t, i) => {
    const tx = x(t);
    ctx.fillStyle = CHART_COLORS.grid;
    ctx.fillRect(tx, ACCOUNT_LANE.axis, 1, height - ACCOUNT_LANE.axis);
    ctx.fillStyle = CHART_COLORS.muted;
    ctx.fillText(labels[i] ?? '', Math.max(left + 30, Math.min(width - 40, tx)), ACCOUNT_LANE.axis / 2);
  });
  if (now >= t0 && now <= t1) {
    ctx.fillStyle = CHART_COLORS.today;
    ctx.fillRect(x(now) - 1, ACCOUNT_LANE.axis, 2, height - ACCOUNT_LANE.axis);
  }
  ctx.textAlign = 'start';
}

export function paintAccountJourney(
  canvas: HTMLCanvasElement,
  input: PaintInput,
  x: d3.ScaleTime<number, number>,
  scrollTop: number,
  width: number,
  height: number,
): Drawn {
  const dpr = window.devicePixelRatio || 1;
  const ctx = canvas.getContext('2d');
  if (!ctx) return { steps: 0, interactions: 0 };
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = CHART_COLORS.paper;
  ctx.fillRect(0, 0, width, height);
  const { lanes, now, focusJob } = input;
  const drawn: Drawn = { steps: 0, interactions: 0 };
  const [firstLane, lastLane] = lanesInView(scrollTop, height, lanes.length);
  ctx.font = `600 13px ${CHART_FONT}`;
  ctx.textBaseline = 'middle';
  for (let i = firstLane; i <= lastLane; i++) {
    const lane = lanes[i] as AccountLane;
    const top = ACCOUNT_LANE.axis + i * LANE_H - scrollTop;
    const dealRule = i === 0 || (lanes[i - 1] as AccountLane).opportunityId !== lane.opportunityId;
    const one = paintLane(ctx, lane, top, { band: i % 2 === 1, dealRule }, x, width, focusJob);
    drawn.steps += one.steps;
    drawn.interactions += one.interactions;
  }
  paintAxis(ctx, x, now, width, height);
  return drawn;
}
