// Renderer: the account's journey on a <canvas>. An account's lanes carry tens of thousands of
// interactions; an SVG of 20k marks repaints too slowly to pan, so the marks are painted on a
// canvas the height of the visible part only (lanes scrolled past are not painted) and only the
// interactions inside the time in view (binary search on the sorted lists). d3 owns the zoom
// (Ctrl/⌘ + wheel, buttons, + / − keys; drag or ← → to pan); the page's scroll moves the lanes.
import { useEffect, useMemo, useRef, useState } from 'react';
import * as d3 from 'd3';
import type { BuyingJob } from '@shared/domain';
import { useElementWidth } from '@renderer/lib/use-element-width';
import type { AccountLane } from './account-journey';
import { ACCOUNT_LANE, accountChartHeights, zoomKeyAction } from './account-journey-canvas';
import { paintAccountJourney, type Drawn } from './account-journey-paint';

interface Props {
  lanes: AccountLane[];
  domain: [number, number];
  now: number;
  /** Dims the steps of every other job. */
  focusJob: BuyingJob | null;
}

export function AccountJourneyChart({ lanes, domain, now, focusJob }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(scrollRef);
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
  const { height, total } = accountChartHeights(lanes.length);

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
      const result = paintAccountJourney(canvas, { lanes, now, focusJob }, x, scroller.scrollTop, width, height);
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
    const action = zoomKeyAction(event.key);
    if (!action) return;
    event.preventDefault();
    if (action === 'fit') fit();
    else if ('zoom' in action) zoomBy(action.zoom);
    else panBy(action.pan);
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
