// Renderer: when to reach a stakeholder — the next good slot in the user's own clock (never at
// night for them without saying so), and the stakeholder's usual window in theirs. The note says
// what the guess rests on and how sure it is.
import type { z } from 'zod';
import type { BestTimeView } from '@shared/domain';
import { useNow } from '@renderer/lib/use-now';
import { slotFor } from '@shared/scoring/workspace/best-time';
import { slotWords, userZone, windowWords } from './words';

export function BestTimeChip({ bestTime }: { bestTime: z.infer<typeof BestTimeView> }) {
  const now = useNow();
  const slot = slotFor(bestTime, userZone(), now);
  const note = slot?.atNightForSeller ? `${bestTime.note} Every upcoming slot in this window is at night for you.` : bestTime.note;
  return (
    <span className="best-time" data-testid="best-time" data-confidence={bestTime.confidence} title={note}>
      {slot ? (
        <span className="best-time-next">
          <span aria-hidden="true">◷ </span>
          <time dateTime={new Date(slot.at).toISOString()}>{slotWords(slot.at, now)}</time>
          {slot.atNightForSeller ? <span className="best-time-night"> (night for you)</span> : null}
        </span>
      ) : null}
      <span className="best-time-window">{windowWords(bestTime.window, bestTime.confidence, bestTime.samples)}</span>
    </span>
  );
}
