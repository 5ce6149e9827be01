// Renderer: every chart can leave the app as SVG or PNG (for decks and rooms). Charts style
// their SVG with attributes, not CSS classes, so a serialised copy looks like the screen.
// Used by every feature that draws: buying group, journey, workshop, model charts.
import { CHART_COLORS } from './chart-theme';

export interface ExportOptions {
  /** Crop to the drawing (ignoring pan and zoom) instead of the visible viewport. */
  fitContent?: boolean;
  padding?: number;
  background?: string;
  /** Optional heading drawn above the chart in the exported file. */
  title?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A standalone copy of the chart: viewBox fitted, export-only clutter removed, white ground. */
export function exportableSvg(svg: SVGSVGElement, options: ExportOptions = {}): { markup: string; width: number; height: number } {
  const padding = options.padding ?? 24;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.querySelectorAll('[data-export="skip"]').forEach((el) => el.remove());
  // A chart drawn in its own viewBox coordinates exports that box; others export what is on screen.
  const view = svg.viewBox?.baseVal;
  let box =
    view && view.width > 0
      ? { x: view.x, y: view.y, width: view.width, height: view.height }
      : {
          x: 0,
          y: 0,
          width: svg.clientWidth || Number(svg.getAttribute('width')) || 800,
          height: svg.clientHeight || Number(svg.getAttribute('height')) || 600,
        };
  if (options.fitContent) {
    const viewport = svg.querySelector<SVGGElement>('[data-export="viewport"]');
    const cloneViewport = clone.querySelector<SVGGElement>('[data-export="viewport"]');
    if (viewport && cloneViewport) {
      // Measure the drawing as the file will show it: screen-only styles (a map's zoomed labels,
      // its hidden in-picture legend) are keyed off this attribute. Set and cleared within one
      // task, so the screen never paints it.
      svg.setAttribute('data-exporting', '');
      let b: DOMRect;
      try {
        b = viewport.getBBox();
      } finally {
        svg.removeAttribute('data-exporting');
      }
      cloneViewport.removeAttribute('transform');
      box = { x: b.x - padding, y: b.y - padding, width: b.width + 2 * padding, height: b.height + 2 * padding };
    }
  }
  const titleSpace = options.title ? 40 : 0;
  const top = box.y - titleSpace;
  const height = box.height + titleSpace;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('viewBox', `${box.x} ${top} ${box.width} ${height}`);
  clone.setAttribute('width', String(Math.ceil(box.width)));
  clone.setAttribute('height', String(Math.ceil(height)));
  clone.removeAttribute('class');
  clone.removeAttribute('style');
  const ground = document.createElementNS(SVG_NS, 'rect');
  ground.setAttribute('x', String(box.x));
  ground.setAttribute('y', String(top));
  ground.setAttribute('width', String(box.width));
  ground.setAttribute('height', String(height));
  ground.setAttribute('fill', options.background ?? CHART_COLORS.paper);
  clone.insertBefore(ground, clone.firstChild);
  if (options.title) {
    const heading = document.createElementNS(SVG_NS, 'text');
    heading.setAttribute('x', String(box.x + padding));
    heading.setAttribute('y', String(top + 28));
    heading.setAttribute('font-size', '20');
    heading.setAttribute('font-weight', '700');
    heading.setAttribute('fill', CHART_COLORS.ink);
    heading.textContent = options.title;
    clone.insertBefore(heading, ground.nextSibling);
  }
  return { markup: new XMLSerializer().serializeToString(clone), width: Math.ceil(box.width), height: Math.ceil(height) };
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; revoke on the next turn so it has the URL.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadSvg(svg: SVGSVGElement, filename: string, options?: ExportOptions): void {
  const { markup } = exportableSvg(svg, options);
  download(new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${markup}`], { type: 'image/svg+xml' }), `${filename}.svg`);
}

/** The chart as a PNG at `scale`× (for slides and the map's PDF page); rejects with a readable message if the browser cannot draw it. */
export async function renderPng(
  svg: SVGSVGElement,
  options?: ExportOptions,
  scale = 2,
): Promise<{ blob: Blob; width: number; height: number }> {
  const { markup, width, height } = exportableSvg(svg, options);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('DS_EXPORT_NO_CANVAS: this window cannot draw images. Export as SVG instead.');
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('DS_EXPORT_PNG_FAILED: the picture was too large to turn into a PNG. Export as SVG instead.');
    return { blob, width, height };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** PNG at `scale`× for sharp slides. */
export async function downloadPng(svg: SVGSVGElement, filename: string, options?: ExportOptions, scale = 2): Promise<void> {
  const { blob } = await renderPng(svg, options, scale);
  download(blob, `${filename}.png`);
}

/** Saves bytes made elsewhere (a PDF) through the browser's download. */
export function downloadBytes(bytes: Uint8Array, type: string, filename: string): void {
  download(new Blob([bytes as BlobPart], { type }), filename);
}

/** A file name from free text: "Acme Corp — buying group" → "acme-corp-buying-group". */
export function fileSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 80) || 'export'
  );
}
