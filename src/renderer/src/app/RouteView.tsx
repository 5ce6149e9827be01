// Renderer: route → page.
import { AccountPage } from '../features/accounts/AccountPage';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { BuyingGroupPage } from '../features/buying-group/BuyingGroupPage';
import { JourneyPage } from '../features/journey/JourneyPage';
import { ModelPage } from '../features/model/ModelPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TodayPage } from '../features/today/TodayPage';
import { WorkshopPage } from '../features/workshop/WorkshopPage';
import { EmptyState } from '../components/states';
import { HOME, hrefFor, type Route } from './router';

export function RouteView({ route }: { route: Route }) {
  switch (route.page) {
    case 'today':
      return <TodayPage />;
    case 'accounts':
      return <AccountsPage />;
    case 'account':
      // keyed so a new account starts with fresh local state (filters, open dialogs)
      return <AccountPage key={route.id} id={route.id} />;
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
