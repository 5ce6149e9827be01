// Renderer: the Journey page (placeholder until the feature lands).
import { ComingSoon } from '../../components/ComingSoon';

export function JourneyPage() {
  return <ComingSoon title="Journey" sentence="Journey will show per-stakeholder timelines across the six buying jobs, loops back included." />;
}
