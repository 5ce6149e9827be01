// Renderer: who this device syncs as, where, and how sync is doing right now.
import type { SyncStatus, SyncView } from '@shared/api';
import { describeSync } from '@renderer/components/sync-words';
import { errorWords } from '@renderer/api/errors';
import { formatDateTime, formatRelative, humanize } from '@renderer/lib/format';
import { useNow } from '@renderer/lib/use-now';
import { useDisconnectSync } from './mutations';

const STATE_WORDS: Record<SyncStatus['state'], string> = {
  disconnected: 'Not connected',
  idle: 'Up to date',
  syncing: 'Syncing now',
  offline: 'Offline — changes are kept on this device',
  error: 'Problem',
};

export function SyncConnected({ view, status }: { view: SyncView; status: SyncStatus }) {
  const now = useNow(10_000);
  const disconnect = useDisconnectSync();
  const words = describeSync(status, now);
  return (
    <div className="sync-connected">
      <dl className="facts">
        <div>
          <dt>Server</dt>
          <dd>{view.serverUrl}</dd>
        </div>
        <div>
          <dt>Workspace</dt>
          <dd>{view.workspaceName ?? '—'}</dd>
        </div>
        <div>
          <dt>Signed in as</dt>
          <dd>{view.email ?? '—'}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{view.role ? humanize(view.role) : '—'}</dd>
        </div>
      </dl>
      <div className={`sync-live tone-${words.tone}`} data-testid="sync-status" data-state={status.state} role="status" aria-live="polite">
        <span className="sync-dot" aria-hidden="true" />
        <dl className="facts facts-inline">
          <div>
            <dt>State</dt>
            <dd>{STATE_WORDS[status.state]}</dd>
          </div>
          <div>
            <dt>Waiting to sync</dt>
            <dd>{status.pending === 1 ? '1 change' : `${status.pending} changes`}</dd>
          </div>
          <div>
            <dt>Last synced</dt>
            <dd title={status.lastSyncedAt ? formatDateTime(status.lastSyncedAt) : undefined}>
              {formatRelative(status.lastSyncedAt, now)}
            </dd>
          </div>
        </dl>
        {status.state === 'error' && words.detail ? <p className="sync-live-detail">{words.detail}</p> : null}
      </div>
      {view.setAside.length > 0 ? <SetAsideList items={view.setAside} /> : null}
      {disconnect.isError ? (
        <p className="form-error" role="alert">
          {errorWords(disconnect.error)}
        </p>
      ) : null}
      <div className="form-actions form-actions-start">
        <button
          type="button"
          className="button"
          data-testid="sync-disconnect"
          disabled={disconnect.isPending}
          onClick={() => disconnect.mutate({})}
        >
          {disconnect.isPending ? 'Signing out…' : 'Sign out'}
        </button>
        <p className="field-hint">Signing out stops syncing. Everything stays on this device.</p>
      </div>
    </div>
  );
}

/** Records the server refused: kept here, the others sync on; editing one sends it again. */
function SetAsideList({ items }: { items: SyncView['setAside'] }) {
  return (
    <div className="sync-set-aside" data-testid="sync-set-aside">
      <h3>Set aside — the server refused {items.length === 1 ? 'this record' : `these ${items.length} records`}</h3>
      <p className="field-hint">They stay on this device and everything else keeps syncing. Fix the record and it is sent again.</p>
      <ul>
        {items.map((r) => (
          <li key={`${r.collection}:${r.id}`} data-testid="sync-set-aside-item">
            <strong>{humanize(r.collection)}</strong> {r.id}: {r.message} <code>{r.code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
