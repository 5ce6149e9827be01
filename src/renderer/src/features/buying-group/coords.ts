// Renderer (pure): the two coordinate spaces of a zoomable chart. Screen points are CSS pixels
// inside the SVG element; graph points are where the simulation puts people. Branding keeps a
// pointer position from being used as a node position without going through the transform.
export type ScreenPoint = { readonly x: number; readonly y: number; readonly __space: 'screen' };
export type GraphPoint = { readonly x: number; readonly y: number; readonly __space: 'graph' };

export const screenPoint = (x: number, y: number): ScreenPoint => ({ x, y }) as ScreenPoint;
export const graphPoint = (x: number, y: number): GraphPoint => ({ x, y }) as GraphPoint;

/** The pan and zoom d3-zoom keeps: screen = graph × k + (x, y). */
export interface ViewTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

export const IDENTITY: ViewTransform = { k: 1, x: 0, y: 0 };

export function toGraph(p: ScreenPoint, t: ViewTransform): GraphPoint {
  return graphPoint((p.x - t.x) / t.k, (p.y - t.y) / t.k);
}

export function toScreen(p: GraphPoint, t: ViewTransform): ScreenPoint {
  return screenPoint(p.x * t.k + t.x, p.y * t.k + t.y);
}

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** Bounds of circles in graph space; null when there is nothing to bound. */
export function boundsOf(circles: readonly { x: number; y: number; r: number }[]): Bounds | null {
  if (circles.length === 0) return null;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const c of circles) {
    minX = Math.min(minX, c.x - c.r);
    minY = Math.min(minY, c.y - c.r);
    maxX = Math.max(maxX, c.x + c.r);
    maxY = Math.max(maxY, c.y + c.r);
  }
  return { minX, minY, maxX, maxY };
}

/**
 * The transform that shows `bounds` centred in a width × height viewport with `padding` screen
 * pixels around it. Never zooms in past `maxScale`, so three people do not fill a projector.
 */
export function fitTransform(bounds: Bounds, width: number, height: number, padding = 40, maxScale = 1.4): ViewTransform {
  const w = Math.max(1, bounds.maxX - bounds.minX);
  const h = Math.max(1, bounds.maxY - bounds.minY);
  const k = Math.min(maxScale, Math.max(0.05, Math.min((width - 2 * padding) / w, (height - 2 * padding) / h)));
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cy = (bounds.minY + bounds.maxY) / 2;
  return { k, x: width / 2 - cx * k, y: height / 2 - cy * k };
}
