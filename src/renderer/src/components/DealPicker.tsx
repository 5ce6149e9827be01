// Renderer: choose a deal when Journey or Workshop was opened without one. Open deals first,
// soonest to close; type any word of the deal, its account or its stage.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Route } from '@renderer/lib/router';
import type { OpportunityId } from '@shared/domain';
import { dealListQuery } from '@renderer/data/opportunities';
import { formatDate, formatMoney, humanize } from '@renderer/lib/format';
import { PickerPage } from './Picker';

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
    <PickerPage
      title={title}
      sentence={sentence}
      state={deals}
      what="deals"
      label="Filter deals by name, account or stage"
      items={items}
      routeFor={(item) => routeFor(item.deal.id)}
      noun={['deal', 'deals']}
      testId="deal-picker"
    />
  );
}
