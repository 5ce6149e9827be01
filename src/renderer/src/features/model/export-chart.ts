// Renderer: download a chart as SVG or PNG. Charts style themselves with attributes, not CSS
// classes, so the file looks like the screen when it lands in a slide deck.
const XMLNS = 'http://www.w3.org/2000/svg';

export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', XMLNS);
  const box = svg.viewBox.baseVal;
  copy.setAttribute('width', String(box.width || svg.clientWidth));
  copy.setAttribute('height', String(box.height || svg.clientHeight));
  copy.setAttribute('style', 'background:#ffffff;font-family:system-ui, sans-serif');
  return new XMLSerializer().serializeToString(copy);
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(svg: SVGSVGElement, name: string): void {
  download(new Blob([svgText(svg)], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** PNG at twice the chart's size, on white, sharp on a projector. */
export async function downloadPng(svg: SVGSVGElement, name: string, scale = 2): Promise<void> {
  const box = svg.viewBox.baseVal;
  const width = box.width || svg.clientWidth;
  const height = box.height || svg.clientHeight;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('DS_EXPORT_NO_CANVAS: this window cannot draw images');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('DS_EXPORT_PNG_FAILED: the image could not be encoded');
    download(blob, `${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
