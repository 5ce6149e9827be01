// Renderer: which cached queries a host change makes stale. Every query key starts with one of
// KEY_ROOTS; a `changed` event names collections; this table joins the two. Events do not say
// which document changed, so we invalidate by root: React Query refetches only what is on screen
// and marks the rest stale for the next visit.
import type { CollectionName } from '../../../shared/domain';

export const KEY_ROOTS = ['accounts', 'account', 'buyingGroup', 'opportunity', 'workspace', 'team', 'scores', 'settings'] as const;
export type KeyRoot = (typeof KEY_ROOTS)[number];

export const INVALIDATES: Record<CollectionName, readonly KeyRoot[]> = {
  // Summaries count stakeholders and open pipeline; details embed stakeholders and deals.
  accounts: ['accounts', 'account', 'buyingGroup', 'opportunity', 'workspace'],
  stakeholders: ['accounts', 'account', 'buyingGroup', 'opportunity', 'workspace'],
  relationships: ['buyingGroup', 'workspace'],
  opportunities: ['accounts', 'account', 'buyingGroup', 'opportunity', 'workspace'],
  // lastInteractionAt lives on the summary.
  interactions: ['accounts', 'account', 'opportunity', 'workspace'],
  journeysteps: ['opportunity', 'workspace'],
  workshopnotes: ['opportunity', 'workspace'],
  teammembers: ['team', 'workspace'],
  scores: ['scores'],
  settings: ['settings', 'workspace'],
};

export function rootsToInvalidate(collections: readonly string[]): KeyRoot[] {
  const roots = new Set<KeyRoot>();
  for (const name of collections) {
    const affected = INVALIDATES[name as CollectionName];
    if (affected) for (const root of affected) roots.add(root);
  }
  return [...roots];
}
