// Renderer: add or edit a sticky note, large enough to type into in front of the room.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { OpportunityDetail } from '@shared/api';
import { BUYING_JOBS, BUYING_JOB_LABEL, journeyStepWindow, type BuyingJob, type StakeholderId, type WorkshopNote } from '@shared/domain';
import { SelectField } from '@renderer/components/fields';
import { errorWords } from '@renderer/api/errors';
import { newId, type WorkshopNoteId } from '@shared/domain';
import { now as clockNow } from '@renderer/lib/clock';
import { fromDateInput, toDateInput } from '../journey/date-input';
import { NOTE_COLORS, NOTE_COLOR_LABEL, type NoteColor } from './board';
import { useUpsertNote } from './mutations';

export interface NoteDraft {
  existing?: WorkshopNote;
  job?: BuyingJob | undefined;
  stakeholderId?: StakeholderId | undefined;
  /** Where on the time axis the facilitator clicked. */
  at?: number | undefined;
}

/** The fields the dialog edits, as it saw them. */
export function noteBase(note: WorkshopNote) {
  const { updatedAt: _updatedAt, keptConflicts: _kept, ...fields } = note;
  return fields;
}

export function NoteDialog({ detail, draft, onClose }: { detail: OpportunityDetail; draft: NoteDraft; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const upsert = useUpsertNote();
  // The note as the dialog opened is the base of the edit (a refetch must not move it); a new
  // note gets its id now, so saving twice after a dropped connection makes one note.
  const [e] = useState(draft.existing);
  const [createId] = useState(() => newId<WorkshopNoteId>('wsn'));
  const [text, setText] = useState(e?.text ?? '');
  const [color, setColor] = useState<NoteColor>(e?.color ?? 'yellow');
  const [job, setJob] = useState<BuyingJob | ''>(e?.job ?? draft.job ?? '');
  const [who, setWho] = useState<StakeholderId | ''>(e?.stakeholderId ?? draft.stakeholderId ?? '');
  const [date, setDate] = useState(() => {
    const at = e ? e.at : draft.at;
    return at === undefined ? '' : toDateInput(at);
  });
  const [touched, setTouched] = useState(false);
  const dateId = useId();
  const empty = text.trim() === '';
  // The note's time is optional; when set it lies within the deal's life, like a step (the host checks too).
  const [lo, hi] = journeyStepWindow(detail.opportunity, clockNow());
  const at = date === '' ? undefined : fromDateInput(date);
  const badDate = at === null || (at !== undefined && (at < lo || at > hi));

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('textarea')?.focus();
    }
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (empty || badDate) return;
    upsert.mutate(
      {
        ...(e ? { id: e.id, authorId: e.authorId, createdAt: e.createdAt, base: noteBase(e) } : { id: createId }),
        accountId: detail.opportunity.accountId,
        opportunityId: detail.opportunity.id,
        text: text.trim(),
        color,
        ...(job ? { job } : {}),
        ...(who ? { stakeholderId: who } : {}),
        ...(at !== undefined && at !== null ? { at } : {}),
      },
      { onSuccess: onClose },
    );
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog-narrow workshop-dialog"
      aria-labelledby={titleId}
      data-testid="workshop-note-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{e ? 'Edit the note' : 'Add a note'}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <form className="form" onSubmit={submit} noValidate>
        <div className={`field${touched && empty ? ' has-error' : ''}`}>
          <label htmlFor={textId}>What did the room say? (required)</label>
          <textarea
            id={textId}
            name="text"
            className={`input workshop-note-input note-${color}`}
            rows={4}
            value={text}
            maxLength={2000}
            aria-invalid={(touched && empty) || undefined}
            onChange={(ev) => setText(ev.target.value)}
          />
          {touched && empty ? <p className="field-error">Write something on the note first.</p> : null}
        </div>
        <fieldset className="field">
          <legend>Colour</legend>
          <div className="workshop-swatches">
            {NOTE_COLORS.map((c) => (
              <label key={c} className={`workshop-swatch note-${c}`}>
                <input type="radio" name="color" value={c} checked={color === c} onChange={() => setColor(c)} />
                {NOTE_COLOR_LABEL[c]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-grid cols-2">
          <SelectField
            name="job"
            label="Buying job"
            value={job}
            onChange={setJob}
            options={[{ value: '', label: 'Any job' }, ...BUYING_JOBS.map((j) => ({ value: j, label: BUYING_JOB_LABEL[j] }))]}
          />
          <SelectField
            name="stakeholder"
            label="About"
            value={who}
            onChange={setWho}
            options={[{ value: '', label: 'The whole group' }, ...detail.stakeholders.map((s) => ({ value: s.id, label: s.name }))]}
          />
        </div>
        <div className={`field${touched && badDate ? ' has-error' : ''}`}>
          <label htmlFor={dateId}>When (optional)</label>
          <div className="workshop-note-when">
            <input
              id={dateId}
              name="when"
              type="date"
              className="input"
              value={date}
              min={toDateInput(lo)}
              max={toDateInput(hi)}
              aria-invalid={(touched && badDate) || undefined}
              aria-describedby={`${dateId}-hint`}
              onChange={(ev) => setDate(ev.target.value)}
            />
            {date ? (
              <button type="button" className="button button-small" onClick={() => setDate('')}>
                No time
              </button>
            ) : null}
          </div>
          <p className="field-hint" id={`${dateId}-hint`}>
            {touched && badDate
              ? `Pick a day from ${toDateInput(lo)} to ${toDateInput(hi)}, the deal's life, or leave it empty.`
              : 'The moment the note is about. Empty: the time this person was in that job.'}
          </p>
        </div>
        {upsert.isError ? (
          <p className="form-error" role="alert">
            {errorWords(upsert.error)}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-testid="workshop-note-save" disabled={upsert.isPending}>
            {upsert.isPending ? 'Saving…' : e ? 'Save note' : 'Add note'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
