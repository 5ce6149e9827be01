// Renderer: which factors the model leans on most, as horizontal bars of their share. d3 draws
// inside the <svg>; React owns the frame around it.
import { useEffect, useMemo, useRef } from 'react';
import * as d3 from 'd3';
import { ChartFrame } from './ChartFrame';
import { CHART_COLORS } from '@renderer/lib/chart-theme';

type Row = { feature: string; label: string; share: number };
const W = 460;
const ROW = 26;
const M = { top: 8, right: 52, bottom: 8, left: 210 };

function draw(svg: SVGSVGElement, rows: readonly Row[]): void {
  const H = M.top + M.bottom + Math.max(1, rows.length) * ROW;
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const root = d3.select(svg);
  root.selectAll('*').remove();
  const x = d3.scaleLinear([0, d3.max(rows, (r) => r.share) ?? 1], [M.left, W - M.right]);
  const y = d3
    .scaleBand(
      rows.map((r) => r.feature),
      [M.top, H - M.bottom],
    )
    .padding(0.22);
  const pct = d3.format('.0%');
  const g = root.append('g').selectAll('g').data(rows).join('g');
  g.append('text')
    .attr('x', M.left - 8)
    .attr('y', (r) => (y(r.feature) ?? 0) + y.bandwidth() / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .attr('font-size', 13)
    .attr('fill', CHART_COLORS.ink)
    .text((r) => r.label);
  g.append('rect')
    .attr('x', M.left)
    .attr('y', (r) => y(r.feature) ?? 0)
    .attr('height', y.bandwidth())
    .attr('width', (r) => Math.max(1, x(r.share) - M.left))
    .attr('rx', 3)
    .attr('fill', CHART_COLORS.accent);
  g.append('text')
    .attr('x', (r) => x(r.share) + 6)
    .attr('y', (r) => (y(r.feature) ?? 0) + y.bandwidth() / 2)
    .attr('dy', '0.35em')
    .attr('font-size', 12)
    .attr('fill', CHART_COLORS.ink)
    .text((r) => pct(r.share));
}

export function ImportanceChart({ importance }: { importance: readonly Row[] }) {
  const ref = useRef<SVGSVGElement>(null);
  const rows = useMemo(() => importance.slice(0, 12), [importance]);
  useEffect(() => {
    if (ref.current) draw(ref.current, rows);
  }, [rows]);
  const label =
    rows.length === 0
      ? 'Factor importance: no learned model yet.'
      : `Factor importance: ${rows.map((r) => `${r.label} ${Math.round(r.share * 100)}%`).join(', ')}.`;
  return (
    <ChartFrame
      title="What the model leans on"
      fileName="deep-sales-factor-importance"
      svgRef={ref}
      testId="importance-chart"
      caption={
        rows.length === 0
          ? 'No learned model yet, so scores come from general buying research. Retrain after your team closes deals.'
          : 'Share of the model’s decisions each factor accounts for, across the deals it learned from.'
      }
    >
      <svg ref={ref} viewBox={`0 0 ${W} ${ROW * Math.max(1, rows.length) + 16}`} className="chart-svg" role="img" aria-label={label} />
    </ChartFrame>
  );
}
