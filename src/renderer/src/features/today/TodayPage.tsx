// Renderer: the Today page — open deals ranked by who needs the seller next, and when.
import { useQuery } from '@tanstack/react-query';
import { hrefFor } from '@renderer/lib/router';
import { EmptyState, ErrorState, Loading } from '@renderer/components/states';
import { accountsListQuery } from '@renderer/data/accounts';
import { todayQuery } from '@renderer/data/scoring';
import { TodayCard } from './TodayCard';

export function TodayPage() {
  const today = useQuery(todayQuery());
  const accounts = useQuery({ ...accountsListQuery(), select: (list) => new Map(list.map((a) => [a.id, a.name])) });

  return (
    <section className="page page-narrow" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Today</h1>
        <p className="page-meta">Which deal and which person need you next, and the best time to reach them.</p>
      </header>
      {today.isPending ? (
        <Loading label="Ranking your open deals…" />
      ) : today.isError ? (
        <ErrorState error={today.error} what="today’s list" onRetry={() => void today.refetch()} />
      ) : today.data.items.length === 0 ? (
        <EmptyState title="Nothing needs you today: there are no open deals.">
          Open deals appear here ranked by what needs doing next. <a href={hrefFor({ page: 'accounts' })}>Go to Accounts</a>
        </EmptyState>
      ) : (
        <ol className="today-list" aria-label="Deals that need you next, most urgent first">
          {today.data.items.map((item, index) => (
            <TodayCard key={item.opportunityId} item={item} position={index + 1} accountName={accounts.data?.get(item.accountId) ?? 'Account'} />
          ))}
        </ol>
      )}
    </section>
  );
}
