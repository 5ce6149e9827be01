// Renderer: values that lost a same-field sync conflict, kept for review: restore one (the
// current value is kept in its place, so a restore can be undone) or dismiss it.
import { useQuery } from '@tanstack/react-query';
import type { KeptConflictView } from '@shared/api';
import { errorWords } from '@renderer/api/errors';
import { EmptyState, ErrorState, Loading } from '@renderer/components/states';
import { useNow } from '@renderer/lib/use-now';
import { DISCARDED_FIELD, parseDiscarded } from '@shared/sync';
import { refOf, useResolveConflict } from './mutations';
import { conflictsQuery } from '@renderer/data/sync';
import { fieldWords, valueWords } from './values';
import { When } from '@renderer/components/When';

function ConflictRow({ conflict, now }: { conflict: KeptConflictView; now: number }) {
  const restore = useResolveConflict('restore');
  const dismiss = useResolveConflict('dismiss');
  const busy = restore.isPending || dismiss.isPending;
  const failed = restore.error ?? dismiss.error;
  const what = `${fieldWords(conflict.field)} of ${conflict.label}`;
  const notice = conflict.field === DISCARDED_FIELD ? parseDiscarded(JSON.stringify(conflict.keptValue)) : undefined;
  if (notice) {
    // Older kept values went to make room: say so, with how many and of which fields.
    return (
      <tr data-testid="conflict-discarded">
        <th scope="row" className="cell-name">
          {conflict.label}
        </th>
        <td colSpan={3}>
          {notice.count} older kept {notice.count === 1 ? 'value was' : 'values were'} discarded to make room (
          {notice.fields.map(fieldWords).join(', ')}).
        </td>
        <td>
          <When at={conflict.lostAt} now={now} />
        </td>
        <td className="cell-actions">
          <button
            type="button"
            className="button button-small"
            data-testid="conflict-dismiss"
            disabled={busy}
            aria-label={`Dismiss the notice about discarded values of ${conflict.label}`}
            onClick={() => dismiss.mutate(conflict)}
          >
            Dismiss
          </button>
          {failed ? (
            <p className="field-error" role="alert">
              {errorWords(failed)}
            </p>
          ) : null}
        </td>
      </tr>
    );
  }
  return (
    <tr data-testid="conflict-row">
      <th scope="row" className="cell-name">
        {conflict.label}
      </th>
      <td>{fieldWords(conflict.field)}</td>
      <td className="conflict-kept">{valueWords(conflict.keptValue)}</td>
      <td>{valueWords(conflict.currentValue)}</td>
      <td>
        <When at={conflict.lostAt} now={now} />
      </td>
      <td className="cell-actions">
        <button
          type="button"
          className="button button-small"
          data-testid="conflict-restore"
          disabled={busy}
          aria-label={`Restore the kept value of ${what}`}
          onClick={() => restore.mutate(refOf(conflict))}
        >
          Restore
        </button>{' '}
        <button
          type="button"
          className="button button-small"
          data-testid="conflict-dismiss"
          disabled={busy}
          aria-label={`Dismiss the kept value of ${what}`}
          onClick={() => dismiss.mutate(refOf(conflict))}
        >
          Dismiss
        </button>
        {failed ? (
          <p className="field-error" role="alert">
            {errorWords(failed)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

export function ConflictsSection() {
  const conflicts = useQuery(conflictsQuery());
  const now = useNow();
  return (
    <section className="panel" aria-labelledby="conflicts-title">
      <header className="panel-header">
        <h2 id="conflicts-title">
          Conflicts kept for review {conflicts.data ? <span className="count">{conflicts.data.length}</span> : null}
        </h2>
      </header>
      {conflicts.isPending ? (
        <Loading label="Loading kept conflicts…" />
      ) : conflicts.isError ? (
        <ErrorState error={conflicts.error} what="the kept conflicts" onRetry={() => void conflicts.refetch()} />
      ) : conflicts.data.length === 0 ? (
        <EmptyState title="Nothing to review.">
          When two people change the same field before their devices sync, one value wins and the other is kept here, so nothing is lost.
          You can restore it or dismiss it.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Record</th>
                <th scope="col">Field</th>
                <th scope="col">Kept value</th>
                <th scope="col">Current value</th>
                <th scope="col">When</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {conflicts.data.map((c) => (
                <ConflictRow key={`${c.collection}:${c.id}:${c.field}:${c.lostAt}`} conflict={c} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
