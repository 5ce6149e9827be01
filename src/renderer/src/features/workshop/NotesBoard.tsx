// Renderer: the sticky notes, in a column per buying job; click a note to edit it.
import { formatDate, plural } from '@renderer/lib/format';
import type { OpportunityDetail } from '@shared/api';
import { BUYING_JOB_LABEL, type WorkshopNote, type WorkshopNoteId } from '@shared/domain';
import { boardColumns, NOTE_COLOR_LABEL } from './board';

export function NotesBoard({
  detail,
  onEdit,
  onRemove,
  removingId,
  onAddIn,
}: {
  detail: OpportunityDetail;
  onEdit: (note: WorkshopNote) => void;
  onRemove: (id: WorkshopNoteId) => void;
  removingId: WorkshopNoteId | null;
  onAddIn: (job: WorkshopNote['job']) => void;
}) {
  const names = new Map<string, string>(detail.stakeholders.map((s) => [s.id, s.name]));
  return (
    <section className="workshop-board" aria-labelledby="workshop-board-title">
      <h2 id="workshop-board-title" className="visually-hidden">
        Sticky notes
      </h2>
      {boardColumns(detail.notes).map((col) => {
        const label = col.job ? BUYING_JOB_LABEL[col.job] : 'Any job';
        return (
          <div
            key={col.job ?? 'any'}
            className="workshop-column"
            role="group"
            aria-label={`${label}: ${plural(col.notes.length, 'note', 'notes')}`}
          >
            <h3>
              {label} <span className="count">{col.notes.length}</span>
            </h3>
            <ul>
              {col.notes.map((n) => (
                <li key={n.id} className={`workshop-note note-${n.color}`} data-testid="workshop-note">
                  <button
                    type="button"
                    className="workshop-note-body"
                    onClick={() => onEdit(n)}
                    aria-label={`${NOTE_COLOR_LABEL[n.color]} note: ${n.text}. Edit`}
                  >
                    <span className="workshop-note-text">{n.text}</span>
                    {n.stakeholderId || n.at !== undefined ? (
                      <span className="workshop-note-who" data-testid="workshop-note-who">
                        {[
                          n.stakeholderId ? (names.get(n.stakeholderId) ?? 'Former member') : null,
                          n.at !== undefined ? formatDate(n.at) : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    ) : null}
                  </button>
                  <button
                    type="button"
                    className="workshop-note-remove"
                    aria-label={`Remove note “${n.text.slice(0, 40)}”`}
                    data-testid="workshop-note-remove"
                    disabled={removingId === n.id}
                    onClick={() => onRemove(n.id)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" className="workshop-add-here" onClick={() => onAddIn(col.job ?? undefined)}>
              + Note<span className="visually-hidden"> in {label}</span>
            </button>
          </div>
        );
      })}
    </section>
  );
}
