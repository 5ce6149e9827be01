// Renderer: words for the import wizard's choices.
import type { StageTarget } from '@shared/import/stages';

export const STAGE_LABEL: Record<StageTarget, string> = {
  qualify: 'Qualify (open)',
  discover: 'Discover (open)',
  propose: 'Propose (open)',
  negotiate: 'Negotiate (open)',
  commit: 'Commit (open)',
  won: 'Won',
  lost: 'Lost',
};
