// Renderer: beside the map — roles nobody covers, the stance mix, and whatever is selected.
import { formatDate, plural } from '@renderer/lib/format';
import { AddPersonForm } from './AddPersonForm';
import {
  BUYING_ROLES,
  BUYING_ROLE_LABEL,
  type BuyingRole,
  type Opportunity,
  type Relationship,
  type RelationshipId,
  type Stakeholder,
} from '@shared/domain';
import type { ReactNode } from 'react';
import type { MapFields } from './map-history';
import { PersonEditor } from './PersonEditor';
import { hrefFor } from '@renderer/lib/router';
import { InfluenceMeter, STANCE_LABEL, StanceBadge } from '@renderer/components/StanceBadge';
import { PersonWhatIf } from '@renderer/components/scoring/WhatIfList';
import { EDGE_STYLE, STANCE_FILL, STANCE_GLYPH, sortRoles, stanceMix, uncoveredRoles } from './graph-model';

interface Props {
  people: readonly Stakeholder[];
  deal: Opportunity | null;
  selectedPerson: Stakeholder | null;
  selectedEdge: Relationship | null;
  nameOf: (id: string) => string;
  onRemoveEdge: (id: RelationshipId) => void;
  removing: boolean;
  onEditPerson: (person: Stakeholder, fields: Partial<MapFields>) => void;
  /** Puts the person in the highlighted deal's group with this role, or (null) takes them out. */
  onDealRole: (person: Stakeholder, role: BuyingRole | null) => void;
  onAddPerson: (fields: { name: string; title: string; department: string }) => Promise<void>;
  onRemovePerson: (person: Stakeholder) => void;
  /** Our team members who met the selected person, most meetings first. */
  coveredBy: readonly { name: string; meetings: number; lastAt: number }[];
  /** Extra sections (coverage gaps, suggestions) placed after the summary. */
  children?: ReactNode;
}

export function SidePanel({
  people,
  deal,
  selectedPerson,
  selectedEdge,
  nameOf,
  onRemoveEdge,
  removing,
  onEditPerson,
  onDealRole,
  onAddPerson,
  onRemovePerson,
  coveredBy,
  children,
}: Props) {
  const group = deal ? people.filter((p) => deal.members.some((m) => m.stakeholderId === p.id)) : people;
  const gaps = uncoveredRoles(people, deal);
  const mix = stanceMix(group);
  const dealRole = selectedPerson && deal ? deal.members.find((m) => m.stakeholderId === selectedPerson.id)?.role : undefined;
  return (
    <aside className="bg-side" aria-label="Buying group summary">
      <section className="panel bg-side-section" data-testid="bg-uncovered">
        <h2>Roles nobody covers</h2>
        <p className="bg-side-scope">{deal ? `In the group of “${deal.name}”` : 'Across everyone at this account'}</p>
        {gaps.length === 0 ? (
          <p className="bg-all-covered">All core roles are covered.</p>
        ) : (
          <ul className="bg-gaps">
            {gaps.map((role) => (
              <li key={role} className="bg-gap">
                {BUYING_ROLE_LABEL[role]}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel bg-side-section" aria-labelledby="bg-mix-title">
        <h2 id="bg-mix-title">
          Stance mix <span className="count">{plural(group.length, 'person', 'people')}</span>
        </h2>
        <ul className="bg-mix">
          {mix.map(({ stance, count }) => (
            <li key={stance}>
              <span className="bg-mix-label">
                <span aria-hidden="true" className="bg-glyph">
                  {STANCE_GLYPH[stance]}
                </span>
                {STANCE_LABEL[stance]}
              </span>
              <span className="bg-mix-bar" aria-hidden="true">
                <span
                  style={{ width: `${(count / Math.max(1, group.length)) * 100}%`, background: STANCE_FILL[stance] }}
                  className={`bg-mix-fill bg-mix-${stance}`}
                />
              </span>
              <span className="bg-mix-count">{count}</span>
            </li>
          ))}
        </ul>
      </section>

      {children}

      {selectedEdge ? (
        <section className="panel bg-side-section" aria-labelledby="bg-edge-title" data-testid="bg-selected-edge">
          <h2 id="bg-edge-title">Relationship</h2>
          <p>
            <strong>{nameOf(selectedEdge.fromId)}</strong> {EDGE_STYLE[selectedEdge.kind].label.toLowerCase()}{' '}
            <strong>{nameOf(selectedEdge.toId)}</strong>
          </p>
          <p className="bg-side-scope">
            Strength {Math.round(selectedEdge.strength * 100)}% · {selectedEdge.source === 'manual' ? 'entered by hand' : 'inferred'}
          </p>
          <button
            type="button"
            className="button button-danger"
            data-testid="bg-delete-edge"
            disabled={removing}
            onClick={() => onRemoveEdge(selectedEdge.id)}
          >
            {removing ? 'Deleting…' : 'Delete relationship'}
          </button>
          <p className="field-hint">Or press Delete while the map has focus.</p>
        </section>
      ) : null}

      <section className="panel bg-side-section" aria-labelledby="bg-person-title" data-testid="bg-selected-person">
        <h2 id="bg-person-title">{selectedPerson ? selectedPerson.name : 'Nobody selected'}</h2>
        {selectedPerson ? (
          <dl className="bg-facts">
            <dt>Title</dt>
            <dd>
              {selectedPerson.title || '—'}
              {selectedPerson.department ? `, ${selectedPerson.department}` : ''}
            </dd>
            <dt>Stance</dt>
            <dd>
              <StanceBadge stance={selectedPerson.stance} />
            </dd>
            <dt>Influence</dt>
            <dd>
              <InfluenceMeter value={selectedPerson.influence} />
            </dd>
            <dt>Buying roles</dt>
            <dd>
              {selectedPerson.buyingRoles.length
                ? sortRoles(selectedPerson.buyingRoles)
                    .map((r) => BUYING_ROLE_LABEL[r])
                    .join(', ')
                : 'None recorded'}
            </dd>
            <dt>Covered by</dt>
            <dd data-testid="bg-covered-by">
              {coveredBy.length
                ? coveredBy
                    .map(
                      (c) => `${c.name} (${plural(c.meetings, 'logged interaction', 'logged interactions')}, last ${formatDate(c.lastAt)})`,
                    )
                    .join('; ')
                : 'Nobody on our team has met them'}
            </dd>
            <dt>Change</dt>
            <dd>
              <PersonEditor person={selectedPerson} onEdit={onEditPerson} />
            </dd>
            {deal ? (
              <>
                <dt>
                  <label htmlFor="bg-deal-role">On this deal</label>
                </dt>
                <dd>
                  <select
                    id="bg-deal-role"
                    className="input"
                    data-testid="bg-edit-deal-role"
                    value={dealRole ?? ''}
                    onChange={(e) => onDealRole(selectedPerson, (e.target.value || null) as BuyingRole | null)}
                  >
                    <option value="">Not in the group</option>
                    {BUYING_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {BUYING_ROLE_LABEL[r]}
                      </option>
                    ))}
                  </select>
                </dd>
              </>
            ) : null}
            {deal && dealRole && deal.status === 'open' && selectedPerson.stance !== 'champion' ? (
              <>
                <dt>What if</dt>
                <dd>
                  <PersonWhatIf opportunityId={deal.id} stakeholderId={selectedPerson.id} />
                </dd>
              </>
            ) : null}
            {selectedPerson.pains.length ? (
              <>
                <dt>Pains</dt>
                <dd>{selectedPerson.pains.join('; ')}</dd>
              </>
            ) : null}
            <dt>Account</dt>
            <dd>
              <a href={hrefFor({ page: 'account', id: selectedPerson.accountId })}>Edit on the account page</a>
            </dd>
            <dt>Remove</dt>
            <dd>
              <button
                type="button"
                className="button button-small button-danger"
                data-testid="bg-remove-person"
                disabled={removing}
                onClick={() => onRemovePerson(selectedPerson)}
              >
                Remove {selectedPerson.name}
              </button>
              <span className="field-hint"> Undo brings them back with their lines.</span>
            </dd>
          </dl>
        ) : (
          <p className="bg-side-scope">Click a person on the map or in the list. Shift-click a second person to connect them.</p>
        )}
      </section>
      <AddPersonForm onAdd={onAddPerson} />
    </aside>
  );
}
