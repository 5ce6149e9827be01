// Renderer: an account's stakeholders with add and edit.
import { useState } from 'react';
import { BUYING_ROLE_LABEL, type Stakeholder } from '@shared/domain';
import { EmptyState } from '@renderer/components/states';
import { StakeholderDialog } from './StakeholderDialog';
import { InfluenceMeter, StanceBadge } from '@renderer/components/StanceBadge';
import { ConfirmDelete } from '@renderer/components/ConfirmDelete';
import { hrefFor } from '@renderer/lib/router';

type Editing =
  { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; stakeholder: Stakeholder } | { mode: 'delete'; stakeholder: Stakeholder };

export function StakeholdersSection({ accountId, stakeholders }: { accountId: string; stakeholders: readonly Stakeholder[] }) {
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });

  return (
    <section className="panel" aria-labelledby="stakeholders-title">
      <header className="panel-header">
        <h2 id="stakeholders-title">
          People <span className="count">{stakeholders.length}</span>
        </h2>
        <button type="button" className="button button-primary" data-testid="add-stakeholder" onClick={() => setEditing({ mode: 'add' })}>
          Add stakeholder
        </button>
      </header>
      {stakeholders.length === 0 ? (
        <EmptyState title="No stakeholders yet.">
          Add the people in the buying group to see who decides, who champions and who blocks.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Title</th>
                <th scope="col">Department</th>
                <th scope="col">Buying roles</th>
                <th scope="col">Stance</th>
                <th scope="col">Influence</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {stakeholders.map((s) => (
                <tr key={s.id} data-testid="stakeholder-row">
                  <th scope="row" className="cell-name">
                    <a href={hrefFor({ page: 'person', id: s.id })}>{s.name}</a>
                  </th>
                  <td>{s.title}</td>
                  <td>{s.department}</td>
                  <td>
                    <ul className="chips" aria-label={`Buying roles of ${s.name}`}>
                      {s.buyingRoles.length === 0 ? <li className="cell-muted">None yet</li> : null}
                      {s.buyingRoles.map((role) => (
                        <li key={role} className={`chip chip-${role}`}>
                          {BUYING_ROLE_LABEL[role]}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <StanceBadge stance={s.stance} />
                  </td>
                  <td>
                    <InfluenceMeter value={s.influence} />
                  </td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="button button-small"
                      data-testid="edit-stakeholder"
                      aria-label={`Edit ${s.name}`}
                      onClick={() => setEditing({ mode: 'edit', stakeholder: s })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      data-testid="delete-stakeholder"
                      aria-label={`Delete ${s.name}`}
                      onClick={() => setEditing({ mode: 'delete', stakeholder: s })}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing.mode === 'delete' ? (
        <ConfirmDelete
          kind="stakeholder"
          id={editing.stakeholder.id}
          name={editing.stakeholder.name}
          consequence={`${editing.stakeholder.name} leaves this account, its buying-group map and every deal's buying group. Interactions they attended stay.`}
          onClose={() => setEditing({ mode: 'closed' })}
        />
      ) : null}
      {editing.mode === 'add' || editing.mode === 'edit' ? (
        <StakeholderDialog
          accountId={accountId}
          existing={editing.mode === 'edit' ? editing.stakeholder : undefined}
          onClose={() => setEditing({ mode: 'closed' })}
        />
      ) : null}
    </section>
  );
}
