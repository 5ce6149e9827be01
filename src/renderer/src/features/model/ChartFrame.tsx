// Renderer: a chart's frame — title, caption and its SVG/PNG download buttons. The chart inside
// hands over its <svg> through the ref; React never touches what d3 draws in it.
import { useState, type ReactNode, type RefObject } from 'react';
import { downloadPng, downloadSvg } from '@renderer/lib/export-image';

export function ChartFrame({
  title,
  caption,
  fileName,
  svgRef,
  testId,
  children,
}: {
  title: string;
  caption: ReactNode;
  fileName: string;
  svgRef: RefObject<SVGSVGElement | null>;
  testId: string;
  children: ReactNode;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  const svg = () => svgRef.current;
  return (
    <figure className="panel chart" data-testid={testId}>
      <header className="panel-header">
        <h2>{title}</h2>
        <div className="chart-actions">
          <button
            type="button"
            className="button button-small"
            aria-label={`Download ${title} as SVG`}
            onClick={() => {
              const s = svg();
              if (s) downloadSvg(s, fileName);
            }}
          >
            SVG
          </button>
          <button
            type="button"
            className="button button-small"
            aria-label={`Download ${title} as PNG`}
            onClick={() => {
              const s = svg();
              if (s)
                downloadPng(s, fileName).catch((e: unknown) =>
                  setFailed(`Could not make the PNG (${(e as Error).message}). Try SVG instead.`),
                );
            }}
          >
            PNG
          </button>
        </div>
      </header>
      <div className="chart-body">{children}</div>
      <figcaption className="chart-caption">{caption}</figcaption>
      {failed ? (
        <p className="form-error" role="alert">
          {failed}
        </p>
      ) : null}
    </figure>
  );
}
