// Renderer: the map with its toolbar, side panel and keyboard lists; owns selection and the
// connect gesture (shift-click, or Connect mode for touch screens and trackpads).
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { BuyingGroupView } from '@shared/api';
import type { RelationshipId, StakeholderId } from '@shared/domain';
import { errorWords } from '@renderer/api/errors';
import { formatMoney, plural } from '@renderer/lib/format';
import { BuyingGroupGraph } from './BuyingGroupGraph';
import { ExportButtons } from '@renderer/components/ExportButtons';
import { fileSlug } from '@renderer/lib/export-image';
import { buildGraph } from './graph-model';
import { Legend } from './Legend';
import { useRemoveRelationship } from './mutations';
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
  const [unpinSignal, setUnpinSignal] = useState(0);
  const remove = useRemoveRelationship();

  const deal = view.opportunities.find((o) => o.id === dealId) ?? null;
  const { nodes, edges } = useMemo(() => buildGraph(view.stakeholders, view.relationships, deal), [view.stakeholders, view.relationships, deal]);
  const names = useMemo(() => new Map<string, string>(view.stakeholders.map((s) => [s.id, s.name])), [view.stakeholders]);
  const nameOf = useCallback((id: string) => names.get(id) ?? 'Someone no longer here', [names]);

  const onNodeClick = useCallback((id: StakeholderId, shift: boolean) => {
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
  }, [connectMode, pendingFrom]);
  const onEdgeClick = useCallback((id: RelationshipId) => setSelectedEdgeId(id), []);
  const onBackgroundClick = useCallback(() => {
    setSelectedId(null);
    setSelectedEdgeId(null);
    setPendingFrom(null);
  }, []);
  const removeEdge = (id: RelationshipId) => remove.mutate({ id }, { onSuccess: () => setSelectedEdgeId((cur) => (cur === id ? null : cur)) });
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.key === 'Delete' || event.key === 'Backspace') && selectedEdgeId && !remove.isPending) removeEdge(selectedEdgeId);
    if (event.key === 'Escape') onBackgroundClick();
  };

  const selectedPerson = view.stakeholders.find((s) => s.id === selectedId) ?? null;
  const selectedEdge = view.relationships.find((r) => r.id === selectedEdgeId) ?? null;
  const title = `${view.account.name} — buying group`;

  return (
    <>
      <header className="page-header">
        <h1 id="page-title">{view.account.name}: buying group</h1>
        <p className="page-meta">{plural(view.stakeholders.length, 'person', 'people')} · {plural(view.relationships.length, 'relationship', 'relationships')}</p>
      </header>
      <div className="toolbar bg-toolbar" role="toolbar" aria-label="Map tools">
        <label className="bg-deal">
          <span>Highlight deal</span>
          <select className="input" value={dealId} data-testid="bg-deal-filter" onChange={(e) => setDealId(e.target.value)}>
            <option value="">Everyone at the account</option>
            {view.opportunities.map((o) => (
              <option key={o.id} value={o.id}>{o.name} ({o.status}, {formatMoney(o.amount, o.currency, true)})</option>
            ))}
          </select>
        </label>
        <button type="button" className={connectMode ? 'button button-primary' : 'button'} aria-pressed={connectMode} data-testid="bg-connect-mode"
          onClick={() => { setConnectMode((on) => !on); setPendingFrom(null); }}>
          {connectMode ? (pendingFrom ? 'Now click the second person' : 'Click the first person') : 'Connect'}
        </button>
        <button type="button" className="button" data-testid="bg-add-relationship" onClick={() => setDialog({ from: selectedId, to: null })}>
          Add relationship…
        </button>
        <span className="toolbar-spacer" />
        <button type="button" className="button button-small" onClick={() => setFitSignal((n) => n + 1)}>Fit</button>
        <button type="button" className="button button-small" title="Release everyone you dragged" onClick={() => setUnpinSignal((n) => n + 1)}>Unpin all</button>
        <ExportButtons svgRef={svgRef} filename={fileSlug(title)} options={{ fitContent: true, title }} testIdPrefix="bg" />
      </div>
      {remove.isError ? <p className="form-error" role="alert">{errorWords(remove.error)}</p> : null}
      <div className="bg-layout">
        <div className="bg-canvas" onKeyDown={onKeyDown}>
          <BuyingGroupGraph
            svgRef={svgRef} nodes={nodes} edges={edges}
            selectedNodeId={selectedId} selectedEdgeId={selectedEdgeId} pendingFromId={pendingFrom}
            onNodeClick={onNodeClick} onEdgeClick={onEdgeClick} onBackgroundClick={onBackgroundClick}
            fitSignal={fitSignal} unpinSignal={unpinSignal}
          />
          <p className="bg-hint" aria-hidden="true">
            Drag to arrange (double-click releases) · Shift-click two people to connect · Click a line to select it · Scroll to zoom
          </p>
          <Legend />
        </div>
        <SidePanel people={view.stakeholders} deal={deal} selectedPerson={selectedPerson} selectedEdge={selectedEdge}
          nameOf={nameOf} onRemoveEdge={removeEdge} removing={remove.isPending} />
      </div>
      <PeopleList
        people={view.stakeholders} relationships={view.relationships} deal={deal}
        selectedId={selectedId} selectedEdgeId={selectedEdgeId} nameOf={nameOf}
        onSelect={(id) => { setSelectedId(id); setSelectedEdgeId(null); }}
        onConnectFrom={(id) => setDialog({ from: id, to: null })}
        onSelectEdge={(id) => setSelectedEdgeId(id)}
        onRemoveEdge={removeEdge}
      />
      {dialog ? (
        <RelationshipDialog accountId={accountId} people={view.stakeholders} fromId={dialog.from} toId={dialog.to} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
