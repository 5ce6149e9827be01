// Renderer: choose a deal when Journey or Workshop was opened without one. Open deals first,
// soonest to close; type any word of the deal, its account or its stage.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Route } from '@renderer/lib/router';
import type { OpportunityId } from '@shared/domain';
import { EmptyState, ErrorState, Loading } from '@renderer/components/states';
import { dealListQuery } from '@renderer/data/opportunities';
import { formatDate, formatMoney, humanize } from '@renderer/lib/format';
import { Picker } from './Picker';

export function DealPicker({
  title,
  sentence,
  routeFor,
}: {
  title: string;
  sentence: string;
  routeFor: (opportunityId: OpportunityId) => Route;
}) {
  const deals = useQuery(dealListQuery());
  const items = useMemo(
    () =>
      (deals.data ?? []).map((d) => ({
        id: d.id,
        deal: d,
        title: d.name,
        subtitle: `${d.accountName} · ${d.status === 'open' ? humanize(d.stage) : humanize(d.status)} · ${formatMoney(d.amount, d.currency, true)} · closes ${formatDate(d.closeDate)}`,
        keywords: `${d.stage} ${d.status}`,
      })),
    [deals.data],
  );
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
      </header>
      <p className="page-meta">{sentence}</p>
      {deals.isPending ? (
        <Loading label="Loading deals…" />
      ) : deals.isError ? (
        <ErrorState error={deals.error} what="the deals" onRetry={() => void deals.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No deals yet." />
      ) : (
        <Picker
          label="Filter deals by name, account or stage"
          items={items}
          routeFor={(item) => routeFor(item.deal.id)}
          noun={['deal', 'deals']}
          testId="deal-picker"
        />
      )}
    </section>
  );
}
