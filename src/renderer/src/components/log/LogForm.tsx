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
import { SelectFieldAt } from '../fields';
import { useUndo } from '../undo';
import { AttendeesField } from './AttendeesField';
import { WhenField } from './WhenField';
import {
  CHANNEL_FOR_KIND,
  draftFrom,
  draftToInput,
  editOf,
  enterSaves,
  newDraft,
  quickTimes,
  SENTIMENTS,
  undoEditOf,
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

/** A select's options for a list of words, each in plain words. */
const options = <V extends string>(values: readonly V[]) => values.map((v) => ({ value: v, label: humanize(v) }));
const JOB_OPTIONS = [{ value: '' as const, label: 'Not sure' }, ...BUYING_JOBS.map((j) => ({ value: j, label: BUYING_JOB_LABEL[j] }))];

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
      update.mutate(editOf(opened, result.input, deal), {
        onSuccess: (saved) => {
          undo.offer('Interaction saved.', () => update.mutateAsync(undoEditOf(opened, saved)));
          onDone({ attendees });
        },
      });
    } else {
      log.mutate({ ...result.input, id: createId }, { onSuccess: () => onDone({ attendees }) });
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    const saves = enterSaves({
      key: event.key,
      composing: event.nativeEvent.isComposing,
      handled: event.defaultPrevented,
      ctrlOrMeta: event.ctrlKey || event.metaKey,
      target: target instanceof HTMLButtonElement ? 'button' : target instanceof HTMLTextAreaElement ? 'textarea' : 'other',
    });
    if (!saves) return;
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }

  const dealOptions = [
    { value: '', label: 'No deal' },
    ...openDeals.map((o) => ({ value: o.id as string, label: o.name })),
    ...(deal && !openDeals.some((o) => o.id === deal) ? [{ value: deal, label: 'This deal' }] : []),
  ];

  return (
    <form className="form" data-testid="interaction-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <AttendeesField
        id={id}
        people={people}
        lastSeen={lastSeen}
        names={names}
        attendeeIds={draft.attendeeIds}
        query={query}
        onQuery={setQuery}
        error={errors.attendeeIds}
        onAdd={addAttendee}
        onDrop={dropAttendee}
      />
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
      <WhenField id={id} times={times} at={draft.at} error={errors.at} onAt={(at) => set('at', at)} />
      <div className="form-grid cols-3">
        <SelectFieldAt
          id={`${id}-kind`}
          name="kind"
          label="Kind"
          value={draft.kind}
          options={options(INTERACTION_KINDS)}
          onChange={(kind: InteractionKind) => setDraft((d) => ({ ...d, kind, channel: CHANNEL_FOR_KIND[kind] }))}
        />
        <SelectFieldAt id={`${id}-deal`} name="opportunityId" label="Deal" value={deal} options={dealOptions} onChange={setDeal} />
        <SelectFieldAt
          id={`${id}-channel`}
          name="channel"
          label="Channel"
          value={draft.channel}
          options={options(CHANNELS)}
          onChange={(channel) => set('channel', channel)}
        />
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
        <SelectFieldAt
          id={`${id}-direction`}
          name="direction"
          label="Direction"
          value={draft.direction}
          options={options(DIRECTIONS)}
          onChange={(direction) => set('direction', direction)}
        />
        <SelectFieldAt
          id={`${id}-job`}
          name="buyingJob"
          label="Buying job"
          value={draft.buyingJob}
          options={JOB_OPTIONS}
          onChange={(job) => set('buyingJob', job)}
        />
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
