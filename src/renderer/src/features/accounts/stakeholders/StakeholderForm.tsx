// Renderer: add or edit one stakeholder. Validates with StakeholderInput before sending, shows
// errors beside their fields, and maps the host's own validation errors the same way.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '@shared/api';
import { BUYING_ROLES, BUYING_ROLE_LABEL, STANCES, type Stakeholder } from '@shared/domain';
import { errorWords } from '@renderer/api/errors';
import { SelectField, TextAreaField, TextField } from '@renderer/components/fields';
import { newId } from '@shared/domain';
import { emptyValues, fieldErrors, validate, valuesFrom, type FieldErrors, type StakeholderFormValues } from './form-model';
import { useUpsertStakeholder } from './mutations';
import { STANCE_LABEL } from '@renderer/components/StanceBadge';

const STANCE_OPTIONS = STANCES.map((s) => ({ value: s, label: STANCE_LABEL[s] }));
const INFLUENCE_OPTIONS = [
  { value: '1', label: '1 — little sway' },
  { value: '2', label: '2' },
  { value: '3', label: '3 — heard' },
  { value: '4', label: '4' },
  { value: '5', label: '5 — decisive' },
];

function timeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

interface Props {
  accountId: string;
  existing?: Stakeholder | undefined;
  onDone: () => void;
}

export function StakeholderForm({ accountId, existing, onDone }: Props) {
  const [values, setValues] = useState<StakeholderFormValues>(() => (existing ? valuesFrom(existing) : emptyValues()));
  // The base of the edit is the person as the form opened; a refetch while it is open must not
  // move it, or the host would read the form's old values as changes back.
  const [opened] = useState(existing);
  const [createId] = useState(() => newId<string>('stk'));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const upsert = useUpsertStakeholder();
  const zones = useMemo(timeZones, []);

  const set =
    <K extends keyof StakeholderFormValues>(key: K) =>
    (value: StakeholderFormValues[K]) => {
      setValues((prev) => ({ ...prev, [key]: value }));
      if (errors[key]) setErrors((prev) => ({ ...prev, [key]: undefined }));
    };

  const showErrors = (fields: FieldErrors, other: string[]) => {
    setErrors(fields);
    setFormError(other.length ? other.join(' ') : 'Some fields need attention: see the notes in red below.');
    // Move focus to the first field in trouble so keyboard and screen reader users land on it.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = validate(values, { accountId, existing: opened, newId: createId });
    if (!result.ok) return showErrors(result.errors, result.other);
    setFormError(null);
    try {
      await upsert.mutateAsync(result.input);
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DS_API_INVALID_INPUT' && Array.isArray(error.details)) {
        const mapped = fieldErrors(error.details as { path: string[]; message: string }[]);
        return showErrors(mapped.fields, mapped.other.length ? mapped.other : [errorWords(error)]);
      }
      setFormError(errorWords(error));
    }
  };

  const toggleRole = (role: (typeof BUYING_ROLES)[number], on: boolean) =>
    set('buyingRoles')(on ? [...values.buyingRoles, role] : values.buyingRoles.filter((r) => r !== role));

  return (
    <form ref={formRef} className="form" data-testid="stakeholder-form" noValidate onSubmit={onSubmit}>
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="form-grid cols-2">
        <TextField name="name" label="Name" required value={values.name} onChange={set('name')} error={errors.name} />
        <TextField name="title" label="Title" value={values.title} onChange={set('title')} error={errors.title} />
        <TextField name="department" label="Department" value={values.department} onChange={set('department')} error={errors.department} />
        <TextField name="email" label="Email" type="email" value={values.email} onChange={set('email')} error={errors.email} />
      </div>
      <fieldset className={`field roles${errors.buyingRoles ? ' has-error' : ''}`}>
        <legend>Buying roles</legend>
        <div className="checks">
          {BUYING_ROLES.map((role) => (
            <label key={role} className="check">
              <input
                type="checkbox"
                name="buyingRoles"
                value={role}
                checked={values.buyingRoles.includes(role)}
                onChange={(event) => toggleRole(role, event.target.checked)}
              />
              {BUYING_ROLE_LABEL[role]}
            </label>
          ))}
        </div>
        {errors.buyingRoles ? <p className="field-error">{errors.buyingRoles}</p> : null}
      </fieldset>
      <div className="form-grid cols-3">
        <SelectField
          name="stance"
          label="Stance"
          value={values.stance}
          options={STANCE_OPTIONS}
          onChange={(v) => set('stance')(v as StakeholderFormValues['stance'])}
          error={errors.stance}
        />
        <SelectField
          name="influence"
          label="Influence"
          value={values.influence}
          options={INFLUENCE_OPTIONS}
          onChange={set('influence')}
          error={errors.influence}
        />
        <TextField
          name="timezone"
          label="Time zone"
          list="ds-time-zones"
          value={values.timezone}
          onChange={set('timezone')}
          error={errors.timezone}
          hint="For example Europe/Berlin"
        />
      </div>
      <datalist id="ds-time-zones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <div className="form-grid cols-2">
        <TextAreaField name="needs" label="Needs" hint="One per line" value={values.needs} onChange={set('needs')} error={errors.needs} />
        <TextAreaField name="pains" label="Pains" hint="One per line" value={values.pains} onChange={set('pains')} error={errors.pains} />
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" data-testid="save-stakeholder" disabled={upsert.isPending}>
          {upsert.isPending ? 'Saving…' : existing ? 'Save changes' : 'Add stakeholder'}
        </button>
      </div>
    </form>
  );
}
