// Renderer (pure): the sync badge's words for a SyncStatus.
import type { SyncStatus } from '@shared/api';
import { errorWords } from '../api/errors';
import { ApiError } from '@shared/api';
import { formatRelative } from '../lib/format';

export interface SyncWords {
  tone: 'muted' | 'ok' | 'busy' | 'warn' | 'error';
  label: string;
  detail: string | null;
}

const changes = (n: number) => (n === 1 ? '1 change waiting to sync' : `${n} changes waiting to sync`);

export function describeSync(status: SyncStatus, now: number): SyncWords {
  const last = status.lastSyncedAt === null ? null : `Last synced ${formatRelative(status.lastSyncedAt, now)}`;
  const aside = status.setAside ? `${status.setAside} refused by the server, set aside (see Settings)` : null;
  const parts = (...items: (string | null)[]) => [...items, aside].filter(Boolean).join(' · ') || null;
  switch (status.state) {
    case 'disconnected':
      return { tone: 'muted', label: 'Not connected to a team server', detail: status.pending ? changes(status.pending) : null };
    case 'idle':
      return { tone: 'ok', label: 'Synced', detail: parts(status.pending ? changes(status.pending) : null, last) };
    case 'syncing':
      return { tone: 'busy', label: 'Syncing…', detail: parts(status.pending ? changes(status.pending) : null, last) };
    case 'offline':
      return {
        tone: 'warn',
        label: 'Offline — your work is saved on this device',
        detail: parts(status.pending ? changes(status.pending) : null, last),
      };
    case 'error':
      return {
        tone: 'error',
        label: 'Sync problem',
        detail: parts(
          status.error
            ? errorWords(new ApiError(status.error.code, status.error.message))
            : 'The team server did not accept the last sync.',
          status.pending ? changes(status.pending) : null,
          last,
        ),
      };
  }
}
