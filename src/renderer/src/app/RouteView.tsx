// Renderer: route → page. Today and Accounts are in the first bundle (the pages people open
// first); the others — d3 charts, forms, the model — load on first visit, so the app starts
// without parsing code for pages it has not shown yet.
import { lazy, Suspense } from 'react';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { TodayPage } from '../features/today/TodayPage';
import { EmptyState, Loading } from '../components/states';
import { HOME, hrefFor, type Route } from '@renderer/lib/router';

const AccountPage = lazy(() => import('../features/accounts/AccountPage').then((m) => ({ default: m.AccountPage })));
const OpportunityPage = lazy(() => import('../features/opportunity/OpportunityPage').then((m) => ({ default: m.OpportunityPage })));
const PersonPage = lazy(() => import('../features/people/PersonPage').then((m) => ({ default: m.PersonPage })));
const BuyingGroupPage = lazy(() => import('../features/buying-group/BuyingGroupPage').then((m) => ({ default: m.BuyingGroupPage })));
const AccountJourneyPage = lazy(() => import('../features/journey/AccountJourneyPage').then((m) => ({ default: m.AccountJourneyPage })));
const JourneyPage = lazy(() => import('../features/journey/JourneyPage').then((m) => ({ default: m.JourneyPage })));
const ModelPage = lazy(() => import('../features/model/ModelPage').then((m) => ({ default: m.ModelPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const ImportPage = lazy(() => import('../features/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const WorkshopPage = lazy(() => import('../features/workshop/WorkshopPage').then((m) => ({ default: m.WorkshopPage })));

export function RouteView({ route }: { route: Route }) {
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
