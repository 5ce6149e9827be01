// Renderer: after an admin removed this account from the team, the workspace stays readable on
// this device but the host refuses changes (DS_WORKSPACE_READ_ONLY); this banner says so on every
// page, before the user tries, and where to go on.
import { useSyncStatus } from '../api/sync-status';

export function ReadOnlyBanner() {
  const status = useSyncStatus();
  if (status.error?.code !== 'DS_SYNC_MEMBER_REMOVED') return null;
  return (
    <div className="read-only-banner" role="alert" data-testid="read-only-banner">
      <strong>Read-only:</strong> an admin removed you from this team workspace. Everything stays here to read, but changes cannot be saved.{' '}
      <a href="#/settings">Sign in to another workspace in Settings</a>.
    </div>
  );
}
