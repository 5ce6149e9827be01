// Renderer: one deal — stage, amount, close date, owner (edit in place), win likelihood with
// its factors and next actions, the buying group with coverage gaps and talking points, a
// compact journey and the deal's interactions. Ctrl/⌘+L logs against this deal.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { BUYING_JOB_LABEL, type AccountId, type OpportunityId } from '@shared/domain';
import { ConfirmDelete, impactWords } from '@renderer/components/ConfirmDelete';
import { useLog, useLogTarget } from '@renderer/components/log/log-context';
import { OpportunityForm } from '@renderer/components/OpportunityForm';
import { OpportunityWhy } from '@renderer/components/scoring/OpportunityScore';
import { WinBadge } from '@renderer/components/scoring/WinBadge';
import { Loading, PageFailed } from '@renderer/components/states';
import { accountQuery } from '@renderer/data/accounts';
import { opportunityQuery } from '@renderer/data/opportunities';
import { opportunityImpactQuery } from '@renderer/data/records';
import { opportunityScoreQuery } from '@renderer/data/scoring';
import { teamQuery } from '@renderer/data/team';
import { excerpt, formatDate, formatMoney, formatWhen, humanize } from '@renderer/lib/format';
import { hrefFor, navigate } from '@renderer/lib/router';
import { useNow } from '@renderer/lib/use-now';
import { BuyingGroupPanel } from './BuyingGroupPanel';
import { ListPanel } from '@renderer/components/ListPanel';
import { When } from '@renderer/components/When';

function DeleteDeal({ id, name, onClose }: { id: OpportunityId; name: string; onClose: (deleted: boolean) => void }) {
  const impact = useQuery(opportunityImpactQuery(id));
  const along = impact.data ? impactWords({ ...impact.data, opportunities: 0 }) : null;
  const consequence = impact.data
    ? `${along ? `Deleting ${name} also deletes its ${along}. ` : ''}Its interactions stay with the account.`
    : null;
  return <ConfirmDelete kind="opportunity" id={id} name={name} consequence={consequence} onClose={onClose} />;
}

export function OpportunityPage({ id }: { id: OpportunityId }) {
  const detail = useQuery(opportunityQuery(id));
  const accountId = detail.data?.account.id;
  const account = useQuery({ ...accountQuery(accountId ?? ('' as AccountId)), enabled: Boolean(accountId) });
  const score = useQuery(opportunityScoreQuery(id));
  const team = useQuery(teamQuery());
  const log = useLog();
  const now = useNow();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  useLogTarget(accountId ? { accountId, opportunityId: id } : null);

  if (detail.isPending)
    return (
      <section className="page">
        <Loading label="Loading the deal…" />
      </section>
    );
  if (detail.isError) {
    return (
      <section className="page" aria-labelledby="page-title">
        <PageFailed heading="Deal" query={detail} what="this deal" />
      </section>
    );
  }
  const { opportunity: o, journey, interactions } = detail.data;
  const names = new Map((account.data?.stakeholders ?? detail.data.stakeholders).map((s) => [s.id as string, s.name]));
  const recentSteps = [...journey].sort((a, b) => b.at - a.at).slice(0, 6);

  return (
    <section className="page" aria-labelledby="page-title">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={hrefFor({ page: 'accounts' })}>Accounts</a>
        <span aria-hidden="true"> / </span>
        <a href={hrefFor({ page: 'account', id: o.accountId })}>{detail.data.account.name}</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{o.name}</span>
      </nav>
      <header className="account-header deal-header">
        <h1 id="page-title">{o.name}</h1>
        {score.data && o.status === 'open' ? <WinBadge probability={score.data.probability} band={score.data.band} /> : null}
        <dl className="facts">
          <div>
            <dt>Stage</dt>
            <dd data-testid="deal-stage">{humanize(o.stage)}</dd>
          </div>
          <div>
            <dt>Amount</dt>
            <dd>{formatMoney(o.amount, o.currency)}</dd>
          </div>
          <div>
            <dt>Close date</dt>
            <dd>{formatDate(o.closeDate)}</dd>
          </div>
          <div>
            <dt>Owner</dt>
            <dd>{team.data?.get(o.ownerId)?.name ?? '—'}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <span className={`status status-${o.status}`}>{humanize(o.status)}</span>
            </dd>
          </div>
        </dl>
      </header>
      <div className="page-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="deal-log"
          aria-keyshortcuts="Control+L"
          onClick={() => log.open({ accountId: o.accountId, opportunityId: o.id, title: `Log an interaction · ${o.name}` })}
        >
          Log interaction
        </button>
        <button
          type="button"
          className="button"
          data-testid="edit-opportunity"
          aria-expanded={mode === 'edit'}
          onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}
        >
          {mode === 'edit' ? 'Close editing' : 'Edit deal'}
        </button>
        <a className="button" href={hrefFor({ page: 'journey', opportunityId: o.id })}>
          Journey
        </a>
        <a className="button" href={hrefFor({ page: 'workshop', opportunityId: o.id })}>
          Workshop
        </a>
        <button type="button" className="button button-danger-quiet" data-testid="delete-opportunity" onClick={() => setMode('delete')}>
          Delete deal
        </button>
      </div>
      {mode === 'edit' ? (
        <section className="panel" aria-label="Edit deal">
          <div className="panel-body">
            <OpportunityForm accountId={o.accountId} existing={o} onDone={() => setMode('view')} onCancel={() => setMode('view')} />
          </div>
        </section>
      ) : null}
      {mode === 'delete' ? (
        <DeleteDeal
          id={o.id}
          name={o.name}
          onClose={(deleted) => {
            setMode('view');
            if (deleted) navigate({ page: 'account', id: o.accountId });
          }}
        />
      ) : null}
      <div className="deal-grid">
        <section className="panel" aria-labelledby="why-title">
          <header className="panel-header">
            <h2 id="why-title">Win likelihood, why, and what next</h2>
          </header>
          <div className="panel-body">
            {o.status === 'open' ? <OpportunityWhy opportunityId={o.id} /> : <p className="cell-muted">This deal is {o.status}.</p>}
          </div>
        </section>
        <BuyingGroupPanel opportunity={o} people={account.data?.stakeholders ?? detail.data.stakeholders} />
      </div>
      <div className="deal-grid">
        <ListPanel
          id="journey-title"
          title="Journey"
          ordered
          items={recentSteps}
          count={journey.length}
          keyOf={(s) => s.id}
          empty="No journey steps yet."
          action={<a href={hrefFor({ page: 'journey', opportunityId: o.id })}>Open the map</a>}
          item={(s) => (
            <>
              <strong>{BUYING_JOB_LABEL[s.job]}</strong> · {names.get(s.stakeholderId) ?? 'someone'}
              {s.move !== 'forward' ? <span className="loop-badge"> ↩ {humanize(s.move)}</span> : null}
              <span className="cell-muted"> · {formatWhen(s.at, now)}</span>
            </>
          )}
        />
        <ListPanel
          id="deal-int-title"
          title="Interactions"
          ordered
          testId="deal-interactions"
          items={[...interactions].sort((a, b) => b.at - a.at).slice(0, 12)}
          count={interactions.length}
          keyOf={(i) => i.id}
          empty="Nothing logged against this deal yet."
          item={(i) => (
            <>
              <strong>{humanize(i.kind)}</strong> · <When at={i.at} now={now} />
              {' · '}
              {i.attendeeIds.map((a) => names.get(a) ?? 'someone').join(', ') || 'no one named'}
              {i.notes ? <span className="cell-muted"> — {excerpt(i.notes, 100)}</span> : null}
            </>
          )}
        />
      </div>
    </section>
  );
}
