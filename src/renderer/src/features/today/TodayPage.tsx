// Renderer: the Today page (placeholder until the feature lands).
import { ComingSoon } from '../../components/ComingSoon';

export function TodayPage() {
  return <ComingSoon title="Today" sentence="Today will show which deal and stakeholder need you next, and when to reach out." />;
}
