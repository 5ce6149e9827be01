// Renderer: a type-ahead (ARIA 1.2 combobox with a listbox). Typing filters, ↑/↓ move, Enter
// picks the highlighted option — or, with nothing typed, lets Enter go on to the form (save).
// The list is drawn in the flow, not floating, so a dialog never clips it.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface ComboOption {
  id: string;
  label: string;
  hint?: string | undefined;
}

interface Props {
  label: string;
  query: string;
  onQuery: (query: string) => void;
  options: readonly ComboOption[];
  onPick: (id: string) => void;
  /** Backspace in an empty field (take back the last pick). */
  onBackspaceEmpty?: () => void;
  placeholder?: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  name?: string;
  max?: number;
  before?: ReactNode;
  /** Show options before anything is typed (most relevant first). */
  openWhenEmpty?: boolean;
}

export function Combobox({
  label,
  query,
  onQuery,
  options,
  onPick,
  onBackspaceEmpty,
  placeholder,
  describedBy,
  invalid,
  name,
  max = 6,
  before,
  openWhenEmpty = true,
}: Props) {
  const id = useId();
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  const shown = options.slice(0, max);
  const open = focused && shown.length > 0 && (openWhenEmpty || query.trim() !== '');
  const current = Math.min(active, shown.length - 1);

  function pick(optionId: string) {
    onPick(optionId);
    onQuery('');
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (shown.length ? (Math.min(a, shown.length - 1) + step + shown.length) % shown.length : 0));
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && query.trim() !== '') {
      event.preventDefault();
      event.stopPropagation();
      const option = shown[current];
      if (option) pick(option.id);
    } else if (event.key === 'Escape' && query !== '') {
      // First Escape clears what was typed; the next closes the dialog.
      event.preventDefault();
      event.stopPropagation();
      onQuery('');
    } else if (event.key === 'Backspace' && query === '' && onBackspaceEmpty) {
      onBackspaceEmpty();
    }
  }

  return (
    <div className="combobox">
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className={`combobox-field${invalid ? ' has-error' : ''}`}>
        {before}
        <input
          id={`${id}-input`}
          name={name}
          className="combobox-input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-activedescendant={open && shown[current] ? `${id}-opt-${current}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          autoComplete="off"
          placeholder={placeholder}
          value={query}
          onChange={(event) => {
            onQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
        />
      </div>
      <ul id={`${id}-list`} role="listbox" aria-label={label} className="combobox-list" hidden={!open}>
        {shown.map((o, i) => (
          <li
            key={o.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'is-active' : undefined}
            // mousedown, not click: keep focus in the field so typing can go on.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(o.id);
            }}
          >
            <span>{o.label}</span>
            {o.hint ? <span className="cell-muted"> · {o.hint}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
