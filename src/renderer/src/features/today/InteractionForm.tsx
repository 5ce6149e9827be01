// Renderer: the quick interaction form. Built for speed: sensible defaults (a meeting, now, the
// person the action is about), Enter saves from any field but the notes (Ctrl/⌘+Enter there).
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  BUYING_JOBS, BUYING_JOB_LABEL, CHANNELS, DIRECTIONS, INTERACTION_KINDS, newId, type InteractionId, type InteractionKind, type Stakeholder,
} from '@shared/domain';
import { errorWords } from '@renderer/api/errors';
import { now } from '@renderer/lib/clock';
import { humanize } from '@renderer/lib/format';
import { CHANNEL_FOR_KIND, draftToInput, newDraft, SENTIMENTS, type InteractionDraft } from './interaction-draft';
import { useLogInteraction } from './mutations';

interface Props {
  accountId: string;
  opportunityId?: string | undefined;
  people: readonly Stakeholder[];
  preselected: readonly string[];
  onDone: (saved: { attendees: string[] }) => void;
}

const options = (values: readonly string[]) => values.map((v) => <option key={v} value={v}>{humanize(v)}</option>);

export function InteractionForm({ accountId, opportunityId, people, preselected, onDone }: Props) {
  const [draft, setDraft] = useState<InteractionDraft>(() => newDraft(now(), preselected));
  const [errors, setErrors] = useState<Partial<Record<'at' | 'attendeeIds', string>>>({});
  const log = useLogInteraction();
  // Made once per form: logging again after a dropped connection finds this meeting, never a second.
  const [createId] = useState(() => newId<InteractionId>('int'));
  const id = useId();
  const set = <K extends keyof InteractionDraft>(key: K, value: InteractionDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (log.isPending) return;
    const result = draftToInput(draft, accountId, opportunityId, now());
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    const names = people.filter((p) => draft.attendeeIds.includes(p.id)).map((p) => p.name);
    log.mutate({ ...result.input, id: createId }, { onSuccess: () => onDone({ attendees: names }) });
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLButtonElement) return;
    if (target instanceof HTMLTextAreaElement && !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }

  function toggle(personId: string, on: boolean) {
    set('attendeeIds', on ? [...draft.attendeeIds, personId] : draft.attendeeIds.filter((x) => x !== personId));
  }

  return (
    <form className="form" data-testid="interaction-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <div className="form-grid cols-3">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} name="kind" className="input" value={draft.kind} onChange={(e) => {
            const kind = e.target.value as InteractionKind;
            setDraft((d) => ({ ...d, kind, channel: CHANNEL_FOR_KIND[kind] }));
          }}>
            {options(INTERACTION_KINDS)}
          </select>
        </div>
        <div className={`field${errors.at ? ' has-error' : ''}`}>
          <label htmlFor={`${id}-at`}>When</label>
          <input id={`${id}-at`} name="at" type="datetime-local" className="input" value={draft.at}
            aria-invalid={errors.at ? true : undefined} aria-describedby={errors.at ? `${id}-at-error` : undefined}
            onChange={(e) => set('at', e.target.value)} />
          {errors.at ? <p className="field-error" id={`${id}-at-error`}>{errors.at}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-channel`}>Channel</label>
          <select id={`${id}-channel`} name="channel" className="input" value={draft.channel}
            onChange={(e) => set('channel', e.target.value as InteractionDraft['channel'])}>
            {options(CHANNELS)}
          </select>
        </div>
      </div>
      <fieldset className={`field${errors.attendeeIds ? ' has-error' : ''}`} aria-describedby={errors.attendeeIds ? `${id}-att-error` : undefined}>
        <legend>Who was there</legend>
        {people.length === 0 ? <p className="field-hint">No one in the buying group yet.</p> : null}
        <div className="checks">
          {people.map((p) => (
            <label key={p.id} className="check">
              <input type="checkbox" name="attendeeIds" value={p.id} checked={draft.attendeeIds.includes(p.id)}
                onChange={(e) => toggle(p.id, e.target.checked)} />
              <span>{p.name}</span>
            </label>
          ))}
        </div>
        {errors.attendeeIds ? <p className="field-error" id={`${id}-att-error`}>{errors.attendeeIds}</p> : null}
      </fieldset>
      <div className="form-grid sentiment-row">
        <fieldset className="field sentiment-field">
          <legend>How did it go?</legend>
          <div className="segmented">
            {SENTIMENTS.map((s) => (
              <label key={s.value} className={`segment sentiment-choice-${s.value + 2}`}>
                <input type="radio" name="sentiment" value={s.value} checked={draft.sentiment === s.value}
                  onChange={() => set('sentiment', s.value)} />
                <span>{s.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-direction`}>Direction</label>
          <select id={`${id}-direction`} name="direction" className="input" value={draft.direction}
            onChange={(e) => set('direction', e.target.value as InteractionDraft['direction'])}>
            {options(DIRECTIONS)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-job`}>Buying job</label>
          <select id={`${id}-job`} name="buyingJob" className="input" value={draft.buyingJob}
            onChange={(e) => set('buyingJob', e.target.value as InteractionDraft['buyingJob'])}>
            <option value="">Not sure</option>
            {BUYING_JOBS.map((j) => <option key={j} value={j}>{BUYING_JOB_LABEL[j]}</option>)}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea id={`${id}-notes`} name="notes" className="input" rows={3} value={draft.notes}
          aria-describedby={`${id}-notes-hint`} onChange={(e) => set('notes', e.target.value)} />
        <p className="field-hint" id={`${id}-notes-hint`}>Enter saves from any field; in notes, Ctrl+Enter saves.</p>
      </div>
      {log.isError ? <p className="form-error" role="alert">{errorWords(log.error)}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="save-interaction" disabled={log.isPending}>
          {log.isPending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
