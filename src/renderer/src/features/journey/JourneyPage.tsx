// Renderer: the Journey page — one deal's buying group moving through the six buying jobs.
import { useQuery } from '@tanstack/react-query';
import { hrefFor } from '@renderer/lib/router';
import { ErrorState, Loading } from '@renderer/components/states';
import { AccountPicker } from '@renderer/components/AccountPicker';
import { JourneyView } from './JourneyView';
import { opportunityQuery } from '@renderer/data/opportunities';
import './journey.css';
import type { OpportunityId } from '@shared/domain';

export function JourneyPage({ opportunityId }: { opportunityId?: OpportunityId | undefined }) {
  if (!opportunityId) {
    return (
      <AccountPicker
        title="Journey"
        sentence="Journeys belong to deals. Choose an account, then open “Journey” beside one of its opportunities."
        routeFor={(id) => ({ page: 'account', id })}
      />
    );
  }
  return <JourneyLoader opportunityId={opportunityId} />;
}

function JourneyLoader({ opportunityId }: { opportunityId: OpportunityId }) {
  const detail = useQuery(opportunityQuery(opportunityId));
  return (
    <section className="page page-wide journey-print-root" aria-labelledby="page-title">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={hrefFor({ page: 'accounts' })}>Accounts</a>
        <span aria-hidden="true"> / </span>
        {detail.data ? <a href={hrefFor({ page: 'account', id: detail.data.account.id })}>{detail.data.account.name}</a> : <span>…</span>}
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Journey</span>
      </nav>
      {detail.isPending ? (
        <Loading label="Loading the journey…" />
      ) : detail.isError ? (
        <>
          <h1 id="page-title">Journey</h1>
          <ErrorState error={detail.error} what="this journey" onRetry={detail.error.code === 'DS_NOT_FOUND' ? undefined : () => void detail.refetch()} />
        </>
      ) : (
        <JourneyView detail={detail.data} />
      )}
    </section>
  );
}
