// Renderer: "Who was there" — a type-ahead of the account's people (most recently met first)
// with the chosen ones as removable chips before it; Backspace in the empty box drops the last.
import type { Stakeholder } from '@shared/domain';
import { Combobox } from '../Combobox';
import { attendeeOptions } from './interaction-draft';

interface Props {
  /** The form's id: this field's error is `${id}-att-error`. */
  id: string;
  people: readonly Stakeholder[];
  lastSeen: ReadonlyMap<string, number>;
  names: ReadonlyMap<string, string>;
  attendeeIds: readonly string[];
  query: string;
  onQuery: (query: string) => void;
  error: string | undefined;
  onAdd: (personId: string) => void;
  onDrop: (personId: string) => void;
}

export function AttendeesField({ id, people, lastSeen, names, attendeeIds, query, onQuery, error, onAdd, onDrop }: Props) {
  const chips = attendeeIds.length ? (
    <ul className="chips attendee-chips" aria-label="Who was there">
      {attendeeIds.map((a) => (
        <li key={a} className="chip" data-testid="attendee-chip">
          {names.get(a) ?? 'Someone no longer listed'}
          <button type="button" className="chip-remove" aria-label={`Remove ${names.get(a) ?? 'this person'}`} onClick={() => onDrop(a)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  ) : null;

  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <Combobox
        label="Who was there"
        name="attendees"
        query={query}
        onQuery={onQuery}
        placeholder={people.length ? 'Type a name' : 'No one at this account yet'}
        options={attendeeOptions(people, lastSeen, query, attendeeIds).map((p) => ({
          id: p.id,
          label: p.name,
          hint: p.title || undefined,
        }))}
        onPick={onAdd}
        onBackspaceEmpty={() => attendeeIds.length && onDrop(attendeeIds[attendeeIds.length - 1]!)}
        invalid={Boolean(error)}
        describedBy={error ? `${id}-att-error` : undefined}
        before={chips}
      />
      {error ? (
        <p className="field-error" id={`${id}-att-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
