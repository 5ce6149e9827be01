// Renderer: how wide a line of text is drawn in the page's own fonts. A 2D canvas context
// measures without laying out the document, and whatever the text's element shows (a hidden
// label measures as 0 in the DOM). Null where there is no canvas (unit tests in Node): callers
// fall back to an estimate.
let ctx: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();
/** Names and role lines of the maps seen in a visit; dropped whole when it grows past this. */
const CACHE_LIMIT = 4000;

/** Width in px of `text` in a CSS `font` (e.g. `650 13px system-ui, sans-serif`). */
export function textWidth(text: string, font: string): number | null {
  if (ctx === undefined) ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) return null;
  const key = `${font}\n${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (widths.size >= CACHE_LIMIT) widths.clear();
    ctx.font = font;
    width = ctx.measureText(text).width;
    widths.set(key, width);
  }
  return width;
}
