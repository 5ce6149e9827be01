// Renderer: the buying group as a force-directed map. d3 owns everything inside the <svg>
// (simulation, drag, zoom, joins); React owns the element and hands in data and selection.
// Handlers travel through a ref so a new callback never rebuilds the simulation.
import { useEffect, useRef, type RefObject } from 'react';
import * as d3 from 'd3';
import { BUYING_ROLE_LABEL, type RelationshipId, type StakeholderId } from '@shared/domain';
import { boundsOf, fitTransform } from './coords';
import { EDGE_STYLE, ROLE_CODE, STANCE_GLYPH, edgePath, sortRoles, type PersonNode, type RelEdge } from './graph-model';
import { STANCE_LABEL } from '@renderer/components/StanceBadge';
import { CHART_COLORS, CHART_FONT } from '@renderer/lib/chart-theme';

type SimNode = PersonNode & d3.SimulationNodeDatum;
interface SimLink extends d3.SimulationLinkDatum<SimNode> {
  edge: RelEdge;
  d?: string;
}
type Sel<E extends d3.BaseType, D> = d3.Selection<E, D, SVGGElement, unknown>;

interface GraphState {
  sim: d3.Simulation<SimNode, SimLink>;
  zoom: d3.ZoomBehavior<SVGSVGElement, unknown>;
  nodeLayer: d3.Selection<SVGGElement, unknown, null, undefined>;
  edgeLayer: d3.Selection<SVGGElement, unknown, null, undefined>;
  byId: Map<string, SimNode>;
  nodes: Sel<SVGGElement, SimNode> | null;
  edges: Sel<SVGGElement, SimLink> | null;
  /** Both paths of every edge (hit area and line), cached so a tick does not re-select. */
  edgePaths: d3.Selection<SVGPathElement, SimLink, SVGGElement, unknown> | null;
  fitted: boolean;
}

export interface GraphHandlers {
  onNodeClick: (id: StakeholderId, shiftKey: boolean) => void;
  onEdgeClick: (id: RelationshipId) => void;
  onBackgroundClick: () => void;
}

interface Props extends GraphHandlers {
  svgRef: RefObject<SVGSVGElement | null>;
  nodes: readonly PersonNode[];
  edges: readonly RelEdge[];
  selectedNodeId: StakeholderId | null;
  selectedEdgeId: RelationshipId | null;
  pendingFromId: StakeholderId | null;
  /** Bump to zoom to fit everyone; bump `unpinSignal` to release every dragged person. */
  fitSignal: number;
  unpinSignal: number;
}


function place(st: GraphState): void {
  st.edges?.each((l) => {
    const s = l.source as SimNode;
    const t = l.target as SimNode;
    l.d = edgePath({ x: s.x ?? 0, y: s.y ?? 0, r: s.radius }, { x: t.x ?? 0, y: t.y ?? 0, r: t.radius }, l.edge.bend).d;
  });
  st.edgePaths?.attr('d', (l) => l.d ?? '');
  st.nodes?.attr('transform', (d) => `translate(${Math.round((d.x ?? 0) * 10) / 10},${Math.round((d.y ?? 0) * 10) / 10})`);
}

function fit(svg: SVGSVGElement, st: GraphState, animate: boolean): void {
  const bounds = boundsOf([...st.byId.values()].map((n) => ({ x: n.x ?? 0, y: n.y ?? 0, r: n.radius + 30 })));
  if (!bounds) return;
  const t = fitTransform(bounds, svg.clientWidth || 800, svg.clientHeight || 600);
  const target = d3.zoomIdentity.translate(t.x, t.y).scale(t.k);
  const sel = d3.select(svg);
  if (animate) sel.transition().duration(350).call(st.zoom.transform, target);
  else sel.call(st.zoom.transform, target);
}

export function BuyingGroupGraph(props: Props) {
  const { svgRef, nodes, edges, selectedNodeId, selectedEdgeId, pendingFromId, fitSignal, unpinSignal } = props;
  const stateRef = useRef<GraphState | null>(null);
  const handlers = useRef<GraphHandlers>(props);
  useEffect(() => {
    handlers.current = { onNodeClick: props.onNodeClick, onEdgeClick: props.onEdgeClick, onBackgroundClick: props.onBackgroundClick };
  });

  // Build the scaffold once: markers, layers, zoom and the (stopped) simulation.
  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const svg = d3.select(el).attr('font-family', CHART_FONT);
    const defs = svg.append('defs');
    for (const [kind, style] of Object.entries(EDGE_STYLE)) {
      if (!style.arrow) continue;
      defs.append('marker').attr('id', `bg-arrow-${kind}`).attr('viewBox', '0 -5 10 10').attr('refX', 9).attr('refY', 0)
        .attr('markerUnits', 'userSpaceOnUse').attr('markerWidth', 12).attr('markerHeight', 12).attr('orient', 'auto')
        .append('path').attr('d', 'M0,-5L10,0L0,5Z').attr('fill', style.stroke);
    }
    const viewport = svg.append('g').attr('data-export', 'viewport');
    const edgeLayer = viewport.append('g').attr('class', 'bg-edges');
    const nodeLayer = viewport.append('g').attr('class', 'bg-nodes');
    const zoom = d3.zoom<SVGSVGElement, unknown>().scaleExtent([0.15, 4]).on('zoom', (event: d3.D3ZoomEvent<SVGSVGElement, unknown>) => {
      viewport.attr('transform', event.transform.toString());
    });
    svg.call(zoom).on('dblclick.zoom', null);
    svg.on('click.background', (event: MouseEvent) => {
      if (event.target === el) handlers.current.onBackgroundClick();
    });
    const sim = d3.forceSimulation<SimNode, SimLink>()
      .force('link', d3.forceLink<SimNode, SimLink>().id((d) => d.id)
        .distance((l) => (l.edge.kind === 'reports_to' ? 130 : 190))
        .strength((l) => (l.edge.kind === 'reports_to' ? 0.4 : 0.08)))
      .force('charge', d3.forceManyBody<SimNode>().strength(-750).distanceMax(900))
      .force('collide', d3.forceCollide<SimNode>().radius((d) => d.radius + 34))
      .force('x', d3.forceX<SimNode>(0).strength(0.025))
      // Managers above their reports: an org chart the room recognises, loosely held.
      .force('y', d3.forceY<SimNode>((d) => d.level * 150).strength(0.2))
      .stop();
    const st: GraphState = { sim, zoom, nodeLayer, edgeLayer, byId: new Map(), nodes: null, edges: null, edgePaths: null, fitted: false };
    sim.on('tick', () => place(st));
    stateRef.current = st;
    return () => {
      sim.stop();
      svg.on('.zoom', null).on('click.background', null);
      svg.selectAll('*').remove();
      stateRef.current = null;
    };
  }, [svgRef]);

  // Data: keep everyone's position (and pin) across refetches; only newcomers get placed.
  useEffect(() => {
    const st = stateRef.current;
    const el = svgRef.current;
    if (!st || !el) return;
    const next = new Map<string, SimNode>();
    let added = 0;
    for (const n of nodes) {
      const old = st.byId.get(n.id);
      if (!old) added++;
      next.set(n.id, Object.assign(old ?? { x: (Math.random() - 0.5) * 200, y: n.level * 130 }, n));
    }
    st.byId = next;
    const simNodes = [...next.values()];
    const links: SimLink[] = edges.map((edge) => ({ edge, source: edge.source, target: edge.target }));
    st.sim.nodes(simNodes);
    st.sim.force<d3.ForceLink<SimNode, SimLink>>('link')?.links(links);

    st.edges = st.edgeLayer.selectAll<SVGGElement, SimLink>('g.bg-edge').data(links, (l) => l.edge.id).join((enter) => {
      const g = enter.append('g').attr('class', 'bg-edge').attr('data-testid', 'bg-edge').style('cursor', 'pointer');
      g.append('path').attr('class', 'bg-edge-hit').attr('fill', 'none').attr('stroke', 'transparent').attr('stroke-width', 14).attr('data-export', 'skip');
      g.append('path').attr('class', 'bg-edge-line').attr('fill', 'none');
      g.append('title');
      return g;
    });
    st.edgePaths = st.edges.selectAll<SVGPathElement, SimLink>('path').data((l) => [l, l]);
    st.edges.attr('data-kind', (l) => l.edge.kind).attr('data-id', (l) => l.edge.id)
      .on('click', (event: MouseEvent, l) => {
        event.stopPropagation();
        handlers.current.onEdgeClick(l.edge.id);
      });
    st.edges.select('title').text((l) => {
      const s = next.get(l.edge.source)?.name ?? '?';
      const t = next.get(l.edge.target)?.name ?? '?';
      return `${s} — ${EDGE_STYLE[l.edge.kind].label.toLowerCase()} — ${t} (strength ${Math.round(l.edge.strength * 100)}%)`;
    });

    const drag = d3.drag<SVGGElement, SimNode>().clickDistance(4)
      .on('start', (event: d3.D3DragEvent<SVGGElement, SimNode, SimNode>, d) => {
        if (!event.active) st.sim.alphaTarget(0.2).restart();
        d.fx = d.x;
        d.fy = d.y;
      })
      .on('drag', (event: d3.D3DragEvent<SVGGElement, SimNode, SimNode>, d) => {
        d.fx = event.x;
        d.fy = event.y;
      })
      // Positions stay pinned after a drag: the planner put that person there on purpose.
      .on('end', (event: d3.D3DragEvent<SVGGElement, SimNode, SimNode>) => {
        if (!event.active) st.sim.alphaTarget(0);
      });

    st.nodes = st.nodeLayer.selectAll<SVGGElement, SimNode>('g.bg-node').data(simNodes, (d) => d.id).join((enter) => {
      const g = enter.append('g').attr('class', 'bg-node').attr('data-testid', 'bg-node').style('cursor', 'pointer');
      g.append('circle').attr('class', 'bg-ring').attr('fill', 'none').attr('stroke-width', 4);
      g.append('circle').attr('class', 'bg-body').attr('stroke-width', 2.5);
      g.append('text').attr('class', 'bg-initials').attr('text-anchor', 'middle').attr('dy', '0.35em').attr('font-weight', 700);
      const glyph = g.append('g').attr('class', 'bg-glyph');
      glyph.append('circle').attr('r', 9).attr('fill', CHART_COLORS.paper).attr('stroke', CHART_COLORS.line).attr('stroke-width', 1.5);
      glyph.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em').attr('font-size', 12).attr('font-weight', 700).attr('fill', CHART_COLORS.ink);
      const halo = (t: d3.Selection<SVGTextElement, SimNode, SVGGElement, unknown>) =>
        void t.attr('text-anchor', 'middle').attr('paint-order', 'stroke').attr('stroke', CHART_COLORS.paper).attr('stroke-width', 4).attr('stroke-linejoin', 'round');
      g.append('text').attr('class', 'bg-name').attr('font-size', 13).attr('font-weight', 650).attr('fill', CHART_COLORS.ink).call(halo);
      g.append('text').attr('class', 'bg-roles').attr('font-size', 11.5).attr('font-weight', 600).attr('fill', CHART_COLORS.role).call(halo);
      g.append('title');
      return g;
    });
    st.nodes.attr('data-id', (d) => d.id).call(drag)
      .on('click', (event: MouseEvent, d) => {
        event.stopPropagation();
        handlers.current.onNodeClick(d.id, event.shiftKey);
      })
      .on('dblclick', (event: MouseEvent, d) => {
        event.stopPropagation();
        d.fx = null;
        d.fy = null;
        st.sim.alpha(0.3).restart();
      });
    st.nodes.select('circle.bg-body').attr('r', (d) => d.radius).attr('fill', (d) => d.fill)
      .attr('stroke', (d) => (d.stance === 'unknown' ? CHART_COLORS.unknownRim : CHART_COLORS.paper))
      .attr('stroke-dasharray', (d) => (d.stance === 'unknown' ? '4 3' : null));
    st.nodes.select('circle.bg-ring').attr('r', (d) => d.radius + 6);
    st.nodes.select('text.bg-initials').text((d) => d.initials)
      .attr('font-size', (d) => Math.max(11, d.radius * 0.62))
      .attr('fill', (d) => (d.stance === 'unknown' || d.stance === 'neutral' ? CHART_COLORS.ink : CHART_COLORS.paper));
    st.nodes.select('g.bg-glyph').attr('transform', (d) => `translate(${d.radius * 0.74},${-d.radius * 0.74})`)
      .select('text').text((d) => STANCE_GLYPH[d.stance]);
    st.nodes.select('text.bg-name').attr('y', (d) => d.radius + 16).text((d) => d.name);
    st.nodes.select('text.bg-roles').attr('y', (d) => d.radius + 30).text((d) =>
      d.dealRole ? `${ROLE_CODE[d.dealRole]} on deal` : sortRoles(d.roles).map((r) => ROLE_CODE[r]).join(' · '));
    st.nodes.select('title').text((d) =>
      [d.name, `Stance: ${STANCE_LABEL[d.stance]}`, d.roles.length ? `Roles: ${sortRoles(d.roles).map((r) => BUYING_ROLE_LABEL[r]).join(', ')}` : 'No buying role',
        d.dealRole ? `On this deal: ${BUYING_ROLE_LABEL[d.dealRole]}` : ''].filter(Boolean).join('\n'));

    if (!st.fitted) {
      // First draw: settle the layout off-screen (300 ticks of 60 people is a few ms), then fit.
      st.sim.alpha(1);
      st.sim.tick(300);
      place(st);
      fit(el, st, false);
      st.fitted = true;
    } else {
      place(st);
      st.sim.alpha(added > 0 ? 0.5 : 0.15).restart();
    }
  }, [nodes, edges, svgRef]);

  // Selection and deal highlight: attributes only, no layout.
  useEffect(() => {
    const st = stateRef.current;
    if (!st?.nodes || !st.edges) return;
    // fill-/stroke-opacity inherit without the offscreen layer a group `opacity` costs per node.
    st.nodes.attr('fill-opacity', (d) => (d.inDeal ? 1 : 0.28)).attr('stroke-opacity', (d) => (d.inDeal ? 1 : 0.28))
      .select('circle.bg-ring')
      .attr('stroke', (d) => (d.id === selectedNodeId ? CHART_COLORS.highlight : d.id === pendingFromId ? CHART_COLORS.accent : 'none'))
      .attr('stroke-dasharray', (d) => (d.id === pendingFromId && d.id !== selectedNodeId ? '5 4' : null));
    st.nodes.attr('aria-current', (d) => (d.id === selectedNodeId ? 'true' : null));
    const dim = (l: SimLink) => !(l.source as SimNode).inDeal || !(l.target as SimNode).inDeal;
    st.edges.attr('stroke-opacity', (l) => (dim(l) ? 0.15 : 0.45 + 0.55 * l.edge.strength));
    st.edges.select('path.bg-edge-line')
      .attr('stroke', (l) => (l.edge.id === selectedEdgeId ? CHART_COLORS.highlight : EDGE_STYLE[l.edge.kind].stroke))
      .attr('stroke-width', (l) => EDGE_STYLE[l.edge.kind].width + (l.edge.id === selectedEdgeId ? 2.5 : 0))
      .attr('stroke-dasharray', (l) => EDGE_STYLE[l.edge.kind].dash)
      .attr('marker-end', (l) => (EDGE_STYLE[l.edge.kind].arrow ? `url(#bg-arrow-${l.edge.kind})` : null));
    st.edges.filter((l) => l.edge.id === selectedEdgeId).attr('stroke-opacity', 1).raise();
  }, [nodes, edges, selectedNodeId, selectedEdgeId, pendingFromId]);

  useEffect(() => {
    const st = stateRef.current;
    if (st && svgRef.current && fitSignal > 0) fit(svgRef.current, st, true);
  }, [fitSignal, svgRef]);

  useEffect(() => {
    const st = stateRef.current;
    if (!st || unpinSignal === 0) return;
    for (const n of st.byId.values()) {
      n.fx = null;
      n.fy = null;
    }
    st.sim.alpha(0.5).restart();
  }, [unpinSignal]);

  return (
    <svg
      ref={svgRef}
      className="bg-svg"
      data-testid="bg-graph"
      tabIndex={0}
      role="group"
      aria-label="Buying group map. Drag people to arrange them; the lists below offer the same actions by keyboard."
    />
  );
}
