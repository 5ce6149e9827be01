// Renderer: the deal's buying group — who is in it with which deal role, which key roles nobody
// covers, and beside each person what to talk to them about. Add, re-role or take out people.
import { useState } from 'react';
import { BUYING_ROLES, BUYING_ROLE_LABEL, type BuyingRole, type Opportunity, type Stakeholder } from '@shared/domain';
import { errorWords } from '@renderer/api/errors';
import { TalkingPoints } from '@renderer/components/TalkingPoints';
import { useUndo } from '@renderer/components/undo';
import { useSetMember } from '@renderer/data/records';
import { hrefFor } from '@renderer/lib/router';

/** Roles a B2B deal rarely closes without. */
export const KEY_ROLES: readonly BuyingRole[] = ['decision_maker', 'economic_buyer', 'champion', 'technical_evaluator', 'user'];

export function coverageGaps(members: Opportunity['members']): BuyingRole[] {
  const covered = new Set(members.map((m) => m.role));
  return KEY_ROLES.filter((r) => !covered.has(r));
}

export function BuyingGroupPanel({ opportunity, people }: { opportunity: Opportunity; people: readonly Stakeholder[] }) {
  const setMember = useSetMember();
  const undo = useUndo();
  const [adding, setAdding] = useState({ person: '', role: 'champion' as BuyingRole });
  const byId = new Map(people.map((p) => [p.id as string, p]));
  const memberIds = new Set(opportunity.members.map((m) => m.stakeholderId as string));
  const others = people.filter((p) => !memberIds.has(p.id));
  const gaps = coverageGaps(opportunity.members);
  const person = adding.person || others[0]?.id || '';

  const change = (stakeholderId: string, role: BuyingRole | null, before: BuyingRole | null, name: string) =>
    setMember.mutate(
      { opportunityId: opportunity.id, stakeholderId: stakeholderId as never, role },
      {
        onSuccess: () =>
          undo.offer(
            role === null
              ? `Took ${name} out of the buying group.`
              : before
                ? `${name} is now ${BUYING_ROLE_LABEL[role]}.`
                : `Added ${name} as ${BUYING_ROLE_LABEL[role]}.`,
            () => setMember.mutateAsync({ opportunityId: opportunity.id, stakeholderId: stakeholderId as never, role: before }),
          ),
      },
    );

  return (
    <section className="panel" aria-labelledby="bg-title" data-testid="deal-buying-group">
      <header className="panel-header">
        <h2 id="bg-title">
          Buying group <span className="count">{opportunity.members.length}</span>
        </h2>
      </header>
      <div className="panel-body">
        <p className={gaps.length ? 'coverage coverage-gap' : 'coverage coverage-ok'} data-testid="coverage">
          {gaps.length ? (
            <>
              Nobody covers: <strong>{gaps.map((r) => BUYING_ROLE_LABEL[r]).join(', ')}</strong>.
            </>
          ) : (
            'Every key role is covered.'
          )}
        </p>
        {setMember.isError ? (
          <p className="form-error" role="alert">
            {errorWords(setMember.error)}
          </p>
        ) : null}
        <ul className="members">
          {opportunity.members.map((m) => {
            const p = byId.get(m.stakeholderId);
            const name = p?.name ?? 'Someone no longer listed';
            return (
              <li key={m.stakeholderId} className="member" data-testid="deal-member">
                <div className="member-head">
                  <span className="member-who">
                    <a className="cell-name" href={hrefFor({ page: 'person', id: m.stakeholderId })}>
                      {name}
                    </a>
                    <span className="cell-muted">{p?.title}</span>
                  </span>
                  <label className="visually-hidden" htmlFor={`role-${m.stakeholderId}`}>
                    Deal role of {name}
                  </label>
                  <select
                    id={`role-${m.stakeholderId}`}
                    className="input input-small"
                    value={m.role}
                    data-testid="member-role"
                    onChange={(e) => change(m.stakeholderId, e.target.value as BuyingRole, m.role, name)}
                  >
                    {BUYING_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {BUYING_ROLE_LABEL[r]}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Remove ${name} from the buying group`}
                    onClick={() => change(m.stakeholderId, null, m.role, name)}
                  >
                    Remove
                  </button>
                </div>
                <details className="member-points">
                  <summary>Talking points</summary>
                  <TalkingPoints accountId={opportunity.accountId} stakeholderIds={[m.stakeholderId]} single />
                </details>
              </li>
            );
          })}
        </ul>
        {others.length ? (
          <form
            className="add-member"
            onSubmit={(e) => {
              e.preventDefault();
              const p = byId.get(person);
              if (p) change(p.id, adding.role, null, p.name);
              setAdding((a) => ({ ...a, person: '' }));
            }}
          >
            <div className="field">
              <label htmlFor="add-member-person">Person</label>
              <select
                id="add-member-person"
                className="input"
                data-testid="add-member-person"
                value={person}
                onChange={(e) => setAdding((a) => ({ ...a, person: e.target.value }))}
              >
                {others.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                    {p.title ? ` · ${p.title}` : ''}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="add-member-role">Deal role</label>
              <select
                id="add-member-role"
                className="input"
                data-testid="add-member-role"
                value={adding.role}
                onChange={(e) => setAdding((a) => ({ ...a, role: e.target.value as BuyingRole }))}
              >
                {BUYING_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {BUYING_ROLE_LABEL[r]}
                    {gaps.includes(r) ? ' (not covered)' : ''}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-primary" data-testid="add-member" disabled={setMember.isPending}>
              Add to buying group
            </button>
          </form>
        ) : (
          <p className="cell-muted">Everyone at this account is in the buying group. Add people on the account page.</p>
        )}
      </div>
    </section>
  );
}
