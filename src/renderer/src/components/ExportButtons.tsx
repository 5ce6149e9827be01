// Renderer: "Export SVG / PNG" for any chart whose <svg> the caller holds.
import { useState, type RefObject } from 'react';
import { downloadPng, downloadSvg, type ExportOptions } from '../lib/export-image';

export function ExportButtons({
  svgRef,
  filename,
  options,
  testIdPrefix,
}: {
  svgRef: RefObject<SVGSVGElement | null>;
  filename: string;
  options?: ExportOptions;
  testIdPrefix: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: 'svg' | 'png') => {
    const svg = svgRef.current;
    if (!svg) return;
    setError(null);
    try {
      if (kind === 'svg') downloadSvg(svg, filename, options);
      else await downloadPng(svg, filename, options);
    } catch (err) {
      console.error('DS_EXPORT_FAILED', err);
      setError(err instanceof Error ? err.message.replace(/^DS_[A-Z_]+: /, '') : 'The export failed. Try SVG instead.');
    }
  };
  return (
    <span className="export-buttons">
      <button type="button" className="button button-small" data-testid={`${testIdPrefix}-export-svg`} onClick={() => void run('svg')}>
        Export SVG
      </button>
      <button type="button" className="button button-small" data-testid={`${testIdPrefix}-export-png`} onClick={() => void run('png')}>
        Export PNG
      </button>
      {error ? (
        <span role="alert" className="export-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
