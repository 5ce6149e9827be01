// Renderer: the Settings page (placeholder until the feature lands).
import { ComingSoon } from '../../components/ComingSoon';

export function SettingsPage() {
  return <ComingSoon title="Settings" sentence="Settings will let you connect to your team's sync server and choose what this device keeps." />;
}
