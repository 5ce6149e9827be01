// Renderer: the journey map. One lane per buying group member; inside a lane, six job bands
// (problem identification on top) and time running left to right. d3 draws the whole <svg>
// (journey-draw.ts) from the data on every change; React owns the wrapper and its width.
import { useEffect, useRef, type RefObject } from 'react';
import { useElementWidth } from '@renderer/lib/use-element-width';
import { drawJourney, type JourneyDrawInput } from './journey-draw';

interface Props extends JourneyDrawInput {
  svgRef: RefObject<SVGSVGElement | null>;
}

export function JourneyChart(props: Props) {
  const { svgRef } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(wrapRef);

  useEffect(() => {
    if (svgRef.current && width > 0) drawJourney(svgRef.current, props, Math.max(720, width));
  });

  return (
    <div ref={wrapRef} className="journey-wrap">
      <svg
        ref={svgRef}
        className="journey-svg"
        data-testid="journey-map"
        role="img"
        aria-label={`Journey map of ${props.detail.opportunity.name}: each buying group member's moves between the six buying jobs over time. The table below lists every step.`}
      />
    </div>
  );
}
