// Renderer: every touch with the account on one line of time — marketing (events, content, web
// visits), sales (meetings, calls, e-mail) and service (support cases) — newest first,
// filterable by kind and by person; logged ones can be edited or deleted (with Undo).
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Interaction, InteractionKind, Stakeholder } from '@shared/domain';
import { EmptyState } from '@renderer/components/states';
import { useLog } from '@renderer/components/log/log-context';
import { useUndo } from '@renderer/components/undo';
import { useRemove, useRestore } from '@renderer/data/records';
import { excerpt, formatDateTime, humanize } from '@renderer/lib/format';
import { hrefFor } from '@renderer/lib/router';
import { useNow } from '@renderer/lib/use-now';
import { errorWords } from '@renderer/api/errors';
import { When } from '@renderer/components/When';

const SENTIMENT: Record<number, string> = { [-2]: 'Hostile', [-1]: 'Cool', 0: 'Neutral', 1: 'Warm', 2: 'Enthusiastic' };
export const TOUCH_GROUPS: { key: string; label: string; kinds: readonly InteractionKind[] }[] = [
  { key: 'sales', label: 'Sales', kinds: ['meeting', 'call', 'email'] },
  { key: 'marketing', label: 'Marketing', kinds: ['event', 'content', 'web_visit'] },
  { key: 'service', label: 'Service', kinds: ['support_case'] },
];
const GROUP_OF = new Map(TOUCH_GROUPS.flatMap((g) => g.kinds.map((k) => [k, g.label] as const)));

export function Timeline({
  interactions,
  stakeholders,
  limitNote,
}: {
  interactions: readonly Interaction[];
  stakeholders: readonly Stakeholder[];
  limitNote?: string;
}) {
  const now = useNow();
  const log = useLog();
  const remove = useRemove('interaction');
  const restore = useRestore();
  const undo = useUndo();
  const qc = useQueryClient();
  const [kind, setKind] = useState('all');
  const [person, setPerson] = useState('all');
  const names = new Map(stakeholders.map((s) => [s.id as string, s.name]));
  const group = TOUCH_GROUPS.find((g) => g.key === kind);
  const shown = [...interactions]
    .filter((i) => kind === 'all' || (group ? group.kinds.includes(i.kind) : i.kind === kind))
    .filter((i) => person === 'all' || i.attendeeIds.includes(person as never))
    .sort((a, b) => b.at - a.at);

  const del = (i: Interaction) =>
    remove.mutate(i.id, {
      onSuccess: ({ removed }) =>
        undo.offer(`Deleted the ${humanize(i.kind).toLowerCase()} of ${formatDateTime(i.at)}.`, () => restore.mutateAsync(removed)),
    });

  return (
    <section className="panel" aria-labelledby="timeline-title">
      <header className="panel-header">
        <h2 id="timeline-title">
          Timeline <span className="count">{shown.length}</span>
        </h2>
        <div className="toolbar-inline">
          <label htmlFor="timeline-kind">Kind</label>
          <select
            id="timeline-kind"
            className="input input-small"
            data-testid="timeline-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
          >
            <option value="all">Every touch</option>
            {TOUCH_GROUPS.map((g) => (
              <optgroup key={g.key} label={g.label}>
                <option value={g.key}>All {g.label.toLowerCase()}</option>
                {g.kinds.map((k) => (
                  <option key={k} value={k}>
                    {humanize(k)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <label htmlFor="timeline-person">Person</label>
          <select
            id="timeline-person"
            className="input input-small"
            data-testid="timeline-person"
            value={person}
            onChange={(e) => setPerson(e.target.value)}
          >
            <option value="all">Everyone</option>
            {stakeholders.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      </header>
      {remove.isError ? (
        <p className="form-error" role="alert">
          Not deleted: {errorWords(remove.error)}
        </p>
      ) : null}
      {shown.length === 0 ? (
        <EmptyState title={interactions.length ? 'Nothing matches these filters.' : 'No touches yet.'} />
      ) : (
        <ol className="timeline" data-testid="timeline">
          {shown.map((i) => (
            <li key={i.id} className="timeline-item" data-testid="interaction-row" data-kind={i.kind}>
              <div className="timeline-when">
                <When at={i.at} now={now} />
                <span className={`touch-group touch-${GROUP_OF.get(i.kind)?.toLowerCase() ?? 'sales'}`}>{GROUP_OF.get(i.kind)}</span>
              </div>
              <div className="timeline-body">
                <p className="timeline-head">
                  <strong>{humanize(i.kind)}</strong>
                  {' · '}
                  {i.attendeeIds.length
                    ? i.attendeeIds.map((id, n) => (
                        <span key={id}>
                          {n ? ', ' : ''}
                          {names.has(id) ? <a href={hrefFor({ page: 'person', id })}>{names.get(id)}</a> : 'someone no longer listed'}
                        </span>
                      ))
                    : 'no one named'}
                  {' · '}
                  <span className={`sentiment sentiment-${i.sentiment + 2}`}>{SENTIMENT[i.sentiment] ?? i.sentiment}</span>
                </p>
                {i.notes ? (
                  <p className="timeline-notes" title={i.notes}>
                    {excerpt(i.notes, 240)}
                  </p>
                ) : null}
              </div>
              <div className="timeline-actions">
                <button
                  type="button"
                  className="button button-small"
                  data-testid="edit-interaction"
                  aria-label={`Edit the ${humanize(i.kind).toLowerCase()} of ${formatDateTime(i.at)}`}
                  onClick={() =>
                    log.open({ existing: i, onSaved: () => void qc.invalidateQueries({ queryKey: ['account', i.accountId] }) })
                  }
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="button button-small"
                  data-testid="delete-interaction"
                  aria-label={`Delete the ${humanize(i.kind).toLowerCase()} of ${formatDateTime(i.at)}`}
                  disabled={remove.isPending}
                  onClick={() => del(i)}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {limitNote ? <p className="panel-foot cell-muted">{limitNote}</p> : null}
    </section>
  );
}
