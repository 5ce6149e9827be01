// Renderer (pure): words for a deal's way through the stages, loops back included.
import { STAGES, type Opportunity } from '@shared/domain';
import { humanize } from '@renderer/lib/format';

/** How often the deal went back to an earlier stage. */
export function loopsBack(o: Pick<Opportunity, 'stageHistory'>): number {
  const h = o.stageHistory ?? [];
  let n = 0;
  for (let i = 1; i < h.length; i++) if (STAGES.indexOf(h[i]!.stage) < STAGES.indexOf(h[i - 1]!.stage)) n++;
  return n;
}

/** "Qualify → Discover → Propose → Discover → Propose", or null without a history. */
export function stagePath(o: Pick<Opportunity, 'stageHistory'>): string | null {
  const h = o.stageHistory;
  return h && h.length > 0 ? h.map((c) => humanize(c.stage)).join(' → ') : null;
}
