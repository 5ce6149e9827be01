// Main process (or plain Node): where a workspace belongs — the demo, this device only, or one
// team workspace on one server. Kept in the store's local-only settings, so a store can never
// be synced with a team it does not belong to, and the demo can never be uploaded.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SYNCED_COLLECTIONS } from '@shared/domain';
import type { Store } from '../store';

export const BINDING_KEY = 'workspace.binding';

export const Binding = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo') }),
  z.object({ kind: z.literal('local') }),
  z.object({ kind: z.literal('team'), serverUrl: z.string(), workspaceId: z.string(), workspaceName: z.string() }),
]);
export type Binding = z.infer<typeof Binding>;
export type TeamBinding = Extract<Binding, { kind: 'team' }>;

/** One server address, however it was typed (trailing slashes, case of the host). */
export function normalServerUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}`;
}

export function sameTeam(a: { serverUrl: string; workspaceId: string }, b: { serverUrl: string; workspaceId: string }): boolean {
  return a.workspaceId === b.workspaceId && normalServerUrl(a.serverUrl) === normalServerUrl(b.serverUrl);
}

/** A stable folder name for one team workspace on one server. */
export function teamKey(team: { serverUrl: string; workspaceId: string }): string {
  return createHash('sha256')
    .update(`${normalServerUrl(team.serverUrl)}|${team.workspaceId}`)
    .digest('hex')
    .slice(0, 20);
}

export async function readBinding(store: Store): Promise<Binding | null> {
  const doc = await store.settings.findOne(BINDING_KEY).exec();
  if (!doc) return null;
  const parsed = Binding.safeParse(JSON.parse(doc.value));
  return parsed.success ? parsed.data : null;
}

export async function writeBinding(store: Store, binding: Binding, now: number): Promise<void> {
  await store.settings.upsert({ id: BINDING_KEY, value: JSON.stringify(binding), updatedAt: now });
}

/** Documents of synced collections: what joining a team would upload. */
export async function countSyncedDocuments(store: Store): Promise<number> {
  const counts = await Promise.all(SYNCED_COLLECTIONS.map((name) => store[name].count().exec()));
  return counts.reduce((a, b) => a + b, 0);
}

export type JoinPlan =
  /** Sync this store with the team (it is the team's, or empty, or the user chose to upload). */
  | { action: 'here' }
  /** Open (or create) the team's own local workspace; this one stays as it is, never uploaded. */
  | { action: 'separate' }
  /** Real local data and no choice made yet: ask before anything happens. */
  | { action: 'ask'; localDocuments: number };

/**
 * What signing in to `team` does with the open store: the demo and another team's workspace are
 * never uploaded; local data is uploaded only when the user chose to.
 */
export function planJoin(
  binding: Binding | null,
  localDocuments: number,
  team: { serverUrl: string; workspaceId: string },
  mode?: 'upload' | 'separate',
): JoinPlan {
  if (binding?.kind === 'team') return sameTeam(binding, team) ? { action: 'here' } : { action: 'separate' };
  if (binding?.kind === 'demo') return { action: 'separate' };
  if (localDocuments === 0) return { action: 'here' };
  if (mode === 'upload') return { action: 'here' };
  if (mode === 'separate') return { action: 'separate' };
  return { action: 'ask', localDocuments };
}
