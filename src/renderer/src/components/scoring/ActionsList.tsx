// Renderer: next best actions — what to do, with whom, why, and the next good moment.
import type { NextBestAction } from '@shared/domain';
import { useNow } from '@renderer/lib/use-now';
import { slotWords } from './words';

export function ActionsList({ actions, limit = 3 }: { actions: readonly NextBestAction[]; limit?: number }) {
  const now = useNow();
  if (actions.length === 0) return <p className="cell-muted">No action stands out: the deal is on track.</p>;
  return (
    <ol className="actions-list" data-testid="next-actions">
      {actions.slice(0, limit).map((a) => (
        <li key={`${a.kind}:${a.stakeholderId ?? ''}`}>
          <p className="action-title">{a.title}</p>
          <p className="action-reason">{a.reason}</p>
          {a.when !== null ? (
            <p className="action-when">
              Best time: <time dateTime={new Date(a.when).toISOString()}>{slotWords(a.when, now)}</time> your time
              {a.whenWords ? <span className="cell-muted"> · {a.whenWords}</span> : null}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
