// Renderer: the header's team-sync status, driven by the host's `sync` events.
import { useSyncStatus } from '../api/sync-status';
import { useNow } from '../lib/use-now';
import { describeSync } from '@renderer/components/sync-words';

export function SyncBadge() {
  const status = useSyncStatus();
  const now = useNow();
  const words = describeSync(status, now);
  return (
    <div className={`sync-badge tone-${words.tone}`} role="status" aria-live="polite" data-testid="sync-badge" data-state={status.state}>
      <span className="sync-dot" aria-hidden="true" />
      <span className="sync-label">{words.label}</span>
      {words.detail ? <span className="sync-detail">{words.detail}</span> : null}
    </div>
  );
}
