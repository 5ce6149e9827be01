// Renderer: the account's recent interactions, newest first, attendees by name.
import type { Interaction, Stakeholder } from '@shared/domain';
import { EmptyState } from '@renderer/components/states';
import { excerpt, formatDateTime, formatWhen, humanize } from '@renderer/lib/format';
import { useNow } from '@renderer/lib/use-now';

const SENTIMENT: Record<number, string> = { [-2]: 'Hostile', [-1]: 'Cool', 0: 'Neutral', 1: 'Warm', 2: 'Enthusiastic' };

export function InteractionsSection({ interactions, stakeholders }: {
  interactions: readonly Interaction[];
  stakeholders: readonly Stakeholder[];
}) {
  const now = useNow();
  const names = new Map<string, string>(stakeholders.map((s) => [s.id, s.name]));
  const sorted = [...interactions].sort((a, b) => b.at - a.at);
  return (
    <section className="panel" aria-labelledby="interactions-title">
      <header className="panel-header">
        <h2 id="interactions-title">Recent interactions</h2>
      </header>
      {sorted.length === 0 ? (
        <EmptyState title="No interactions logged yet." />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">When</th>
                <th scope="col">Attendees</th>
                <th scope="col">Sentiment</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((i) => (
                <tr key={i.id} data-testid="interaction-row">
                  <td>{humanize(i.kind)}</td>
                  <td><time dateTime={new Date(i.at).toISOString()} title={formatDateTime(i.at)}>{formatWhen(i.at, now)}</time></td>
                  <td>{i.attendeeIds.length ? i.attendeeIds.map((id) => names.get(id) ?? 'Someone no longer listed').join(', ') : '—'}</td>
                  <td><span className={`sentiment sentiment-${i.sentiment + 2}`}>{SENTIMENT[i.sentiment] ?? i.sentiment}</span></td>
                  <td className="cell-notes" title={i.notes}>{excerpt(i.notes) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
