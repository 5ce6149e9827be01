// Renderer: the account's journey on a <canvas>. An account's lanes carry tens of thousands of
// interactions; an SVG of 20k marks repaints too slowly to pan, so the marks are painted on a
// canvas the height of the visible part only (lanes scrolled past are not painted) and only the
// interactions inside the time in view (binary search on the sorted lists). d3 owns the zoom
// (Ctrl/⌘ + wheel, buttons, + / − keys; drag or ← → to pan); the page's scroll moves the lanes.
import { useEffect, useMemo, useRef, useState } from 'react';
import * as d3 from 'd3';
import { BUYING_JOBS, BUYING_ROLE_LABEL, type BuyingJob } from '@shared/domain';
import { CHART_COLORS, CHART_FONT } from '@renderer/lib/chart-theme';
import { USER_LOCALE } from '@renderer/lib/locale';
import { firstAtOrAfter, type AccountLane } from './account-journey';
import { jobIndex, tickLabels } from './journey-layout';

export const ACCOUNT_LANE = { band: 8, pad: 8, label: 230, axis: 30 } as const;
const LANE_H = ACCOUNT_LANE.pad * 2 + ACCOUNT_LANE.band * BUYING_JOBS.length;
const VIEW_MAX = 640;

interface Props {
  lanes: AccountLane[];
  domain: [number, number];
  now: number;
  /** Dims the steps of every other job. */
  focusJob: BuyingJob | null;
}

interface Drawn {
  steps: number;
  interactions: number;
}

function paint(
  canvas: HTMLCanvasElement,
  props: Props,
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
  const { lanes, now, focusJob } = props;
  const left = ACCOUNT_LANE.label;
  const [t0, t1] = x.domain().map((d) => d.getTime()) as [number, number];
  let steps = 0;
  let talks = 0;
  const firstLane = Math.max(0, Math.floor(scrollTop / LANE_H));
  const lastLane = Math.min(lanes.length - 1, Math.floor((scrollTop + height - ACCOUNT_LANE.axis) / LANE_H));
  ctx.font = `600 13px ${CHART_FONT}`;
  ctx.textBaseline = 'middle';
  for (let i = firstLane; i <= lastLane; i++) {
    const lane = lanes[i] as AccountLane;
    const top = ACCOUNT_LANE.axis + i * LANE_H - scrollTop;
    const yOf = (job: BuyingJob) => top + ACCOUNT_LANE.pad + (jobIndex(job) + 0.5) * ACCOUNT_LANE.band;
    ctx.fillStyle = i % 2 ? CHART_COLORS.band : CHART_COLORS.paper;
    ctx.fillRect(0, top, width, LANE_H);
    ctx.fillStyle = CHART_COLORS.rule;
    ctx.fillRect(0, top, width, 1);
    if (i === 0 || (lanes[i - 1] as AccountLane).opportunityId !== lane.opportunityId) {
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
        const back = jobIndex(next.job) < jobIndex(s.job) || next.move === 'loop_back';
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
    ctx.fillStyle = CHART_COLORS.ink;
    ctx.font = `700 13px ${CHART_FONT}`;
    ctx.fillText(clip(ctx, lane.name, left - 16), 10, top + 16);
    ctx.font = `12px ${CHART_FONT}`;
    ctx.fillStyle = CHART_COLORS.role;
    ctx.fillText(clip(ctx, lane.role ? BUYING_ROLE_LABEL[lane.role] : 'Not in the group now', left - 16), 10, top + 31);
    ctx.fillStyle = CHART_COLORS.muted;
    ctx.fillText(clip(ctx, lane.dealName, left - 16), 10, top + 46);
  }
  // Axis (sticky): ticks that never repeat a label, today only when it is in view.
  ctx.fillStyle = CHART_COLORS.paper;
  ctx.fillRect(0, 0, width, ACCOUNT_LANE.axis);
  ctx.fillStyle = CHART_COLORS.rule;
  ctx.fillRect(0, ACCOUNT_LANE.axis - 1, width, 1);
  const ticks = x.ticks(Math.max(2, Math.floor((width - left) / 130)));
  const labels = tickLabels(
    ticks.map((t) => t.getTime()),
    USER_LOCALE,
  );
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
  return { steps, interactions: talks };
}

function clip(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text.length;
  while (cut > 1 && ctx.measureText(`${text.slice(0, cut)}…`).width > width) cut--;
  return `${text.slice(0, cut)}…`;
}

export function AccountJourneyChart({ lanes, domain, now, focusJob }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [drawn, setDrawn] = useState<Drawn>({ steps: 0, interactions: 0 });
  const transform = useRef(d3.zoomIdentity);
  const frame = useRef(0);
  const zoom = useMemo(
    () =>
      d3
        .zoom<HTMLCanvasElement, unknown>()
        .scaleExtent([1, 2000])
        // Plain wheel scrolls the lanes; Ctrl/⌘ + wheel (and a trackpad pinch) zooms the time.
        .filter((event: Event) =>
          event.type === 'wheel' ? (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey : !(event as MouseEvent).button,
        ),
    [],
  );
  const height = Math.min(VIEW_MAX, ACCOUNT_LANE.axis + lanes.length * LANE_H + 2);
  const total = ACCOUNT_LANE.axis + lanes.length * LANE_H + 2;

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Paint now; later paints (zoom, scroll) are coalesced to one per frame.
  useEffect(() => {
    const canvas = canvasRef.current;
    const scroller = scrollRef.current;
    if (!canvas || !scroller || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    const base = d3
      .scaleTime()
      .domain(domain)
      .range([ACCOUNT_LANE.label + 8, width - 16]);
    const draw = () => {
      frame.current = 0;
      performance.mark('ds-account-journey-draw-start');
      const x = transform.current.rescaleX(base);
      const result = paint(canvas, { lanes, domain, now, focusJob }, x, scroller.scrollTop, width, height);
      performance.measure('ds-account-journey-draw', 'ds-account-journey-draw-start');
      canvas.dataset['drawnSteps'] = String(result.steps);
      canvas.dataset['drawnInteractions'] = String(result.interactions);
      canvas.dataset['from'] = String(x.domain()[0]!.getTime());
      canvas.dataset['to'] = String(x.domain()[1]!.getTime());
      return result;
    };
    const schedule = () => {
      if (!frame.current)
        frame.current = requestAnimationFrame(() => {
          draw();
        });
    };
    zoom
      .extent([
        [ACCOUNT_LANE.label, 0],
        [width, height],
      ])
      .translateExtent([
        [ACCOUNT_LANE.label, -Infinity],
        [width, Infinity],
      ])
      .on('zoom', (event: d3.D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        transform.current = event.transform;
        schedule();
      });
    const sel = d3.select(canvas).call(zoom);
    sel.on('dblclick.zoom', null);
    const first = draw();
    setDrawn((cur) => (cur.steps === first.steps && cur.interactions === first.interactions ? cur : first));
    scroller.addEventListener('scroll', schedule, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', schedule);
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
      zoom.on('zoom', null);
    };
  }, [width, height, lanes, domain, now, focusJob, zoom]);

  const zoomBy = (k: number) => {
    if (canvasRef.current) d3.select(canvasRef.current).call(zoom.scaleBy, k);
  };
  const panBy = (px: number) => {
    if (canvasRef.current) d3.select(canvasRef.current).call(zoom.translateBy, px, 0);
  };
  const fit = () => {
    if (canvasRef.current) d3.select(canvasRef.current).call(zoom.transform, d3.zoomIdentity);
  };
  const onKey = (event: React.KeyboardEvent) => {
    const actions: Record<string, () => void> = {
      '+': () => zoomBy(1.5),
      '=': () => zoomBy(1.5),
      '-': () => zoomBy(1 / 1.5),
      ArrowLeft: () => panBy(120),
      ArrowRight: () => panBy(-120),
      '0': fit,
    };
    const act = actions[event.key];
    if (act) {
      event.preventDefault();
      act();
    }
  };

  return (
    <div className="aj">
      <div className="toolbar" role="toolbar" aria-label="Time zoom">
        <button type="button" className="button button-small" data-testid="aj-zoom-in" onClick={() => zoomBy(2)}>
          Zoom in
        </button>
        <button type="button" className="button button-small" data-testid="aj-zoom-out" onClick={() => zoomBy(0.5)}>
          Zoom out
        </button>
        <button type="button" className="button button-small" data-testid="aj-fit" onClick={fit}>
          Whole time
        </button>
        <span className="journey-hint">Drag or ← → to move in time · Ctrl/⌘ + wheel or + / − to zoom · wheel scrolls the lanes</span>
      </div>
      <div ref={scrollRef} className="aj-scroll" style={{ height }} data-testid="aj-scroll">
        <div style={{ height: total, position: 'relative' }}>
          <canvas
            ref={canvasRef}
            className="aj-canvas"
            data-testid="account-journey-canvas"
            tabIndex={0}
            onKeyDown={onKey}
            role="img"
            aria-label={`Journey of ${lanes.length} people across the account's deals; ${drawn.steps} steps and ${drawn.interactions} interactions in view. The list below names every lane.`}
          />
        </div>
      </div>
    </div>
  );
}
