// Renderer: the Journey page — one deal's buying group moving through the six buying jobs.
import { useQuery } from '@tanstack/react-query';
import { hrefFor } from '@renderer/lib/router';
import { ErrorState, Loading } from '@renderer/components/states';
import { DealPicker } from '@renderer/components/DealPicker';
import { JourneyView } from './JourneyView';
import { opportunityQuery } from '@renderer/data/opportunities';
import './journey.css';
import type { OpportunityId } from '@shared/domain';

export function JourneyPage({ opportunityId }: { opportunityId?: OpportunityId | undefined }) {
  if (!opportunityId) {
    return (
      <DealPicker
        title="Journey"
        sentence="Journeys belong to deals. Choose a deal to see how its buying group moved through the buying jobs."
        routeFor={(id) => ({ page: 'journey', opportunityId: id })}
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
          <ErrorState
            error={detail.error}
            what="this journey"
            onRetry={detail.error.code === 'DS_NOT_FOUND' ? undefined : () => void detail.refetch()}
          />
        </>
      ) : (
        <JourneyView detail={detail.data} />
      )}
    </section>
  );
}
