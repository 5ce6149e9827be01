// Renderer: a tiny hash router. Hash routes survive a reload in both Electron (file://) and the
// web preview without server rewrites.
import { useSyncExternalStore } from 'react';
import type { AccountId, OpportunityId, StakeholderId } from '@shared/domain';

export type Route =
  | { page: 'today' }
  | { page: 'accounts' }
  | { page: 'account'; id: AccountId }
  | { page: 'account-journey'; accountId: AccountId }
  | { page: 'opportunity'; id: OpportunityId }
  | { page: 'person'; id: StakeholderId }
  | { page: 'buying-group'; accountId?: AccountId }
  | { page: 'journey'; opportunityId?: OpportunityId }
  | { page: 'workshop'; opportunityId?: OpportunityId }
  | { page: 'present'; opportunityId: OpportunityId }
  | { page: 'model' }
  | { page: 'settings' }
  | { page: 'import' }
  | { page: 'not-found'; path: string };

const SIMPLE = ['today', 'accounts', 'buying-group', 'journey', 'workshop', 'model', 'settings', 'import'] as const;

/** Today — who needs the seller next — is where the day starts. */
export const HOME: Route = { page: 'today' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+|\/+$/g, '');
  if (path === '') return HOME;
  const [head, id, ...rest] = path.split('/');
  // The address is where ids enter the renderer: branded here, once. A malformed one is not
  // refused here but by the host (DS_API_INVALID_INPUT), and the page says it found nothing.
  if (head === 'accounts' && id && rest.length === 0) return { page: 'account', id: decodeURIComponent(id) as AccountId };
  if (head === 'accounts' && id && rest.length === 1 && rest[0] === 'journey')
    return { page: 'account-journey', accountId: decodeURIComponent(id) as AccountId };
  if (head === 'opportunities' && id && rest.length === 0) return { page: 'opportunity', id: decodeURIComponent(id) as OpportunityId };
  if (head === 'people' && id && rest.length === 0) return { page: 'person', id: decodeURIComponent(id) as StakeholderId };
  if (id && rest.length === 0) {
    const param = decodeURIComponent(id);
    if (head === 'buying-group') return { page: 'buying-group', accountId: param as AccountId };
    if (head === 'journey' || head === 'workshop') return { page: head, opportunityId: param as OpportunityId };
    if (head === 'present') return { page: 'present', opportunityId: param as OpportunityId };
  }
  const simple = SIMPLE.find((name) => name === head);
  if (simple && id === undefined) return { page: simple };
  return { page: 'not-found', path: `/${path}` };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'account':
      return `#/accounts/${encodeURIComponent(route.id)}`;
    case 'account-journey':
      return `#/accounts/${encodeURIComponent(route.accountId)}/journey`;
    case 'opportunity':
      return `#/opportunities/${encodeURIComponent(route.id)}`;
    case 'person':
      return `#/people/${encodeURIComponent(route.id)}`;
    case 'buying-group':
      return route.accountId ? `#/buying-group/${encodeURIComponent(route.accountId)}` : '#/buying-group';
    case 'journey':
    case 'workshop':
      return route.opportunityId ? `#/${route.page}/${encodeURIComponent(route.opportunityId)}` : `#/${route.page}`;
    case 'present':
      return `#/present/${encodeURIComponent(route.opportunityId)}`;
    case 'not-found':
      return `#${route.path}`;
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  location.hash = hrefFor(route);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current hash; components parse it (parsing is cheap and keeps the snapshot a string). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => location.hash);
}
