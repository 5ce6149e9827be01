// Renderer: route → page. Today and Accounts are in the first bundle (the pages people open
// first); the others — d3 charts, forms, the model — load on first visit, so the app starts
// without parsing code for pages it has not shown yet. Once the first page is up, the pages one
// click from an account fetch their code while the window is idle, so opening one waits for its
// data, not for its code (issue 17: in the web preview the code comes from the same busy process
// as the data; fetching the map's chunk on click was ~1 s of an L map's opening under load).
import { lazy, Suspense, useEffect } from 'react';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { TodayPage } from '../features/today/TodayPage';
import { EmptyState, Loading } from '../components/states';
import { HOME, hrefFor, type Route } from '@renderer/lib/router';

/** The pages one click from an account (its page, deals, buying group map, journey). */
const NEAR_ACCOUNTS = {
  account: () => import('../features/accounts/AccountPage'),
  opportunity: () => import('../features/opportunity/OpportunityPage'),
  buyingGroup: () => import('../features/buying-group/BuyingGroupPage'),
  accountJourney: () => import('../features/journey/AccountJourneyPage'),
};

/**
 * Fetches the code of NEAR_ACCOUNTS when the window is idle, and at the latest 300 ms after the
 * first page (a busy first page is seldom idle; its first rows take longer than that to arrive).
 * import() keeps each module once, so the page's own import finds it there.
 */
function usePrefetchNearPages(): void {
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(
      () => {
        for (const load of Object.values(NEAR_ACCOUNTS)) {
          // A failed prefetch is not an error yet: the page's own import retries and reports it
          // (with the page's error state) if the person goes there.
          load().catch(() => undefined);
        }
      },
      { timeout: 300 },
    );
    return () => cancelIdleCallback(id);
  }, []);
}

const AccountPage = lazy(() => NEAR_ACCOUNTS.account().then((m) => ({ default: m.AccountPage })));
const OpportunityPage = lazy(() => NEAR_ACCOUNTS.opportunity().then((m) => ({ default: m.OpportunityPage })));
const PersonPage = lazy(() => import('../features/people/PersonPage').then((m) => ({ default: m.PersonPage })));
const BuyingGroupPage = lazy(() => NEAR_ACCOUNTS.buyingGroup().then((m) => ({ default: m.BuyingGroupPage })));
const AccountJourneyPage = lazy(() => NEAR_ACCOUNTS.accountJourney().then((m) => ({ default: m.AccountJourneyPage })));
const JourneyPage = lazy(() => import('../features/journey/JourneyPage').then((m) => ({ default: m.JourneyPage })));
const ModelPage = lazy(() => import('../features/model/ModelPage').then((m) => ({ default: m.ModelPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const ImportPage = lazy(() => import('../features/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const WorkshopPage = lazy(() => import('../features/workshop/WorkshopPage').then((m) => ({ default: m.WorkshopPage })));

export function RouteView({ route }: { route: Route }) {
  usePrefetchNearPages();
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
      return <AccountPage key={route.id} id={route.id} />;
    case 'account-journey':
      return <AccountJourneyPage key={route.accountId} accountId={route.accountId} />;
    case 'opportunity':
      return <OpportunityPage key={route.id} id={route.id} />;
    case 'person':
      return <PersonPage key={route.id} id={route.id} />;
    case 'buying-group':
      return <BuyingGroupPage key={route.accountId ?? ''} accountId={route.accountId} />;
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
