// Renderer: the Buying group page (placeholder until the feature lands).
import { ComingSoon } from '../../components/ComingSoon';

export function BuyingGroupPage() {
  return <ComingSoon title="Buying group" sentence="Buying group will draw a map of roles, stance and influence, and show which roles nobody covers." />;
}
