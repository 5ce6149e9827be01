// Renderer: the Settings page — team sync and the values sync kept aside for review.
import { ConflictsSection } from './ConflictsSection';
import { SyncSection } from './SyncSection';

export function SettingsPage() {
  return (
    <section className="page page-narrow" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Settings</h1>
      </header>
      <SyncSection />
      <ConflictsSection />
    </section>
  );
}
