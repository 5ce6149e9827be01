// Renderer: the Settings page — team sync, team admin (admins only) and the values sync kept
// aside for review.
import { useQuery } from '@tanstack/react-query';
import { ConflictsSection } from './ConflictsSection';
import { syncQuery } from '@renderer/data/sync';
import { SyncSection } from './SyncSection';
import { TeamAdminSection } from './TeamAdminSection';
import { YouSection } from './YouSection';

export function SettingsPage() {
  const sync = useQuery(syncQuery());
  return (
    <section className="page page-narrow" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Settings</h1>
      </header>
      <YouSection />
      <SyncSection />
      {sync.data?.connected && sync.data.role === 'admin' ? <TeamAdminSection myEmail={sync.data.email} /> : null}
      <ConflictsSection />
    </section>
  );
}
