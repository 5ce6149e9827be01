// Renderer: the "Team sync" section — the sign-in form, or the live session once connected.
// Live status comes from the host's `sync` events; until the first one arrives, from sync.status.
import { useQuery } from '@tanstack/react-query';
import { INITIAL_SYNC_STATUS, useSyncStatus } from '@renderer/api/sync-status';
import { ErrorState, Loading } from '@renderer/components/states';
import { syncQuery } from '@renderer/data/sync';
import { SyncConnected } from './SyncConnected';
import { SyncForm } from './SyncForm';

export function SyncSection() {
  const sync = useQuery(syncQuery());
  const pushed = useSyncStatus();
  return (
    <section className="panel" aria-labelledby="sync-title">
      <header className="panel-header">
        <h2 id="sync-title">Team sync</h2>
      </header>
      <div className="panel-body">
        {sync.isPending ? (
          <Loading label="Checking team sync…" />
        ) : sync.isError ? (
          <ErrorState error={sync.error} what="the sync settings" onRetry={() => void sync.refetch()} />
        ) : sync.data.connected ? (
          <SyncConnected view={sync.data} status={pushed === INITIAL_SYNC_STATUS ? sync.data.status : pushed} />
        ) : (
          <SyncForm place={sync.data.place} />
        )}
      </div>
    </section>
  );
}
