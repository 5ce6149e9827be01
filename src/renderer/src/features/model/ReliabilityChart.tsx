// Renderer: the reliability (calibration) plot — for deals the model gave about p, how many were
// won. d3 draws inside the <svg>; React owns the frame around it.
import { plural } from '@renderer/lib/format';
import { useEffect, useRef } from 'react';
import * as d3 from 'd3';
import type { ModelStatusView } from '@shared/api';
import { ChartFrame } from './ChartFrame';
import { CHART_COLORS } from '@renderer/lib/chart-theme';

type Bin = ModelStatusView['reliability'][number];
const W = 460;
const H = 340;
const M = { top: 16, right: 20, bottom: 48, left: 56 };

function draw(svg: SVGSVGElement, bins: readonly Bin[]): void {
  const root = d3.select(svg);
  root.selectAll('*').remove();
  const x = d3.scaleLinear([0, 1], [M.left, W - M.right]);
  const y = d3.scaleLinear([0, 1], [H - M.bottom, M.top]);
  const pct = d3.format('.0%');

  root
    .append('g')
    .attr('transform', `translate(0,${H - M.bottom})`)
    .call(
      d3
        .axisBottom(x)
        .ticks(5)
        .tickFormat((v) => pct(+v)),
    )
    .call((g) => g.selectAll('text').attr('font-size', 12).attr('fill', CHART_COLORS.muted));
  root
    .append('g')
    .attr('transform', `translate(${M.left},0)`)
    .call(
      d3
        .axisLeft(y)
        .ticks(5)
        .tickFormat((v) => pct(+v)),
    )
    .call((g) => g.selectAll('text').attr('font-size', 12).attr('fill', CHART_COLORS.muted));
  root
    .append('text')
    .attr('x', (M.left + W - M.right) / 2)
    .attr('y', H - 10)
    .attr('text-anchor', 'middle')
    .attr('font-size', 13)
    .attr('fill', CHART_COLORS.ink)
    .text('Predicted win likelihood');
  root
    .append('text')
    .attr('transform', `translate(16,${(M.top + H - M.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('font-size', 13)
    .attr('fill', CHART_COLORS.ink)
    .text('Share actually won');

  // The diagonal is perfect calibration: points on it mean "70%" really wins 7 in 10.
  root
    .append('line')
    .attr('x1', x(0))
    .attr('y1', y(0))
    .attr('x2', x(1))
    .attr('y2', y(1))
    .attr('stroke', CHART_COLORS.neutral)
    .attr('stroke-dasharray', '5 4')
    .attr('stroke-width', 1.5);

  const points = bins.filter(
    (b): b is Bin & { meanPredicted: number; observedRate: number } => b.count > 0 && b.meanPredicted !== null && b.observedRate !== null,
  );
  const r = d3.scaleSqrt([0, d3.max(points, (p) => p.count) ?? 1], [3, 11]);
  root
    .append('path')
    .datum(points)
    .attr('fill', 'none')
    .attr('stroke', CHART_COLORS.accent)
    .attr('stroke-width', 2)
    .attr(
      'd',
      d3
        .line<(typeof points)[number]>()
        .x((p) => x(p.meanPredicted))
        .y((p) => y(p.observedRate)),
    );
  root
    .append('g')
    .selectAll('circle')
    .data(points)
    .join('circle')
    .attr('cx', (p) => x(p.meanPredicted))
    .attr('cy', (p) => y(p.observedRate))
    .attr('r', (p) => r(p.count))
    .attr('fill', CHART_COLORS.accent)
    .attr('fill-opacity', 0.8)
    .attr('stroke', CHART_COLORS.paper)
    .attr('stroke-width', 1.5)
    .append('title')
    .text((p) => `${plural(p.count, 'deal', 'deals')} predicted ${pct(p.meanPredicted)}: ${pct(p.observedRate)} won`);
}

export function ReliabilityChart({ bins }: { bins: readonly Bin[] }) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (ref.current) draw(ref.current, bins);
  }, [bins]);
  const used = bins.filter((b) => b.count > 0 && b.observedRate !== null);
  const total = d3.sum(used, (b) => b.count);
  const label =
    used.length === 0
      ? 'Calibration plot: no validated deals yet.'
      : `Calibration plot over ${total} validated deals: ${used.map((b) => `predicted ${Math.round((b.meanPredicted ?? 0) * 100)}%, won ${Math.round((b.observedRate ?? 0) * 100)}%`).join('; ')}.`;
  return (
    <ChartFrame
      title="Reliability"
      fileName="deep-sales-reliability"
      svgRef={ref}
      testId="reliability-chart"
      caption={
        used.length === 0
          ? 'No held-out deals to check yet. Retrain once your team has closed a few deals.'
          : 'Each dot is a group of held-out deals: how likely the model said they were to be won, and how many were. On the dashed line, a 70% means 7 in 10 are won. Bigger dots, more deals.'
      }
    >
      <svg ref={ref} viewBox={`0 0 ${W} ${H}`} className="chart-svg" role="img" aria-label={label} />
    </ChartFrame>
  );
}
