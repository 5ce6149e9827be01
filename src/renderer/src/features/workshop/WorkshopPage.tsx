// Renderer: the Workshop page (placeholder until the feature lands).
import { ComingSoon } from '../../components/ComingSoon';

export function WorkshopPage() {
  return <ComingSoon title="Workshop" sentence="Workshop will let you project a journey map and edit it live with the room." />;
}
