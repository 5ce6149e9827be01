// Renderer: an account's opportunities, open ones first, open ones with their win likelihood
// and, on request, why (factors and next best actions) in a row below. An open deal's stage is
// changed right in the table; the way it went (loops back included) shows on hover.
import { Fragment, useState } from 'react';
import {
  STAGES,
  type AccountId,
  type Opportunity,
  type OpportunityId,
  type Stage,
  type TeamMember,
  type TeamMemberId,
} from '@shared/domain';
import { hrefFor } from '@renderer/lib/router';
import { EmptyState } from '@renderer/components/states';
import { formatDate, formatMoney, humanize } from '@renderer/lib/format';
import { OpportunityScoreCell, OpportunityWhy } from '@renderer/components/scoring/OpportunityScore';
import { errorWords } from '@renderer/api/errors';
import { useSetStage } from './mutations';
import { useQuery } from '@tanstack/react-query';
import { opportunityScoreQuery } from '@renderer/data/scoring';
import { Modal } from '@renderer/components/Modal';
import { OpportunityForm } from '@renderer/components/OpportunityForm';
import { navigate } from '@renderer/lib/router';
import { loopsBack, stagePath } from './stage-path';

const ORDER = { open: 0, won: 1, lost: 2 } as const;

function StageCell({ o }: { o: Opportunity }) {
  const setStage = useSetStage();
  const loops = loopsBack(o);
  const path = stagePath(o);
  return (
    <td title={path ?? undefined}>
      {o.status === 'open' ? (
        <select
          aria-label={`Stage of ${o.name}`}
          data-testid="opportunity-stage"
          value={o.stage}
          disabled={setStage.isPending}
          onChange={(event) => setStage.mutate({ id: o.id, stage: event.target.value as Stage })}
        >
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </select>
      ) : (
        humanize(o.stage)
      )}
      {loops > 0 ? (
        <span className="loop-badge" data-testid="opportunity-loops">
          {' '}
          ↩ {loops === 1 ? 'looped back once' : `looped back ${loops}×`}
        </span>
      ) : null}
      {setStage.isError ? (
        <span role="alert" className="field-error">
          {' '}
          Not saved: {errorWords(setStage.error)}
        </span>
      ) : null}
    </td>
  );
}

function NextActionCell({ opportunityId }: { opportunityId: OpportunityId }) {
  const score = useQuery(opportunityScoreQuery(opportunityId));
  const action = score.data?.actions[0];
  if (score.isPending) return <td className="cell-muted">…</td>;
  return (
    <td className="cell-action" data-testid="opportunity-next-action">
      {action ? (
        <>
          {action.title}
          {action.stakeholderName && !action.title.includes(action.stakeholderName) ? (
            <span className="cell-muted"> — {action.stakeholderName}</span>
          ) : null}
        </>
      ) : (
        <span className="cell-muted">Nothing stands out</span>
      )}
    </td>
  );
}

export function OpportunitiesSection({
  accountId,
  opportunities,
  team,
  meId,
}: {
  accountId: AccountId;
  opportunities: readonly Opportunity[];
  team: Map<TeamMemberId, TeamMember> | undefined;
  meId?: TeamMemberId | undefined;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const sorted = [...opportunities].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.closeDate - b.closeDate);
  return (
    <section className="panel" aria-labelledby="opportunities-title">
      <header className="panel-header">
        <h2 id="opportunities-title">
          Deals <span className="count">{opportunities.length}</span>
        </h2>
        <button type="button" className="button button-primary" data-testid="new-opportunity" onClick={() => setCreating(true)}>
          New deal
        </button>
      </header>
      {creating ? (
        <Modal title="New deal" onClose={() => setCreating(false)} testId="opportunity-dialog">
          <OpportunityForm
            accountId={accountId}
            defaultOwnerId={meId}
            onCancel={() => setCreating(false)}
            onDone={(saved) => {
              setCreating(false);
              navigate({ page: 'opportunity', id: saved.id });
            }}
          />
        </Modal>
      ) : null}
      {sorted.length === 0 ? (
        <EmptyState title="No opportunities with this account yet." />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Stage</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Close date</th>
                <th scope="col">Owner</th>
                <th scope="col">Win likelihood</th>
                <th scope="col">Next action</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((o) => (
                <Fragment key={o.id}>
                  <tr data-testid="opportunity-row">
                    <th scope="row" className="cell-name cell-deal">
                      <a href={hrefFor({ page: 'opportunity', id: o.id })} data-testid="opportunity-link">
                        {o.name}
                      </a>
                      <span className="deal-maps">
                        <a href={hrefFor({ page: 'journey', opportunityId: o.id })} data-testid="opportunity-journey">
                          Journey
                        </a>
                        {' · '}
                        <a href={hrefFor({ page: 'workshop', opportunityId: o.id })} data-testid="opportunity-workshop">
                          Workshop
                        </a>
                      </span>
                    </th>
                    <StageCell o={o} />
                    <td className="num">{formatMoney(o.amount, o.currency)}</td>
                    <td>{formatDate(o.closeDate)}</td>
                    <td>{team?.get(o.ownerId)?.name ?? '—'}</td>
                    <td>
                      {o.status === 'open' ? (
                        <OpportunityScoreCell
                          opportunityId={o.id}
                          expanded={open === o.id}
                          controls={`why-${o.id}`}
                          onToggle={() => setOpen(open === o.id ? null : o.id)}
                        />
                      ) : (
                        <span className="cell-muted">Closed</span>
                      )}
                    </td>
                    {o.status === 'open' ? (
                      <NextActionCell opportunityId={o.id} />
                    ) : (
                      <td>
                        <span className={`status status-${o.status}`}>{humanize(o.status)}</span>
                      </td>
                    )}
                  </tr>
                  {open === o.id ? (
                    <tr id={`why-${o.id}`} className="why-row">
                      <td colSpan={7}>
                        <OpportunityWhy opportunityId={o.id} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
