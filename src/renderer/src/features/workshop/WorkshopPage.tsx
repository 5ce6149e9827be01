// Renderer: the Workshop page — a deal's journey map in projector mode with the room's sticky
// notes. Large type, high contrast, full-screen friendly; notes from other windows appear live.
import { useQuery } from '@tanstack/react-query';
import { hrefFor } from '@renderer/lib/router';
import { ErrorState, Loading } from '@renderer/components/states';
import { DealPicker } from '@renderer/components/DealPicker';
import { opportunityQuery } from '@renderer/data/opportunities';
import { WorkshopView } from './WorkshopView';
import '../journey/journey.css';
import './workshop.css';
import type { OpportunityId } from '@shared/domain';

export function WorkshopPage({ opportunityId }: { opportunityId?: OpportunityId | undefined }) {
  if (!opportunityId) {
    return (
      <DealPicker
        title="Workshop"
        sentence="Workshops run on a deal's journey. Choose the deal to project."
        routeFor={(id) => ({ page: 'workshop', opportunityId: id })}
      />
    );
  }
  return <WorkshopLoader opportunityId={opportunityId} />;
}

function WorkshopLoader({ opportunityId }: { opportunityId: OpportunityId }) {
  const detail = useQuery(opportunityQuery(opportunityId));
  if (detail.isPending)
    return (
      <section className="page">
        <Loading label="Loading the workshop…" />
      </section>
    );
  if (detail.isError) {
    return (
      <section className="page" aria-labelledby="page-title">
        <h1 id="page-title">Workshop</h1>
        <ErrorState
          error={detail.error}
          what="this workshop"
          onRetry={detail.error.code === 'DS_NOT_FOUND' ? undefined : () => void detail.refetch()}
        />
        <p>
          <a href={hrefFor({ page: 'accounts' })}>Back to accounts</a>
        </p>
      </section>
    );
  }
  return <WorkshopView detail={detail.data} />;
}
