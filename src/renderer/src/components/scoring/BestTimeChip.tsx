// Renderer: when to reach a stakeholder — the next good slot in the user's own clock, and the
// stakeholder's usual window in theirs. The note says what the guess rests on.
import type { z } from 'zod';
import type { BestTimeView } from '@shared/domain';
import { useNow } from '@renderer/lib/use-now';
import { slotWords } from './words';

export function BestTimeChip({ bestTime }: { bestTime: z.infer<typeof BestTimeView> }) {
  const now = useNow();
  return (
    <span className="best-time" data-testid="best-time" title={bestTime.note}>
      <span className="best-time-next">
        <span aria-hidden="true">◷ </span>
        <time dateTime={new Date(bestTime.nextSlotAt).toISOString()}>{slotWords(bestTime.nextSlotAt, now)}</time>
      </span>
      <span className="best-time-window">usually {bestTime.window}</span>
    </span>
  );
}
