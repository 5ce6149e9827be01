// Renderer: every journey step as a table — the map's keyboard and screen-reader twin, with
// remove actions.
import type { OpportunityDetail } from '@shared/api';
import { BUYING_JOB_LABEL, type JourneyStepId } from '@shared/domain';
import { formatDate, humanize } from '@renderer/lib/format';

export function StepsTable({
  detail,
  selectedId,
  onSelect,
  onRemove,
  removingId,
}: {
  detail: OpportunityDetail;
  selectedId: JourneyStepId | null;
  onSelect: (id: JourneyStepId) => void;
  onRemove: (id: JourneyStepId) => void;
  removingId: JourneyStepId | null;
}) {
  const names = new Map(detail.stakeholders.map((s) => [s.id, s.name]));
  const steps = [...detail.journey].sort((a, b) => b.at - a.at);
  return (
    <section className="panel journey-steps" aria-labelledby="journey-steps-title">
      <header className="panel-header">
        <h2 id="journey-steps-title">
          Steps <span className="count">{steps.length}</span>
        </h2>
      </header>
      {steps.length === 0 ? (
        <p className="bg-empty">No steps yet. Click a lane’s job band on the map, or use “Add step”.</p>
      ) : (
        <div className="table-wrap journey-steps-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Job</th>
                <th scope="col">Move</th>
                <th scope="col">Note</th>
                <th scope="col" className="cell-actions">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s) => (
                <tr key={s.id} data-testid="journey-step-row" className={s.id === selectedId ? 'is-selected' : undefined}>
                  <td>{formatDate(s.at)}</td>
                  <td>{names.get(s.stakeholderId) ?? 'Former group member'}</td>
                  <td>{BUYING_JOB_LABEL[s.job]}</td>
                  <td className={s.move === 'loop_back' ? 'journey-move-loop' : undefined}>{humanize(s.move)}</td>
                  <td className="cell-notes">{s.note ?? ''}</td>
                  <td className="cell-actions">
                    <button type="button" className="button button-small" aria-pressed={s.id === selectedId} onClick={() => onSelect(s.id)}>
                      Select
                    </button>{' '}
                    <button
                      type="button"
                      className="button button-small button-danger"
                      data-testid="journey-remove-step"
                      disabled={removingId === s.id}
                      onClick={() => onRemove(s.id)}
                    >
                      Remove<span className="visually-hidden"> step of {formatDate(s.at)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
