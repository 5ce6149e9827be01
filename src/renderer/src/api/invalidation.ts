// Renderer: which cached queries a host change makes stale. Every query key starts with one of
// KEY_ROOTS; a `changed` event names collections; this table joins the two. Events do not say
// which document changed, so we invalidate by root: React Query refetches only what is on screen
// and marks the rest stale for the next visit.
import type { CollectionName } from '@shared/domain';

export const KEY_ROOTS = [
  'accounts', 'account', 'buyingGroup', 'opportunity', 'person', 'workspace', 'team', 'scores', 'settings', 'sync', 'conflicts',
] as const;
export type KeyRoot = (typeof KEY_ROOTS)[number];

export const INVALIDATES: Record<CollectionName, readonly KeyRoot[]> = {
  // Summaries count stakeholders and open pipeline; details embed stakeholders and deals.
  // Every synced collection can carry values kept from sync conflicts ('conflicts').
  accounts: ['accounts', 'account', 'buyingGroup', 'opportunity', 'person', 'workspace', 'conflicts'],
  stakeholders: ['accounts', 'account', 'buyingGroup', 'opportunity', 'person', 'workspace', 'conflicts'],
  relationships: ['buyingGroup', 'workspace', 'conflicts'],
  opportunities: ['accounts', 'account', 'buyingGroup', 'opportunity', 'person', 'workspace', 'conflicts'],
  // lastInteractionAt lives on the summary.
  interactions: ['accounts', 'account', 'opportunity', 'person', 'workspace', 'conflicts'],
  journeysteps: ['opportunity', 'workspace', 'conflicts'],
  workshopnotes: ['opportunity', 'workspace', 'conflicts'],
  teammembers: ['team', 'workspace', 'conflicts'],
  // Today, Model and every score widget read 'scores'; the worker rewrites them after changes.
  scores: ['scores'],
  // The sync session (server, account, role) is kept in settings.
  settings: ['settings', 'workspace', 'sync'],
};

export function rootsToInvalidate(collections: readonly string[]): KeyRoot[] {
  const roots = new Set<KeyRoot>();
  for (const name of collections) {
    const affected = INVALIDATES[name as CollectionName];
    if (affected) for (const root of affected) roots.add(root);
  }
  return [...roots];
}
