// Renderer: the map's keyboard and screen-reader twin — every person and relationship as rows,
// with the same select / connect / delete actions the pointer has on the graph.
import {
  BUYING_ROLE_LABEL,
  type Opportunity,
  type Relationship,
  type RelationshipId,
  type Stakeholder,
  type StakeholderId,
} from '@shared/domain';
import { StanceBadge } from '@renderer/components/StanceBadge';
import { EDGE_STYLE, sortRoles } from './graph-model';

interface Props {
  people: readonly Stakeholder[];
  relationships: readonly Relationship[];
  deal: Opportunity | null;
  selectedId: StakeholderId | null;
  selectedEdgeId: RelationshipId | null;
  nameOf: (id: string) => string;
  onSelect: (id: StakeholderId) => void;
  onConnectFrom: (id: StakeholderId) => void;
  onSelectEdge: (id: RelationshipId) => void;
  onRemoveEdge: (id: RelationshipId) => void;
}

export function PeopleList(p: Props) {
  const dealRole = (id: string) => p.deal?.members.find((m) => m.stakeholderId === id)?.role;
  return (
    <div className="bg-lists">
      <section className="panel" aria-labelledby="bg-people-title">
        <header className="panel-header">
          <h2 id="bg-people-title">
            People <span className="count">{p.people.length}</span>
          </h2>
        </header>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Stance</th>
                <th scope="col">Roles</th>
                <th scope="col" className="cell-actions">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              {p.people.map((s) => {
                const role = dealRole(s.id);
                return (
                  <tr key={s.id} className={s.id === p.selectedId ? 'is-selected' : undefined} data-testid="bg-person-row">
                    <th scope="row" className="cell-name">
                      {s.name}
                      <div className="cell-muted">{s.title}</div>
                    </th>
                    <td>
                      <StanceBadge stance={s.stance} />
                    </td>
                    <td>
                      {role ? (
                        <strong>{BUYING_ROLE_LABEL[role]} on deal</strong>
                      ) : (
                        sortRoles(s.buyingRoles)
                          .map((r) => BUYING_ROLE_LABEL[r])
                          .join(', ') || '—'
                      )}
                    </td>
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="button button-small"
                        aria-pressed={s.id === p.selectedId}
                        onClick={() => p.onSelect(s.id)}
                      >
                        Select<span className="visually-hidden"> {s.name}</span>
                      </button>{' '}
                      <button type="button" className="button button-small" onClick={() => p.onConnectFrom(s.id)}>
                        Connect…<span className="visually-hidden"> from {s.name}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-labelledby="bg-rels-title">
        <header className="panel-header">
          <h2 id="bg-rels-title">
            Relationships <span className="count">{p.relationships.length}</span>
          </h2>
        </header>
        {p.relationships.length === 0 ? (
          <p className="bg-empty">No relationships yet. Shift-click two people, or use “Connect…”.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">From</th>
                  <th scope="col">Relationship</th>
                  <th scope="col">To</th>
                  <th scope="col" className="num">
                    Strength
                  </th>
                  <th scope="col" className="cell-actions">
                    Actions
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.relationships.map((r) => (
                  <tr key={r.id} className={r.id === p.selectedEdgeId ? 'is-selected' : undefined} data-testid="bg-relationship-row">
                    <td>{p.nameOf(r.fromId)}</td>
                    <td>{EDGE_STYLE[r.kind].label}</td>
                    <td>{p.nameOf(r.toId)}</td>
                    <td className="num">{Math.round(r.strength * 100)}%</td>
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="button button-small"
                        aria-pressed={r.id === p.selectedEdgeId}
                        onClick={() => p.onSelectEdge(r.id)}
                      >
                        Select
                      </button>{' '}
                      <button type="button" className="button button-small button-danger-quiet" onClick={() => p.onRemoveEdge(r.id)}>
                        Delete
                        <span className="visually-hidden">
                          {' '}
                          {p.nameOf(r.fromId)} {EDGE_STYLE[r.kind].label.toLowerCase()} {p.nameOf(r.toId)}
                        </span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
