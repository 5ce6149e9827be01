// Renderer: the latest team-sync status the host pushed, as a tiny external store.
import { useSyncExternalStore } from 'react';
import type { SyncStatus } from '@shared/api';

export const INITIAL_SYNC_STATUS: SyncStatus = { state: 'disconnected', pending: 0, setAside: 0, lastSyncedAt: null, error: null };

let status = INITIAL_SYNC_STATUS;
const listeners = new Set<() => void>();

export function setSyncStatus(next: SyncStatus): void {
  status = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(subscribe, () => status);
}
