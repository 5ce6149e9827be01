// Renderer: the log form, built for speed: who (type-ahead, most recently met first), a note,
// then everything with a default (a meeting, now, the deal). Enter saves from any field but the
// notes (Ctrl/⌘+Enter there) and but the name field while a name is typed (Enter picks it).
// Editing a logged interaction uses the same form and sends the interaction as its base.
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  BUYING_JOBS,
  BUYING_JOB_LABEL,
  CHANNELS,
  DIRECTIONS,
  INTERACTION_KINDS,
  type Interaction,
  type InteractionKind,
  type Opportunity,
  type Stakeholder,
} from '@shared/domain';
import { newId, type InteractionId } from '@shared/domain';
import { errorWords } from '@renderer/api/errors';
import { useLogInteraction, useUpdateInteraction } from '@renderer/data/records';
import { now } from '@renderer/lib/clock';
import { humanize } from '@renderer/lib/format';
import { Combobox } from '../Combobox';
import { useUndo } from '../undo';
import {
  attendeeOptions,
  CHANNEL_FOR_KIND,
  draftFrom,
  draftToInput,
  newDraft,
  QUICK_TIME_LABEL,
  quickTimes,
  SENTIMENTS,
  type InteractionDraft,
} from './interaction-draft';

export interface LogFormProps {
  accountId: string;
  opportunityId?: string | undefined;
  openDeals: readonly Opportunity[];
  people: readonly Stakeholder[];
  lastSeen: ReadonlyMap<string, number>;
  preselected: readonly string[];
  existing?: Interaction | undefined;
  onAttendees: (ids: string[]) => void;
  onDone: (saved: { attendees: string[] }) => void;
}

const options = (values: readonly string[]) =>
  values.map((v) => (
    <option key={v} value={v}>
      {humanize(v)}
    </option>
  ));
const baseOf = (i: Interaction) => {
  const { updatedAt: _u, keptConflicts: _k, ...fields } = i;
  return fields;
};

export function LogForm({
  accountId,
  opportunityId,
  openDeals,
  people,
  lastSeen,
  preselected,
  existing,
  onAttendees,
  onDone,
}: LogFormProps) {
  const [draft, setDraftState] = useState<InteractionDraft>(() => (existing ? draftFrom(existing) : newDraft(now(), preselected)));
  const [deal, setDeal] = useState<string>(
    existing ? (existing.opportunityId ?? '') : (opportunityId ?? (openDeals.length === 1 ? openDeals[0]!.id : '')),
  );
  const [opened] = useState(existing);
  const [query, setQuery] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'at' | 'attendeeIds', string>>>({});
  const [times] = useState(() => quickTimes(now()));
  const log = useLogInteraction();
  const update = useUpdateInteraction();
  const undo = useUndo();
  const saving = log.isPending || update.isPending;
  const failure = log.error ?? update.error;
  // Made once per form: logging again after a dropped connection finds this meeting, never a second.
  const [createId] = useState(() => newId<InteractionId>('int'));
  const id = useId();
  const names = new Map(people.map((p) => [p.id as string, p.name]));

  const setDraft = (next: (d: InteractionDraft) => InteractionDraft) =>
    setDraftState((d) => {
      const n = next(d);
      if (n.attendeeIds !== d.attendeeIds) onAttendees(n.attendeeIds);
      return n;
    });
  const set = <K extends keyof InteractionDraft>(key: K, value: InteractionDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const addAttendee = (personId: string) => {
    set('attendeeIds', [...draft.attendeeIds, personId]);
    setErrors((e) => ({ ...e, attendeeIds: undefined }));
  };
  const dropAttendee = (personId: string) =>
    set(
      'attendeeIds',
      draft.attendeeIds.filter((x) => x !== personId),
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const result = draftToInput(draft, accountId, deal || undefined, now());
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    const attendees = draft.attendeeIds.map((a) => names.get(a) ?? 'someone');
    if (opened) {
      const base = baseOf(opened);
      const { opportunityId: _o, ...rest } = result.input;
      // The deal link is the form's too: cleared here means cleared.
      const edit = { ...base, ...rest, ...(deal ? { opportunityId: deal as never } : { opportunityId: undefined }), id: opened.id, base };
      update.mutate(edit, {
        onSuccess: (saved) => {
          undo.offer('Interaction saved.', () => update.mutateAsync({ ...baseOf(opened), id: opened.id, base: baseOf(saved) }));
          onDone({ attendees });
        },
      });
    } else {
      log.mutate({ ...result.input, id: createId }, { onSuccess: () => onDone({ attendees }) });
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLButtonElement) return;
    if (target instanceof HTMLTextAreaElement && !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }

  const chips = draft.attendeeIds.length ? (
    <ul className="chips attendee-chips" aria-label="Who was there">
      {draft.attendeeIds.map((a) => (
        <li key={a} className="chip" data-testid="attendee-chip">
          {names.get(a) ?? 'Someone no longer listed'}
          <button
            type="button"
            className="chip-remove"
            aria-label={`Remove ${names.get(a) ?? 'this person'}`}
            onClick={() => dropAttendee(a)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  ) : null;

  return (
    <form className="form" data-testid="interaction-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <div className={`field${errors.attendeeIds ? ' has-error' : ''}`}>
        <Combobox
          label="Who was there"
          name="attendees"
          query={query}
          onQuery={setQuery}
          placeholder={people.length ? 'Type a name' : 'No one at this account yet'}
          options={attendeeOptions(people, lastSeen, query, draft.attendeeIds).map((p) => ({
            id: p.id,
            label: p.name,
            hint: p.title || undefined,
          }))}
          onPick={addAttendee}
          onBackspaceEmpty={() => draft.attendeeIds.length && dropAttendee(draft.attendeeIds[draft.attendeeIds.length - 1]!)}
          invalid={Boolean(errors.attendeeIds)}
          describedBy={errors.attendeeIds ? `${id}-att-error` : undefined}
          before={chips}
        />
        {errors.attendeeIds ? (
          <p className="field-error" id={`${id}-att-error`}>
            {errors.attendeeIds}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea
          id={`${id}-notes`}
          name="notes"
          className="input"
          rows={3}
          value={draft.notes}
          aria-describedby={`${id}-notes-hint`}
          onChange={(e) => set('notes', e.target.value)}
        />
        <p className="field-hint" id={`${id}-notes-hint`}>
          Ctrl+Enter saves from anywhere; Enter saves from any other field.
        </p>
      </div>
      <fieldset className={`field${errors.at ? ' has-error' : ''}`}>
        <legend>When</legend>
        <div className="when-row">
          <div className="segmented" role="radiogroup" aria-label="Quick times">
            {times.map((t) => (
              <label key={t.key} className="segment">
                <input type="radio" name="when" value={t.key} checked={draft.at === t.at} onChange={() => set('at', t.at)} />
                <span>{QUICK_TIME_LABEL[t.key]}</span>
              </label>
            ))}
          </div>
          <label className="visually-hidden" htmlFor={`${id}-at`}>
            Exact date and time
          </label>
          <input
            id={`${id}-at`}
            name="at"
            type="datetime-local"
            className="input when-exact"
            value={draft.at}
            aria-invalid={errors.at ? true : undefined}
            aria-describedby={errors.at ? `${id}-at-error` : undefined}
            onChange={(e) => set('at', e.target.value)}
          />
        </div>
        {errors.at ? (
          <p className="field-error" id={`${id}-at-error`}>
            {errors.at}
          </p>
        ) : null}
      </fieldset>
      <div className="form-grid cols-3">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            name="kind"
            className="input"
            value={draft.kind}
            onChange={(e) => {
              const kind = e.target.value as InteractionKind;
              setDraft((d) => ({ ...d, kind, channel: CHANNEL_FOR_KIND[kind] }));
            }}
          >
            {options(INTERACTION_KINDS)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-deal`}>Deal</label>
          <select id={`${id}-deal`} name="opportunityId" className="input" value={deal} onChange={(e) => setDeal(e.target.value)}>
            <option value="">No deal</option>
            {openDeals.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
            {deal && !openDeals.some((o) => o.id === deal) ? <option value={deal}>This deal</option> : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-channel`}>Channel</label>
          <select
            id={`${id}-channel`}
            name="channel"
            className="input"
            value={draft.channel}
            onChange={(e) => set('channel', e.target.value as InteractionDraft['channel'])}
          >
            {options(CHANNELS)}
          </select>
        </div>
      </div>
      <div className="form-grid sentiment-row">
        <fieldset className="field sentiment-field">
          <legend>How did it go?</legend>
          <div className="segmented">
            {SENTIMENTS.map((s) => (
              <label key={s.value} className={`segment sentiment-choice-${s.value + 2}`}>
                <input
                  type="radio"
                  name="sentiment"
                  value={s.value}
                  checked={draft.sentiment === s.value}
                  onChange={() => set('sentiment', s.value)}
                />
                <span>{s.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-direction`}>Direction</label>
          <select
            id={`${id}-direction`}
            name="direction"
            className="input"
            value={draft.direction}
            onChange={(e) => set('direction', e.target.value as InteractionDraft['direction'])}
          >
            {options(DIRECTIONS)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-job`}>Buying job</label>
          <select
            id={`${id}-job`}
            name="buyingJob"
            className="input"
            value={draft.buyingJob}
            onChange={(e) => set('buyingJob', e.target.value as InteractionDraft['buyingJob'])}
          >
            <option value="">Not sure</option>
            {BUYING_JOBS.map((j) => (
              <option key={j} value={j}>
                {BUYING_JOB_LABEL[j]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {failure ? (
        <p className="form-error" role="alert">
          {errorWords(failure)}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="save-interaction" disabled={saving}>
          {saving ? 'Saving…' : opened ? 'Save changes' : 'Save'}
        </button>
      </div>
    </form>
  );
}
