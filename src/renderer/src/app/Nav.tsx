// Renderer: the left navigation.
import { hrefFor, type Route } from '@renderer/lib/router';

const ITEMS: { page: Exclude<Route['page'], 'account' | 'opportunity' | 'person' | 'not-found'>; label: string }[] = [
  { page: 'today', label: 'Today' },
  { page: 'accounts', label: 'Accounts' },
  { page: 'buying-group', label: 'Buying group' },
  { page: 'journey', label: 'Journey' },
  { page: 'workshop', label: 'Workshop' },
  { page: 'model', label: 'Model' },
  { page: 'import', label: 'Import' },
  { page: 'settings', label: 'Settings' },
];

export function Nav({ route }: { route: Route }) {
  const section =
    route.page === 'account' || route.page === 'account-journey' || route.page === 'opportunity' || route.page === 'person'
      ? 'accounts'
      : route.page;
  return (
    <nav className="nav" aria-label="Main">
      <div className="brand">Deep Sales</div>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.page}>
            <a
              href={hrefFor({ page: item.page } as Route)}
              className={section === item.page ? 'nav-link is-current' : 'nav-link'}
              aria-current={section === item.page ? 'page' : undefined}
              data-testid={`nav-${item.page}`}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
