// Renderer: add a journey step — from a click on a lane's job band (prefilled) or the toolbar.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { OpportunityDetail } from '@shared/api';
import { BUYING_JOBS, BUYING_JOB_LABEL, JOURNEY_MOVES, type BuyingJob, type JourneyMove, type StakeholderId } from '@shared/domain';
import { SelectField, TextAreaField } from '@renderer/components/fields';
import { errorWords } from '@renderer/api/errors';
import { humanize } from '@renderer/lib/format';
import { newId, type JourneyStepId } from '@shared/domain';
import { fromDateInput, toDateInput } from './date-input';
import { suggestMove } from './journey-layout';
import { useAddStep } from './mutations';

export interface StepDraft {
  stakeholderId: StakeholderId;
  job: BuyingJob;
  at: number;
}

const MOVE_LABEL: Record<JourneyMove, string> = {
  start: 'Start (first step for this person)',
  forward: 'Move forward',
  loop_back: 'Loop back',
  stay: 'Stay in this job',
};

export function StepDialog({ detail, draft, onClose }: { detail: OpportunityDetail; draft: StepDraft; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const dateId = useId();
  const add = useAddStep();
  const [stakeholderId, setStakeholderId] = useState(draft.stakeholderId);
  const [job, setJob] = useState<BuyingJob>(draft.job);
  const [date, setDate] = useState(toDateInput(draft.at));
  const stepsOf = (id: StakeholderId) => detail.journey.filter((s) => s.stakeholderId === id).sort((a, b) => a.at - b.at);
  const [move, setMove] = useState<JourneyMove>(() => suggestMove(stepsOf(draft.stakeholderId), draft.job, draft.at));
  const [note, setNote] = useState('');
  // Made once per dialog: saving again after a dropped connection finds this step, never a second.
  const [createId] = useState(() => newId<JourneyStepId>('jst'));
  const at = fromDateInput(date);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('select[name="move"]')?.focus();
    }
    return () => dialog?.close();
  }, []);

  // Changing who, which job or when changes what the move most likely is.
  const rethink = (who: StakeholderId, j: BuyingJob, d: string) => {
    const when = fromDateInput(d);
    if (when !== null) setMove(suggestMove(stepsOf(who), j, when));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (at === null) return;
    add.mutate(
      {
        id: createId,
        accountId: detail.opportunity.accountId,
        opportunityId: detail.opportunity.id,
        stakeholderId,
        job,
        at,
        move,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: onClose },
    );
  };

  const people = detail.stakeholders.map((s) => ({ value: s.id, label: s.name }));
  return (
    <dialog
      ref={ref}
      className="dialog dialog-narrow"
      aria-labelledby={titleId}
      data-testid="journey-step-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>Add a journey step</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <form className="form" onSubmit={submit}>
        <SelectField
          name="stakeholder"
          label="Stakeholder"
          value={stakeholderId}
          options={people}
          onChange={(v) => {
            setStakeholderId(v);
            rethink(v, job, date);
          }}
        />
        <SelectField
          name="job"
          label="Buying job"
          value={job}
          options={BUYING_JOBS.map((j) => ({ value: j, label: BUYING_JOB_LABEL[j] }))}
          onChange={(v) => {
            setJob(v);
            rethink(stakeholderId, v, date);
          }}
        />
        <div className={`field${at === null ? ' has-error' : ''}`}>
          <label htmlFor={dateId}>When</label>
          <input
            id={dateId}
            name="when"
            type="date"
            className="input"
            value={date}
            required
            aria-invalid={at === null || undefined}
            onChange={(e) => {
              setDate(e.target.value);
              rethink(stakeholderId, job, e.target.value);
            }}
          />
          {at === null ? <p className="field-error">Pick a date.</p> : null}
        </div>
        <SelectField
          name="move"
          label="Move"
          value={move}
          options={JOURNEY_MOVES.map((m) => ({ value: m, label: MOVE_LABEL[m] ?? humanize(m) }))}
          onChange={(v) => setMove(v as JourneyMove)}
          hint="Suggested from where this person was on that day."
        />
        <TextAreaField
          name="note"
          label="Note (optional)"
          value={note}
          onChange={setNote}
          hint="Why did they move? e.g. “Security review reopened requirements”."
        />
        {add.isError ? (
          <p className="form-error" role="alert">
            {errorWords(add.error)}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-testid="journey-step-save" disabled={add.isPending || at === null}>
            {add.isPending ? 'Saving…' : 'Add step'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
