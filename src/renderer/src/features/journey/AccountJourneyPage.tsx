// Renderer: the account's journey — every person across every deal of the account, filtered by
// deal, person, channel and buying job (account-journey.ts decides what is drawn).
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AccountJourneyView } from '@shared/api';
import {
  BUYING_JOBS,
  BUYING_JOB_LABEL,
  CHANNELS,
  type AccountId,
  type BuyingJob,
  type Channel,
  type OpportunityId,
  type StakeholderId,
} from '@shared/domain';
import { hrefFor } from '@renderer/lib/router';
import { humanize } from '@renderer/lib/format';
import { useNow } from '@renderer/lib/use-now';
import { ErrorState, Loading } from '@renderer/components/states';
import { accountJourneyQuery } from '@renderer/data/accounts';
import { accountLanes, accountTimeDomain, NO_FILTER, type AccountJourneyFilter } from './account-journey';
import { AccountJourneyChart } from './AccountJourneyChart';
import './journey.css';

export function AccountJourneyPage({ accountId }: { accountId: AccountId }) {
  const view = useQuery(accountJourneyQuery(accountId));
  return (
    <section className="page page-wide" aria-labelledby="page-title">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={hrefFor({ page: 'accounts' })}>Accounts</a>
        <span aria-hidden="true"> / </span>
        {view.data ? <a href={hrefFor({ page: 'account', id: accountId })}>{view.data.account.name}</a> : <span>…</span>}
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Journey across deals</span>
      </nav>
      {view.isPending ? (
        <Loading label="Loading the account's journey…" />
      ) : view.isError ? (
        <>
          <h1 id="page-title">Journey across deals</h1>
          <ErrorState
            error={view.error}
            what="this account's journey"
            onRetry={view.error.code === 'DS_NOT_FOUND' ? undefined : () => void view.refetch()}
          />
        </>
      ) : (
        <AccountJourneyBody view={view.data} />
      )}
    </section>
  );
}

function AccountJourneyBody({ view }: { view: AccountJourneyView }) {
  const now = useNow(60_000);
  const [filter, setFilter] = useState<AccountJourneyFilter>(NO_FILTER);
  const lanes = useMemo(() => accountLanes(view, filter, now), [view, filter, now]);
  const domain = useMemo(() => accountTimeDomain(view, lanes, now), [view, lanes, now]);
  const people = useMemo(() => [...view.stakeholders].sort((a, b) => a.name.localeCompare(b.name)), [view.stakeholders]);
  const set = <K extends keyof AccountJourneyFilter>(key: K, value: AccountJourneyFilter[K]) => setFilter((f) => ({ ...f, [key]: value }));
  const stepCount = lanes.reduce((n, l) => n + l.steps.length, 0);
  const talkCount = lanes.reduce((n, l) => n + l.interactions.length, 0);
  const filtered = filter.opportunityId || filter.stakeholderId || filter.channel || filter.job;

  return (
    <>
      <header className="page-header">
        <h1 id="page-title">{view.account.name}: journey across deals</h1>
        <p className="page-meta" data-testid="aj-summary">
          {lanes.length} {lanes.length === 1 ? 'lane' : 'lanes'} (a person in a deal) · {stepCount} {stepCount === 1 ? 'step' : 'steps'} ·{' '}
          {talkCount} {talkCount === 1 ? 'interaction' : 'interactions'} · {view.opportunities.length}{' '}
          {view.opportunities.length === 1 ? 'deal' : 'deals'}
        </p>
      </header>
      <form className="toolbar aj-filters" aria-label="Filter the journey" onSubmit={(e) => e.preventDefault()}>
        <label>
          Deal{' '}
          <select
            data-testid="aj-filter-deal"
            value={filter.opportunityId ?? ''}
            onChange={(e) => set('opportunityId', (e.target.value || null) as OpportunityId | null)}
          >
            <option value="">Every deal</option>
            {view.opportunities.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({humanize(o.status)})
              </option>
            ))}
          </select>
        </label>
        <label>
          Person{' '}
          <select
            data-testid="aj-filter-person"
            value={filter.stakeholderId ?? ''}
            onChange={(e) => set('stakeholderId', (e.target.value || null) as StakeholderId | null)}
          >
            <option value="">Everyone</option>
            {people.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Channel{' '}
          <select
            data-testid="aj-filter-channel"
            value={filter.channel ?? ''}
            onChange={(e) => set('channel', (e.target.value || null) as Channel | null)}
          >
            <option value="">Every channel</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {humanize(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Buying job{' '}
          <select
            data-testid="aj-filter-job"
            value={filter.job ?? ''}
            onChange={(e) => set('job', (e.target.value || null) as BuyingJob | null)}
          >
            <option value="">Every job</option>
            {BUYING_JOBS.map((j) => (
              <option key={j} value={j}>
                {BUYING_JOB_LABEL[j]}
              </option>
            ))}
          </select>
        </label>
        {filtered ? (
          <button type="button" className="button button-small" data-testid="aj-clear" onClick={() => setFilter(NO_FILTER)}>
            Clear filters
          </button>
        ) : null}
      </form>
      <p className="journey-hint">
        Each lane is one person in one deal; the six bands are the buying jobs (problem identification on top). Dots are steps, dashed
        orange verticals are loops back, diamonds are interactions logged against the deal.
      </p>
      {lanes.length === 0 ? (
        <p className="empty" data-testid="aj-empty">
          No one in this account matches these filters. Clear a filter to see more.
        </p>
      ) : (
        <AccountJourneyChart lanes={lanes} domain={domain} now={now} focusJob={filter.job} />
      )}
      <details className="aj-lanes">
        <summary>Every lane as a list</summary>
        <ol data-testid="aj-lane-list">
          {lanes.map((l) => (
            <li key={l.key} data-testid="aj-lane" data-stakeholder={l.stakeholderId} data-deal={l.opportunityId}>
              <a href={hrefFor({ page: 'journey', opportunityId: l.opportunityId })}>
                {l.name} — {l.dealName}
              </a>
              {' · '}
              {l.steps.length} steps · {l.interactions.length} interactions
              {l.steps.length ? ` · now ${BUYING_JOB_LABEL[l.steps[l.steps.length - 1]!.job]}` : ''}
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}
