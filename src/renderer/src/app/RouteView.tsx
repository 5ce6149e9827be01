// Renderer: route → page. Today and Accounts are in the first bundle (the pages people open
// first); the others — d3 charts, forms, the model — load on first visit, so the app starts
// without parsing code for pages it has not shown yet. Once the first page is up, the pages one
// click from an account fetch their code while the window is idle, so opening one waits for its
// data, not for its code (issue 17: in the web preview the code comes from the same busy process
// as the data; fetching the map's chunk on click was ~1 s of an L map's opening under load).
import { lazy, Suspense, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { buyingGroupQuery } from '@renderer/data/buying-group';
import { ModulePage, pageModule } from './page-module';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { TodayPage } from '../features/today/TodayPage';
import { EmptyState, Loading } from '../components/states';
import { HOME, hrefFor, type Route } from '@renderer/lib/router';

/**
 * The pages one click from an account (its page, deals, buying group map, journey). Not
 * React.lazy: a page whose code is already here renders with the navigation (page-module.tsx).
 */
const NEAR_ACCOUNTS = {
  account: pageModule(() => import('../features/accounts/AccountPage')),
  opportunity: pageModule(() => import('../features/opportunity/OpportunityPage')),
  buyingGroup: pageModule(() => import('../features/buying-group/BuyingGroupPage')),
  accountJourney: pageModule(() => import('../features/journey/AccountJourneyPage')),
};

/** The longest the prefetch waits for the first page's data before it goes ahead anyway. */
const PREFETCH_AT_LATEST_MS = 3000;

/**
 * Fetches the code of NEAR_ACCOUNTS once the first page has its answers, when the window is idle
 * (at the latest 300 ms after that, since a busy page is seldom idle). Not before: while the first
 * page waits for its data the window is idle, and the prefetched code's parsing and the map's
 * warm-up then landed on the very frames that draw the first page (on L, Today's first card came
 * ~400 ms after its answer). A page whose questions never settle (one that keeps polling) does not
 * hold the prefetch back longer than PREFETCH_AT_LATEST_MS.
 */
function usePrefetchNearPages(): void {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    let idle = 0;
    let started = false;
    const prefetch = () => {
      // A failed prefetch is not an error yet: the page's own load asks again and reports it
      // ("This page did not open") if the person goes there.
      const ignore = () => undefined;
      NEAR_ACCOUNTS.account.load().catch(ignore);
      NEAR_ACCOUNTS.opportunity.load().catch(ignore);
      NEAR_ACCOUNTS.accountJourney.load().catch(ignore);
      // The map's layout is most of its opening when its code is cold: run it ahead, idle.
      NEAR_ACCOUNTS.buyingGroup
        .load()
        .then((m) => m.warmUpMapLayout())
        .catch(ignore);
    };
    const start = () => {
      if (started) return;
      started = true;
      stopWatching();
      clearTimeout(latest);
      idle = requestIdleCallback(prefetch, { timeout: 300 });
    };
    const stopWatching = client.getQueryCache().subscribe(() => {
      if (client.isFetching() === 0) start();
    });
    const latest = setTimeout(start, PREFETCH_AT_LATEST_MS);
    if (client.isFetching() === 0) start();
    return () => {
      stopWatching();
      clearTimeout(latest);
      cancelIdleCallback(idle);
    };
  }, [client]);
}

const PersonPage = lazy(() => import('../features/people/PersonPage').then((m) => ({ default: m.PersonPage })));
const JourneyPage = lazy(() => import('../features/journey/JourneyPage').then((m) => ({ default: m.JourneyPage })));
const ModelPage = lazy(() => import('../features/model/ModelPage').then((m) => ({ default: m.ModelPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const ImportPage = lazy(() => import('../features/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const WorkshopPage = lazy(() => import('../features/workshop/WorkshopPage').then((m) => ({ default: m.WorkshopPage })));

/**
 * A page still waiting for its code asks for its data at the same time, not after: the map's
 * one query (the host reads an 80-person group) runs beside the chunk's download.
 */
function useDataBesideCode(route: Route): void {
  const client = useQueryClient();
  const accountId = route.page === 'buying-group' ? route.accountId : undefined;
  useEffect(() => {
    if (accountId && !NEAR_ACCOUNTS.buyingGroup.loaded()) void client.prefetchQuery(buyingGroupQuery(accountId));
  }, [client, accountId]);
}

export function RouteView({ route }: { route: Route }) {
  usePrefetchNearPages();
  useDataBesideCode(route);
  return (
    <Suspense fallback={<Loading label="Opening the page…" />}>
      <Page route={route} />
    </Suspense>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'today':
      return <TodayPage />;
    case 'accounts':
      return <AccountsPage />;
    case 'account':
      // keyed so a new account starts with fresh local state (filters, open dialogs)
      return <ModulePage key={route.id} module={NEAR_ACCOUNTS.account} render={(m) => <m.AccountPage id={route.id} />} />;
    case 'account-journey':
      return (
        <ModulePage
          key={route.accountId}
          module={NEAR_ACCOUNTS.accountJourney}
          render={(m) => <m.AccountJourneyPage accountId={route.accountId} />}
        />
      );
    case 'opportunity':
      return <ModulePage key={route.id} module={NEAR_ACCOUNTS.opportunity} render={(m) => <m.OpportunityPage id={route.id} />} />;
    case 'person':
      return <PersonPage key={route.id} id={route.id} />;
    case 'buying-group':
      return (
        <ModulePage
          key={route.accountId ?? ''}
          module={NEAR_ACCOUNTS.buyingGroup}
          render={(m) => <m.BuyingGroupPage accountId={route.accountId} />}
        />
      );
    case 'journey':
      return <JourneyPage key={route.opportunityId ?? ''} opportunityId={route.opportunityId} />;
    case 'workshop':
      return <WorkshopPage key={route.opportunityId ?? ''} opportunityId={route.opportunityId} />;
    case 'model':
      return <ModelPage />;
    case 'settings':
      return <SettingsPage />;
    case 'import':
      return <ImportPage />;
    case 'not-found':
      return (
        <section className="page">
          <h1 id="page-title">Page not found</h1>
          <EmptyState title={`There is no page at ${route.path}.`}>
            <a href={hrefFor(HOME)}>Go to Today</a>
          </EmptyState>
        </section>
      );
  }
}
