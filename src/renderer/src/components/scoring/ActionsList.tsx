// Renderer: next best actions — what to do, with whom, why, and the next good moment.
import type { NextBestAction } from '@shared/domain';
import { useNow } from '@renderer/lib/use-now';
import { actionSlot, slotIsNow, slotWords, userZone, windowWords } from './words';

export function ActionsList({ actions, limit = 3 }: { actions: readonly NextBestAction[]; limit?: number }) {
  const now = useNow();
  if (actions.length === 0) return <p className="cell-muted">No action stands out: the deal is on track.</p>;
  return (
    <ol className="actions-list" data-testid="next-actions">
      {actions.slice(0, limit).map((a) => (
        <li key={`${a.kind}:${a.stakeholderId ?? ''}`}>
          <p className="action-title">{a.title}</p>
          <p className="action-reason">{a.reason}</p>
          <ActionWhen action={a} now={now} />
        </li>
      ))}
    </ol>
  );
}

/** "Best time: tomorrow 10:00 your time (night for you) · usually Tue, Thu 10–12 in Europe/London". */
function ActionWhen({ action, now }: { action: NextBestAction; now: number }) {
  const slot = actionSlot(action, userZone(), now);
  if (!slot) return null;
  return (
    <p className="action-when">
      Best time: <time dateTime={new Date(slot.at).toISOString()}>{slotWords(slot.at, now)}</time>
      {slotIsNow(slot.at, now) ? null : ' your time'}
      {slot.atNightForSeller ? <span className="best-time-night"> (night for you)</span> : null}
      {action.whenWords ? (
        <span className="cell-muted"> · {windowWords(action.whenWords, action.whenConfidence, action.whenSamples)}</span>
      ) : null}
    </p>
  );
}
