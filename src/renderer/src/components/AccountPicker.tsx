// Renderer: choose an account when a page was opened without one (e.g. from the navigation).
import { useQuery } from '@tanstack/react-query';
import type { AccountId } from '@shared/domain';
import { hrefFor, type Route } from '@renderer/lib/router';
import { EmptyState, ErrorState, Loading } from '@renderer/components/states';
import { accountsListQuery } from '@renderer/data/accounts';

export function AccountPicker({ title, sentence, routeFor }: { title: string; sentence: string; routeFor: (accountId: AccountId) => Route }) {
  const accounts = useQuery(accountsListQuery());
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header"><h1 id="page-title">{title}</h1></header>
      <p className="page-meta">{sentence}</p>
      {accounts.isPending ? <Loading label="Loading accounts…" /> : accounts.isError ? (
        <ErrorState error={accounts.error} what="the accounts" onRetry={() => void accounts.refetch()} />
      ) : accounts.data.length === 0 ? (
        <EmptyState title="No accounts yet." />
      ) : (
        <ul className="picker" data-testid="account-picker">
          {[...accounts.data].sort((a, b) => a.name.localeCompare(b.name)).map((a) => (
            <li key={a.id}>
              <a className="picker-item" href={hrefFor(routeFor(a.id))}>
                <span className="cell-name">{a.name}</span>
                <span className="cell-muted">{a.statsPending ? 'counting…' : `${a.stakeholderCount} people · ${a.openOpportunityCount} open deals`}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
