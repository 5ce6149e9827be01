// Renderer: the map with its toolbar, side panel and keyboard lists; owns selection and the
// connect gesture (shift-click, or Connect mode for touch screens and trackpads). What an edit
// does is use-map-actions.ts; where people sit is use-map-layout.ts.
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { now } from '@renderer/lib/clock';
import type { BuyingGroupView } from '@shared/api';
import type { RelationshipId, StakeholderId } from '@shared/domain';
import { errorWords } from '@renderer/api/errors';
import { formatMoney, plural } from '@renderer/lib/format';
import { BuyingGroupGraph } from './BuyingGroupGraph';
import { ExportButtons } from '@renderer/components/ExportButtons';
import { fileSlug } from '@renderer/lib/export-image';
import { buildGraph, EDGE_STYLE } from './graph-model';
import { gapsFor } from '@shared/buying-group/coverage';
import { CoveragePanel } from './CoveragePanel';
import { MapPdfButton } from './MapPdfButton';
import { collapseDepartments, departmentOf, departments, isDepartmentNode } from './collapse';
import { DepartmentsPanel } from './DepartmentsPanel';
import { Legend } from './Legend';
import { useMapActions } from './use-map-actions';
import { SuggestionsPanel } from './SuggestionsPanel';
import { loadOrgLayout, useMapLayout, type MapLayoutKind } from './use-map-layout';
import { PeopleList } from './PeopleList';
import { RelationshipDialog } from './RelationshipDialog';
import { SidePanel } from './SidePanel';

export function BuyingGroupMap({ view }: { view: BuyingGroupView }) {
  const accountId = view.account.id;
  const svgRef = useRef<SVGSVGElement>(null);
  const [dealId, setDealId] = useState<string>(() => view.opportunities.find((o) => o.status === 'open')?.id ?? '');
  const [selectedId, setSelectedId] = useState<StakeholderId | null>(null);
  const [selectedEdgeId, setSelectedEdgeId] = useState<RelationshipId | null>(null);
  const [pendingFrom, setPendingFrom] = useState<StakeholderId | null>(null);
  const [connectMode, setConnectMode] = useState(false);
  const [dialog, setDialog] = useState<{ from: StakeholderId | null; to: StakeholderId | null } | null>(null);
  const [fitSignal, setFitSignal] = useState(0);
  const [layoutKind, setLayoutKind] = useState<MapLayoutKind>('force');

  // A new layout glides in and the view follows it, so the whole chart is in sight. The org
  // chart's layout library is fetched the first time it is asked for (not with the map).
  const switchLayout = (kind: MapLayoutKind) => {
    if (kind === layoutKind) return;
    void (kind === 'org' ? loadOrgLayout() : Promise.resolve()).then(() => {
      setLayoutKind(kind);
      setFitSignal((n) => n + 1);
    });
  };
  const deal = view.opportunities.find((o) => o.id === dealId) ?? null;
  const { edits, onMoved, editPerson, accept, dismiss, setDealRole, addPerson, removePerson, removeEdge, tidy } = useMapActions({
    view,
    deal,
    layoutKind,
    onSelectPerson: setSelectedId,
    onEdgeRemoved: (id) => setSelectedEdgeId((cur) => (cur === id ? null : cur)),
  });
  const { history } = edits;
  const gaps = useMemo(() => gapsFor(view.coverage, deal?.id ?? null), [view.coverage, deal]);
  const coverage = useMemo(() => {
    const flags = new Map<string, string>();
    for (const g of gaps) {
      // Rings stay rare enough to mean something: unmet role holders only for the highlighted deal.
      if (g.kind === 'role_unmet' && !deal) continue;
      const why =
        g.kind === 'blocker_never_met'
          ? 'gap: blocker never met'
          : g.kind === 'single_threaded'
            ? 'gap: the only thread of a deal'
            : 'gap: holds a core role nobody on our team met';
      for (const id of g.stakeholderIds) if (!flags.has(id)) flags.set(id, why);
    }
    return { coveredBy: view.coverage.coveredBy, flags };
  }, [gaps, view.coverage, deal]);
  const full = useMemo(
    () => buildGraph(view.stakeholders, view.relationships, deal, coverage),
    [view.stakeholders, view.relationships, deal, coverage],
  );
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const toggleDepartment = useCallback(
    (name: string) =>
      setCollapsed((cur) => {
        const next = new Set(cur);
        if (!next.delete(name)) next.add(name);
        return next;
      }),
    [],
  );
  // Ghost lines for suggestions: they take part in drawing and keyboard walks, not in layout.
  const { nodes, edges } = useMemo(
    () =>
      collapseDepartments(
        full.nodes,
        [
          ...full.edges,
          ...view.suggestions.map((s) => ({
            id: `sug:${s.key}` as RelationshipId,
            source: s.fromId,
            target: s.toId,
            kind: s.kind,
            strength: s.strength,
            bend: 18,
            ghost: true,
            evidence: s.evidence,
          })),
        ],
        collapsed,
      ),
    [full, view.suggestions, collapsed],
  );
  const realEdges = useMemo(() => edges.filter((e) => !e.ghost), [edges]);
  const names = useMemo(() => new Map(view.stakeholders.map((s) => [s.id as string, s.name])), [view.stakeholders]);
  const nameOf = useCallback((id: string) => names.get(id) ?? 'Someone no longer here', [names]);
  const positions = useMapLayout(nodes, realEdges, layoutKind);

  const people = view.stakeholders;
  const step = (which: 'undo' | 'redo') => void edits.step(which);

  const onNodeClick = useCallback(
    (id: StakeholderId, shift: boolean) => {
      if (isDepartmentNode(id)) {
        toggleDepartment(departmentOf(id));
        return;
      }
      setSelectedEdgeId(null);
      if (shift || connectMode) {
        if (pendingFrom && pendingFrom !== id) {
          setDialog({ from: pendingFrom, to: id });
          setPendingFrom(null);
          setConnectMode(false);
        } else {
          setPendingFrom(id);
        }
      }
      setSelectedId(id);
    },
    [connectMode, pendingFrom, toggleDepartment],
  );
  const onEdgeClick = useCallback((id: RelationshipId) => setSelectedEdgeId(id), []);
  const onBackgroundClick = useCallback(() => {
    setSelectedId(null);
    setSelectedEdgeId(null);
    setPendingFrom(null);
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.key === 'Delete' || event.key === 'Backspace') && selectedEdgeId && !edits.pending) removeEdge(selectedEdgeId);
    if (event.key === 'Escape') onBackgroundClick();
  };

  const selectedPerson = view.stakeholders.find((s) => s.id === selectedId) ?? null;
  const selectedEdge = view.relationships.find((r) => r.id === selectedEdgeId) ?? null;
  const title = `${view.account.name} — buying group`;
  const dealLine = deal ? `Highlighted deal: ${deal.name}` : 'Everyone at the account';
  const dateText = new Date(now()).toISOString().slice(0, 10);
  const legendTitle = `${dealLine} · ${dateText}`;
  const exportOptions = { fitContent: true, title: `${title} · ${legendTitle}` };

  return (
    <>
      <header className="page-header">
        <h1 id="page-title">{view.account.name}: buying group</h1>
        <p className="page-meta">
          {plural(view.stakeholders.length, 'person', 'people')} · {plural(view.relationships.length, 'relationship', 'relationships')}
        </p>
      </header>
      <div className="toolbar bg-toolbar" role="toolbar" aria-label="Map tools">
        <label className="bg-deal">
          <span>Highlight deal</span>
          <select className="input" value={dealId} data-testid="bg-deal-filter" onChange={(e) => setDealId(e.target.value)}>
            <option value="">Everyone at the account</option>
            {view.opportunities.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.status}, {formatMoney(o.amount, o.currency, true)})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={connectMode ? 'button button-primary' : 'button'}
          aria-pressed={connectMode}
          data-testid="bg-connect-mode"
          onClick={() => {
            setConnectMode((on) => !on);
            setPendingFrom(null);
          }}
        >
          {connectMode ? (pendingFrom ? 'Now click the second person' : 'Click the first person') : 'Connect'}
        </button>
        <button
          type="button"
          className="button"
          data-testid="bg-add-relationship"
          onClick={() => setDialog({ from: selectedId, to: null })}
        >
          Add relationship…
        </button>
        <span className="toolbar-spacer" />
        <button type="button" className="button button-small" onClick={() => setFitSignal((n) => n + 1)}>
          Fit
        </button>
        <div className="bg-segmented" role="group" aria-label="Layout">
          <button
            type="button"
            className="button button-small"
            aria-pressed={layoutKind === 'force'}
            data-testid="bg-layout-force"
            onClick={() => switchLayout('force')}
          >
            Network
          </button>
          <button
            type="button"
            className="button button-small"
            aria-pressed={layoutKind === 'org'}
            data-testid="bg-layout-org"
            onPointerEnter={() => void loadOrgLayout()}
            onFocus={() => void loadOrgLayout()}
            onClick={() => switchLayout('org')}
          >
            Org chart
          </button>
        </div>
        <button
          type="button"
          className="button button-small"
          data-testid="bg-tidy"
          disabled={layoutKind !== 'force' || !people.some((p) => p.mapPosition)}
          title="Release everyone you placed and lay the map out again (undoable)"
          onClick={tidy}
        >
          Tidy
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="bg-undo"
          disabled={history.past.length === 0}
          onClick={() => step('undo')}
          title="Undo (Ctrl/Cmd+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="bg-redo"
          disabled={history.future.length === 0}
          onClick={() => step('redo')}
          title="Redo (Shift+Ctrl/Cmd+Z)"
        >
          Redo
        </button>
        <ExportButtons svgRef={svgRef} filename={fileSlug(title)} options={exportOptions} testIdPrefix="bg" />
        <MapPdfButton
          svgRef={svgRef}
          filename={fileSlug(title)}
          options={exportOptions}
          title={title}
          dealLine={dealLine}
          date={dateText}
        />
      </div>
      {edits.error ? (
        <p className="form-error" role="alert">
          {errorWords(edits.error)}
        </p>
      ) : null}
      <div className="bg-layout">
        <div className="bg-canvas" onKeyDown={onKeyDown}>
          <BuyingGroupGraph
            svgRef={svgRef}
            nodes={nodes}
            edges={edges}
            positions={positions}
            legendTitle={legendTitle}
            onMoved={onMoved}
            selectedNodeId={selectedId}
            selectedEdgeId={selectedEdgeId}
            pendingFromId={pendingFrom}
            onNodeClick={onNodeClick}
            onEdgeClick={onEdgeClick}
            onBackgroundClick={onBackgroundClick}
            fitSignal={fitSignal}
          />
          <p className="bg-hint" aria-hidden="true">
            Drag to place someone (saved for the team) · Shift-click two people to connect · Click a line to select it · Scroll to zoom ·
            Tab and arrow keys walk the map
          </p>
          <Legend />
        </div>
        <SidePanel
          people={view.stakeholders}
          deal={deal}
          selectedPerson={selectedPerson}
          selectedEdge={selectedEdge}
          nameOf={nameOf}
          onRemoveEdge={removeEdge}
          removing={edits.pending}
          onEditPerson={editPerson}
          onDealRole={setDealRole}
          onAddPerson={addPerson}
          onRemovePerson={removePerson}
          coveredBy={selectedPerson ? (view.coverage.coveredBy[selectedPerson.id] ?? []) : []}
        >
          <CoveragePanel
            gaps={gaps}
            nameOf={nameOf}
            onSelect={(id) => {
              setSelectedId(id);
              setSelectedEdgeId(null);
            }}
          />
          <SuggestionsPanel suggestions={view.suggestions} nameOf={nameOf} onAccept={accept} onDismiss={dismiss} busy={edits.pending} />
          <DepartmentsPanel
            departments={departments(full.nodes)}
            collapsed={collapsed}
            onToggle={toggleDepartment}
            onAll={(collapse) => setCollapsed(collapse ? new Set(departments(full.nodes).map((d) => d.name)) : new Set())}
          />
        </SidePanel>
      </div>
      <PeopleList
        people={view.stakeholders}
        relationships={view.relationships}
        deal={deal}
        selectedId={selectedId}
        selectedEdgeId={selectedEdgeId}
        nameOf={nameOf}
        onSelect={(id) => {
          setSelectedId(id);
          setSelectedEdgeId(null);
        }}
        onConnectFrom={(id) => setDialog({ from: id, to: null })}
        onSelectEdge={(id) => setSelectedEdgeId(id)}
        onRemoveEdge={removeEdge}
      />
      {dialog ? (
        <RelationshipDialog
          accountId={accountId}
          people={view.stakeholders}
          fromId={dialog.from}
          toId={dialog.to}
          onClose={() => setDialog(null)}
          onSaved={(input, answer) =>
            edits.remember(`Add ${EDGE_STYLE[input.kind].label.toLowerCase()}`, { method: 'relationships.upsert', input }, answer)
          }
        />
      ) : null}
    </>
  );
}
