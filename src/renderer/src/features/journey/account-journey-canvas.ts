// Renderer (pure): the account journey canvas's geometry — lane sizes, how tall the view is, which
// lanes a scroll position shows, labels cut to their column — and what its keys do. The painting
// (account-journey-paint.ts) and the zoom (AccountJourneyChart.tsx) use these; no DOM here.
import { BUYING_JOBS } from '@shared/domain';

export const ACCOUNT_LANE = { band: 8, pad: 8, label: 230, axis: 30 } as const;
export const ACCOUNT_LANE_H = ACCOUNT_LANE.pad * 2 + ACCOUNT_LANE.band * BUYING_JOBS.length;
/** The view scrolls past this height; the canvas is never taller than the view. */
const VIEW_MAX = 640;

/** The scrolling content's full height (`total`) and the view's (`height`, at most VIEW_MAX) for `lanes` lanes. */
export function accountChartHeights(lanes: number): { height: number; total: number } {
  const total = ACCOUNT_LANE.axis + lanes * ACCOUNT_LANE_H + 2;
  return { height: Math.min(VIEW_MAX, total), total };
}

/** The first and last lane index a view `height` px tall shows when scrolled to `scrollTop` (last < first: none). */
export function lanesInView(scrollTop: number, height: number, count: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / ACCOUNT_LANE_H));
  const last = Math.min(count - 1, Math.floor((scrollTop + height - ACCOUNT_LANE.axis) / ACCOUNT_LANE_H));
  return [first, last];
}

/** `text` cut with an ellipsis to fit `width`, as `measure` (the canvas's measureText) reads widths. */
export function clipText(text: string, width: number, measure: (text: string) => number): string {
  if (measure(text) <= width) return text;
  let cut = text.length;
  while (cut > 1 && measure(`${text.slice(0, cut)}…`) > width) cut--;
  return `${text.slice(0, cut)}…`;
}

export type ZoomAction = { zoom: number } | { pan: number } | 'fit';

/** What a key on the focused canvas does: + / = zoom in, − out, ← → move in time, 0 the whole time. */
export function zoomKeyAction(key: string): ZoomAction | null {
  switch (key) {
    case '+':
    case '=':
      return { zoom: 1.5 };
    case '-':
      return { zoom: 1 / 1.5 };
    case 'ArrowLeft':
      return { pan: 120 };
    case 'ArrowRight':
      return { pan: -120 };
    case '0':
      return 'fit';
    default:
      return null;
  }
}
