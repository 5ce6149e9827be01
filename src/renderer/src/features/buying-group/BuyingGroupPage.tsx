// Renderer: the Buying group page — an account picker without an account, the map with one.
import { useQuery } from '@tanstack/react-query';
import { hrefFor } from '@renderer/lib/router';
import { ErrorState, Loading } from '@renderer/components/states';
import { AccountPicker } from '@renderer/components/AccountPicker';
import { BuyingGroupMap } from './BuyingGroupMap';
import { buyingGroupQuery } from '@renderer/data/buying-group';
import './buying-group.css';
import type { AccountId } from '@shared/domain';

// For the app's idle prefetch of this page (RouteView): the map's layout code, run ahead.
export { warmUpMapLayout } from './use-map-layout';

export function BuyingGroupPage({ accountId }: { accountId?: AccountId | undefined }) {
  if (!accountId) {
    return (
      <AccountPicker
        title="Buying group"
        sentence="Choose an account to map who decides, who champions, who blocks and who influences whom."
        routeFor={(id) => ({ page: 'buying-group', accountId: id })}
      />
    );
  }
  return <BuyingGroupLoader accountId={accountId} />;
}

function BuyingGroupLoader({ accountId }: { accountId: AccountId }) {
  const view = useQuery(buyingGroupQuery(accountId));
  return (
    <section className="page page-wide" aria-labelledby="page-title">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={hrefFor({ page: 'buying-group' })}>Buying group</a>
        <span aria-hidden="true"> / </span>
        {view.data ? <a href={hrefFor({ page: 'account', id: accountId })}>{view.data.account.name}</a> : <span>…</span>}
      </nav>
      {view.isPending ? (
        <Loading label="Loading the buying group…" />
      ) : view.isError ? (
        <>
          <h1 id="page-title">Buying group</h1>
          <ErrorState
            error={view.error}
            what="this buying group"
            onRetry={view.error.code === 'DS_NOT_FOUND' ? undefined : () => void view.refetch()}
          />
        </>
      ) : (
        <BuyingGroupMap view={view.data} />
      )}
    </section>
  );
}
