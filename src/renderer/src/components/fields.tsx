// Renderer: labelled form fields with their error wired to aria-invalid/aria-describedby.
import { useId, type ReactNode } from 'react';

interface FieldProps {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
}

function Frame({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField({
  name,
  label,
  error,
  hint,
  value,
  onChange,
  type = 'text',
  list,
  required,
  autoComplete,
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'url' | 'password';
  list?: string;
  required?: boolean;
  autoComplete?: string;
}) {
  const id = useId();
  return (
    <Frame id={id} label={required ? `${label} (required)` : label} error={error} hint={hint}>
      <input
        id={id}
        name={name}
        type={type}
        className="input"
        value={value}
        list={list}
        autoComplete={autoComplete}
        // Addresses, emails and passwords are not prose; spell checking only underlines them.
        spellCheck={type === 'text' ? undefined : false}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Frame>
  );
}

export function TextAreaField({
  name,
  label,
  error,
  hint,
  value,
  onChange,
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        name={name}
        className="input"
        rows={4}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Frame>
  );
}

type SelectProps<V extends string> = FieldProps & {
  value: V;
  onChange: (value: V) => void;
  options: readonly { value: V; label: string }[];
};

/**
 * A select over known values: `V` is the options' value type (a union of words, a branded id),
 * and a select can only ever answer with one of the values it was given, so `onChange` gets `V`.
 */
export function SelectField<V extends string>(props: SelectProps<V>) {
  return <SelectFieldAt id={useId()} {...props} />;
}

/** SelectField at an id the caller chose: a form that derives all its fields' ids from one useId. */
export function SelectFieldAt<V extends string>({
  id,
  name,
  label,
  error,
  hint,
  value,
  onChange,
  options,
}: SelectProps<V> & { id: string }) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        name={name}
        className="input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(event) => onChange(event.target.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
