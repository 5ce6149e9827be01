// Renderer (pure): what the palette shows for an answer — group titles, one flat list of
// options for the keyboard, where each hit leads, and a snippet split into marked parts.
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchGroup, type SearchHit, type SearchKind } from '@shared/api';
import type { StakeholderId } from '@shared/domain';
import type { Route } from '@renderer/lib/router';

export const GROUP_TITLE: Record<SearchKind, string> = {
  account: 'Accounts',
  person: 'People',
  opportunity: 'Deals',
  interaction: 'Interactions',
  note: 'Workshop notes',
};

export interface PaletteOption {
  key: string;
  hit: SearchHit;
  group: SearchKind;
}

export function flatten(groups: readonly SearchGroup[]): PaletteOption[] {
  return groups.flatMap((g) => g.hits.map((hit) => ({ key: `${hit.kind}:${hit.id}`, hit, group: g.kind })));
}

/** Where choosing a hit leads. */
export function routeForHit(hit: SearchHit): Route {
  switch (hit.kind) {
    case 'account':
      return { page: 'account', id: hit.accountId };
    // A person and a deal open their own page (name, roles, deals; stage, odds, next actions): the
    // palette predates those pages and sent them to the account and to the deal's journey chart.
    case 'person':
      return { page: 'person', id: hit.id as StakeholderId };
    case 'opportunity':
      // The host gives an opportunity hit its own id as opportunityId too.
      return hit.opportunityId ? { page: 'opportunity', id: hit.opportunityId } : { page: 'account', id: hit.accountId };
    case 'note':
      return hit.opportunityId ? { page: 'workshop', opportunityId: hit.opportunityId } : { page: 'account', id: hit.accountId };
    case 'interaction':
      return { page: 'account', id: hit.accountId };
  }
}

/** Moves the active option with the keys a list box answers; null for other keys. */
export function moveActive(key: string, active: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (active + 1) % count;
    case 'ArrowUp':
      return (active - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** A snippet as plain and marked parts (the host marks matches with control characters). */
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let rest = snippet;
  while (rest.length) {
    const open = rest.indexOf(SNIPPET_OPEN);
    if (open < 0) {
      parts.push({ text: rest, marked: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), marked: false });
    const close = rest.indexOf(SNIPPET_CLOSE, open);
    const end = close < 0 ? rest.length : close;
    parts.push({ text: rest.slice(open + 1, end), marked: true });
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  return parts.filter((p) => p.text.length > 0);
}
