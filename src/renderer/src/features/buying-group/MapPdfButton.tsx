// Renderer: "Export PDF" for the map — one page with title, highlighted deal, date and the map as
// drawn (see map-pdf.ts); saved through the browser's download like the SVG and PNG.
import { useState, type RefObject } from 'react';
import { downloadBytes, renderPng, type ExportOptions } from '@renderer/lib/export-image';

export function MapPdfButton({
  svgRef,
  filename,
  options,
  title,
  dealLine,
  date,
}: {
  svgRef: RefObject<SVGSVGElement | null>;
  filename: string;
  options: ExportOptions;
  title: string;
  dealLine: string;
  date: string;
}) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const save = async () => {
    const svg = svgRef.current;
    if (!svg) return;
    setState('busy');
    try {
      const [{ buildMapPdf }, picture] = await Promise.all([import('./map-pdf'), renderPng(svg, options, 2)]);
      const png = new Uint8Array(await picture.blob.arrayBuffer());
      const bytes = await buildMapPdf({ title, dealLine, date, png, width: picture.width, height: picture.height });
      downloadBytes(bytes, 'application/pdf', `${filename}.pdf`);
      setState('idle');
    } catch (error) {
      console.error('DS_PDF_FAILED', error);
      setState('failed');
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button-small"
        data-testid="bg-export-pdf"
        disabled={state === 'busy'}
        onClick={() => void save()}
        title="One page: title, highlighted deal, date, and the map with its legend"
      >
        {state === 'busy' ? 'Making PDF…' : 'Export PDF'}
      </button>
      {state === 'failed' ? (
        <span role="alert" className="form-error">
          The PDF could not be made. Try again, or export SVG instead.
        </span>
      ) : null}
    </>
  );
}
