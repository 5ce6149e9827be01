// Renderer: the buying group map. d3 owns everything inside the <svg> (joins, drag, zoom,
// animation between layouts); React owns the element and hands in data, positions (computed by
// the pure map-layout.ts) and selection. No live simulation: nobody moves unless the layout
// says so, so an edit never shuffles the people a planner arranged. Handlers travel through a
// ref so a new callback never rebuilds the scaffold.
import { useEffect, useRef, type RefObject } from 'react';
import * as d3 from 'd3';
import { type RelationshipId, type StakeholderId } from '@shared/domain';
import { CHART_COLORS, CHART_FONT } from '@renderer/lib/chart-theme';
import { boundsOf } from './coords';
import { EDGE_STYLE, type PersonNode, type RelEdge } from './graph-model';
import { drawLegend, edgeD, enterNode, nodeTransform, updateNodes, type DrawnNode, type Sel } from './graph-draw';
import { applyLabels, newLabelState, prepareNodeLabels, type LabelState } from './graph-labels';
import { fitWithLabels } from './label-zoom';
import { isArrowKey, neighbourToward, neighboursOf } from './map-keys';
import type { Point } from './map-layout';

interface GraphState {
  zoom: d3.ZoomBehavior<SVGSVGElement, unknown>;
  nodeLayer: d3.Selection<SVGGElement, unknown, null, undefined>;
  edgeLayer: d3.Selection<SVGGElement, unknown, null, undefined>;
  legendLayer: d3.Selection<SVGGElement, unknown, null, undefined>;
  byId: Map<string, DrawnNode>;
  edgeList: RelEdge[];
  nodes: Sel<SVGGElement, DrawnNode> | null;
  edges: Sel<SVGGElement, RelEdge> | null;
  fitted: boolean;
  /** The SVG's size from its ResizeObserver; null until the first layout has measured it. */
  size: { width: number; height: number } | null;
  timer: d3.Timer | null;
  activeId: string | null;
  /** Who is faded around, so hovering the same person again writes nothing. */
  spot: string | null;
  /** A drag is under way: hovering people it passes over must not re-fade the whole map. */
  dragging: boolean;
  /** Semantic zoom (graph-labels.ts): the room each label has, and how each is drawn. */
  labels: LabelState;
}

export interface GraphHandlers {
  onNodeClick: (id: StakeholderId, shiftKey: boolean) => void;
  onEdgeClick: (id: RelationshipId) => void;
  onBackgroundClick: () => void;
  /** A drag ended somewhere new: the planner placed this person. */
  onMoved: (id: string, from: Point, to: Point) => void;
}

interface Props extends GraphHandlers {
  svgRef: RefObject<SVGSVGElement | null>;
  nodes: readonly PersonNode[];
  edges: readonly RelEdge[];
  positions: ReadonlyMap<string, Point>;
  selectedNodeId: string | null;
  selectedEdgeId: string | null;
  pendingFromId: string | null;
  /** First line of the in-picture legend: which deal is highlighted, and the date. */
  legendTitle: string;
  fitSignal: number;
}

function placeEdges(st: GraphState): void {
  st.edges?.each(function (l) {
    const d = edgeD(l, st.byId);
    d3.select(this).selectAll('path').attr('d', d);
  });
}

function placeAll(st: GraphState): void {
  st.nodes?.attr('transform', (d) => nodeTransform(d));
  placeEdges(st);
}

/** Where the in-picture legend starts for these positions: under everyone, at the left edge. */
function legendOrigin(positions: Iterable<Point>): Point | null {
  const bounds = boundsOf([...positions].map((p) => ({ x: p.x, y: p.y, r: 60 })));
  return bounds ? { x: bounds.minX, y: bounds.maxY + 40 } : null;
}
/**
 * Fits everyone and their labels (drawn larger when zoomed out: label-zoom.ts) in view: where
 * they are, or where they are headed (`to`, during a layout change). The in-picture legend is
 * for exports and hidden on screen, so it takes no room here.
 */
function fit(svg: SVGSVGElement, st: GraphState, animate: boolean, to?: ReadonlyMap<string, Point>): void {
  const at = [...st.byId.values()].map((n) => ({ ...(to?.get(n.id) ?? { x: n.x, y: n.y }), r: n.radius + 30 }));
  const bounds = boundsOf(at);
  if (!bounds) return;
  const t = fitWithLabels(bounds, st.labels.prepared, st.size?.width || svg.clientWidth || 800, st.size?.height || svg.clientHeight || 600);
  const target = d3.zoomIdentity.translate(t.x, t.y).scale(t.k);
  const sel = d3.select(svg);
  if (animate) sel.transition().duration(350).call(st.zoom.transform, target);
  else sel.call(st.zoom.transform, target);
}

/** Fades everyone but `id` and the people joined to it (null: nobody faded). */
function spotlight(st: GraphState, id: string | null): void {
  if (st.dragging || st.spot === id) return;
  st.spot = id;
  const keep = id ? new Set([id, ...neighboursOf(id, st.edgeList)]) : null;
  st.nodes?.classed('bg-faded', (d) => keep !== null && !keep.has(d.id));
  st.edges?.classed('bg-faded', (l) => id !== null && l.source !== id && l.target !== id);
}

function setActive(st: GraphState, id: string | null): void {
  st.activeId = id;
  st.nodes?.attr('tabindex', (d) => (d.id === id ? 0 : -1));
}

export function BuyingGroupGraph(props: Props) {
  const { svgRef, nodes, edges, positions, selectedNodeId, selectedEdgeId, pendingFromId, fitSignal, legendTitle } = props;
  const stateRef = useRef<GraphState | null>(null);
  const positionsRef = useRef(positions);
  positionsRef.current = positions;
  const handlers = useRef<GraphHandlers>(props);
  useEffect(() => {
    handlers.current = {
      onNodeClick: props.onNodeClick,
      onEdgeClick: props.onEdgeClick,
      onBackgroundClick: props.onBackgroundClick,
      onMoved: props.onMoved,
    };
  });

  // The scaffold, once: markers, layers, zoom.
  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const svg = d3.select(el).attr('font-family', CHART_FONT);
    const defs = svg.append('defs');
    for (const [kind, style] of Object.entries(EDGE_STYLE)) {
      if (!style.arrow) continue;
      defs
        .append('marker')
        .attr('id', `bg-arrow-${kind}`)
        .attr('viewBox', '0 -5 10 10')
        .attr('refX', 9)
        .attr('refY', 0)
        .attr('markerUnits', 'userSpaceOnUse')
        .attr('markerWidth', 12)
        .attr('markerHeight', 12)
        .attr('orient', 'auto')
        .append('path')
        .attr('d', 'M0,-5L10,0L0,5Z')
        .attr('fill', style.stroke);
    }
    const viewport = svg.append('g').attr('data-export', 'viewport');
    const edgeLayer = viewport.append('g').attr('class', 'bg-edges');
    const nodeLayer = viewport.append('g').attr('class', 'bg-nodes');
    const legendLayer = viewport.append('g').attr('class', 'bg-svg-legend');
    const zoom = d3
      .zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.15, 4])
      .on('zoom', (event: d3.D3ZoomEvent<SVGSVGElement, unknown>) => {
        viewport.attr('transform', event.transform.toString());
        if (stateRef.current) applyLabels(stateRef.current.labels, stateRef.current.nodes, event.transform.k);
      });
    svg.call(zoom).on('dblclick.zoom', null);
    svg.on('click.background', (event: MouseEvent) => {
      if (event.target === el) handlers.current.onBackgroundClick();
    });
    // The first fit waits for the browser's own layout of the page rather than forcing one:
    // reading clientWidth right after React's commit lays out the whole page (tables and all)
    // once more, 30–55 ms of an 80-person map's opening. Observers are told after layout and
    // before paint, so the first frame painted is already fitted.
    const sizes = new ResizeObserver((entries) => {
      const st = stateRef.current;
      const box = entries[entries.length - 1]?.contentRect;
      if (!st || !box) return;
      st.size = { width: box.width, height: box.height };
      if (!st.fitted && st.byId.size > 0) {
        fit(el, st, false);
        st.fitted = true;
      }
    });
    sizes.observe(el);
    stateRef.current = {
      zoom,
      nodeLayer,
      edgeLayer,
      legendLayer,
      byId: new Map(),
      edgeList: [],
      nodes: null,
      edges: null,
      fitted: false,
      size: null,
      timer: null,
      activeId: null,
      spot: null,
      dragging: false,
      labels: newLabelState(),
    };
    return () => {
      sizes.disconnect();
      stateRef.current?.timer?.stop();
      svg.on('.zoom', null).on('click.background', null);
      svg.selectAll('*').remove();
      stateRef.current = null;
    };
  }, [svgRef]);

  // Data and positions: join, then move people to where the layout says (animated after the first draw).
  useEffect(() => {
    const st = stateRef.current;
    const el = svgRef.current;
    if (!st || !el) return;
    st.timer?.stop();
    const from = new Map([...st.byId].map(([id, n]) => [id, { x: n.x, y: n.y }]));
    const next = new Map<string, DrawnNode>();
    for (const n of nodes) {
      const start = from.get(n.id) ?? positions.get(n.id) ?? { x: 0, y: 0 };
      next.set(n.id, { ...n, x: start.x, y: start.y });
    }
    st.byId = next;
    st.edgeList = [...edges];
    const drawn = [...next.values()];

    st.edges = st.edgeLayer
      .selectAll<SVGGElement, RelEdge>('g.bg-edge')
      .data(st.edgeList, (l) => l.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'bg-edge').attr('data-testid', 'bg-edge').style('cursor', 'pointer');
        g.append('path')
          .attr('class', 'bg-edge-hit')
          .attr('fill', 'none')
          .attr('stroke', 'transparent')
          .attr('stroke-width', 14)
          .attr('data-export', 'skip');
        g.append('path').attr('class', 'bg-edge-line').attr('fill', 'none');
        g.append('title');
        return g;
      });
    st.edges
      .attr('data-testid', (l) => (l.ghost ? 'bg-suggestion' : 'bg-edge'))
      .attr('data-kind', (l) => l.kind)
      .attr('data-id', (l) => l.id)
      .attr('data-source', (l) => l.source)
      .attr('data-target', (l) => l.target)
      .on('click', (event: MouseEvent, l) => {
        event.stopPropagation();
        handlers.current.onEdgeClick(l.id);
      });
    st.edges
      .select('title')
      .text(
        (l) =>
          `${l.ghost ? 'Suggested: ' : ''}${next.get(l.source)?.name ?? '?'} — ${EDGE_STYLE[l.kind].label.toLowerCase()} — ${next.get(l.target)?.name ?? '?'}` +
          (l.ghost ? ` (${l.evidence ?? ''})` : ` (strength ${Math.round(l.strength * 100)}%)`),
      );

    // Per drag frame only the dragged node's transform and its own lines' `d` are written: the
    // lines are found once when the drag starts (not by filtering every line per frame), and no
    // React state changes until the drop.
    let dragFrom: Point | null = null;
    let dragged: { node: SVGGElement; lines: { edge: RelEdge; paths: SVGPathElement[] }[]; moved: boolean } | null = null;
    const drag = d3
      .drag<SVGGElement, DrawnNode>()
      .clickDistance(4)
      .on('start', function (_event, d) {
        st.timer?.stop();
        dragFrom = { x: d.x, y: d.y };
        const lines: { edge: RelEdge; paths: SVGPathElement[] }[] = [];
        st.edges?.each(function (l) {
          if (l.source === d.id || l.target === d.id) lines.push({ edge: l, paths: [...this.querySelectorAll('path')] });
        });
        dragged = { node: this, lines, moved: false };
      })
      .on('drag', (event: d3.D3DragEvent<SVGGElement, DrawnNode, DrawnNode>, d) => {
        d.x = event.x;
        d.y = event.y;
        if (!dragged) return;
        if (!dragged.moved) {
          // Once it really moves (not on mousedown: moving the node then would swallow a click):
          // on top of everyone, so the pointer stays over it and not over the people it passes.
          dragged.moved = true;
          d3.select(dragged.node).raise();
          spotlight(st, d.id);
          st.dragging = true;
        }
        dragged.node.setAttribute('transform', nodeTransform(d));
        for (const { edge, paths } of dragged.lines) {
          const path = edgeD(edge, st.byId);
          for (const p of paths) p.setAttribute('d', path);
        }
      })
      .on('end', (_event, d) => {
        const start = dragFrom;
        dragFrom = null;
        dragged = null;
        st.dragging = false;
        if (start && Math.hypot(d.x - start.x, d.y - start.y) > 2) {
          // Labels had room where people stood; the org chart keeps a drop where it lands
          // (nothing is saved, so no new positions come to re-judge it), so judge it here.
          prepareNodeLabels(st.labels, [...st.byId.values()], (n) => n);
          applyLabels(st.labels, st.nodes, d3.zoomTransform(el).k, true);
          handlers.current.onMoved(d.id, start, { x: Math.round(d.x * 10) / 10, y: Math.round(d.y * 10) / 10 });
        }
      });

    st.nodes = st.nodeLayer
      .selectAll<SVGGElement, DrawnNode>('g.bg-node')
      .data(drawn, (d) => d.id)
      .join(enterNode);
    updateNodes(st.nodes);
    st.nodes
      .call(drag)
      .on('click', (event: MouseEvent, d) => {
        event.stopPropagation();
        setActive(st, d.id);
        handlers.current.onNodeClick(d.id, event.shiftKey);
      })
      .on('mouseenter', (_e, d) => spotlight(st, d.id))
      .on('mouseleave', () => spotlight(st, null))
      .on('focus', (_e, d) => spotlight(st, d.id))
      .on('blur', () => spotlight(st, null))
      .on('keydown', (event: KeyboardEvent, d) => {
        if (isArrowKey(event.key)) {
          event.preventDefault();
          const at = new Map([...st.byId].map(([id, n]) => [id, { x: n.x, y: n.y }]));
          const to = neighbourToward(d.id, event.key, st.edgeList, at);
          if (to) {
            setActive(st, to);
            st.nodes
              ?.filter((n) => n.id === to)
              .node()
              ?.focus();
          }
        } else if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          handlers.current.onNodeClick(d.id, event.shiftKey);
        }
      });
    if (!st.activeId || !next.has(st.activeId)) setActive(st, drawn[0]?.id ?? null);
    else setActive(st, st.activeId);

    // Label room is judged where people are headed, once per new layout, not per frame.
    prepareNodeLabels(st.labels, drawn, (n) => positions.get(n.id) ?? n);
    applyLabels(st.labels, st.nodes, d3.zoomTransform(el).k, true);

    const legendAt = legendOrigin(positions.values());
    if (legendAt) drawLegend(st.legendLayer, legendAt, legendTitle);

    const moves = drawn.filter((n) => {
      const to = positions.get(n.id);
      return to && (to.x !== n.x || to.y !== n.y);
    });
    if (!st.fitted || moves.length === 0) {
      for (const n of moves) Object.assign(n, positions.get(n.id));
      placeAll(st);
      // Not measured yet (the first draw): the ResizeObserver fits once the page is laid out.
      if (!st.fitted && drawn.length > 0 && st.size) {
        fit(el, st, false);
        st.fitted = true;
      }
      return;
    }
    // A new layout (org chart, tidy, undo): glide there, so the eye can follow people.
    const starts = new Map(moves.map((n) => [n.id, { x: n.x, y: n.y }]));
    const ease = d3.easeCubicInOut;
    st.timer = d3.timer((elapsed) => {
      const t = ease(Math.min(1, elapsed / 450));
      for (const n of moves) {
        const a = starts.get(n.id)!;
        const b = positions.get(n.id)!;
        n.x = a.x + (b.x - a.x) * t;
        n.y = a.y + (b.y - a.y) * t;
      }
      placeAll(st);
      if (t >= 1) {
        st.timer?.stop();
        st.timer = null;
        el.setAttribute('data-settled', 'true');
      }
    });
    el.setAttribute('data-settled', 'false');
  }, [nodes, edges, positions, legendTitle, svgRef]);

  // Selection and deal highlight: attributes only, no layout.
  useEffect(() => {
    const st = stateRef.current;
    if (!st?.nodes || !st.edges) return;
    // fill-/stroke-opacity inherit without the offscreen layer a group `opacity` costs per node.
    st.nodes
      .attr('fill-opacity', (d) => (d.inDeal ? 1 : 0.28))
      .attr('stroke-opacity', (d) => (d.inDeal ? 1 : 0.28))
      .select('circle.bg-ring')
      .attr('stroke', (d) => (d.id === selectedNodeId ? CHART_COLORS.highlight : d.id === pendingFromId ? CHART_COLORS.accent : 'none'))
      .attr('stroke-dasharray', (d) => (d.id === pendingFromId && d.id !== selectedNodeId ? '5 4' : null));
    st.nodes.attr('aria-pressed', (d) => (d.id === selectedNodeId ? 'true' : 'false'));
    const dim = (l: RelEdge) => !st.byId.get(l.source)?.inDeal || !st.byId.get(l.target)?.inDeal;
    st.edges.attr('stroke-opacity', (l) => (l.ghost ? 0.55 : dim(l) ? 0.15 : 0.45 + 0.55 * l.strength));
    st.edges
      .select('path.bg-edge-line')
      .attr('stroke', (l) => (l.id === selectedEdgeId ? CHART_COLORS.highlight : l.ghost ? CHART_COLORS.line : EDGE_STYLE[l.kind].stroke))
      .attr('stroke-width', (l) => (l.ghost ? 1.5 : EDGE_STYLE[l.kind].width) + (l.id === selectedEdgeId ? 2.5 : 0))
      .attr('stroke-dasharray', (l) => (l.ghost ? '2 6' : EDGE_STYLE[l.kind].dash))
      .attr('marker-end', (l) => (EDGE_STYLE[l.kind].arrow ? `url(#bg-arrow-${l.kind})` : null));
    st.edges
      .filter((l) => l.id === selectedEdgeId)
      .attr('stroke-opacity', 1)
      .raise();
  }, [nodes, edges, positions, selectedNodeId, selectedEdgeId, pendingFromId]);

  useEffect(() => {
    const st = stateRef.current;
    if (st && svgRef.current && fitSignal > 0) fit(svgRef.current, st, true, positionsRef.current);
  }, [fitSignal, svgRef]);

  return (
    <svg
      ref={svgRef}
      className="bg-svg"
      data-testid="bg-graph"
      role="group"
      aria-label="Buying group map. Tab to a person, arrow keys move to connected people, Enter opens their details."
    />
  );
}
