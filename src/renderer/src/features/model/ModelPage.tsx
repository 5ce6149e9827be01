// Renderer: the Model page (placeholder until the feature lands).
import { ComingSoon } from '../../components/ComingSoon';

export function ModelPage() {
  return <ComingSoon title="Model" sentence="Model will explain the win likelihood model: what it learned from your team's closed deals and how well it predicts." />;
}
