// Renderer: create or edit an account in a dialog. An edit carries the account as the form opened
// as its base and offers Undo; a create uses the id made when the form opened (a retry never
// makes two) and goes to the new account's page.
import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { AccountInput } from '@shared/api';
import type { Account } from '@shared/domain';
import { newId } from '@shared/domain';
import { errorWords } from '@renderer/api/errors';
import { Modal } from '@renderer/components/Modal';
import { useUndo } from '@renderer/components/undo';
import { useUpsertAccount } from '@renderer/data/records';
import { teamQuery } from '@renderer/data/team';
import { SEGMENT_LABEL } from './labels';

const baseOf = (a: Account) => {
  const { updatedAt: _u, keptConflicts: _k, ...fields } = a;
  return fields;
};

export function AccountDialog({ existing, onClose }: { existing?: Account | undefined; onClose: (saved?: Account) => void }) {
  const [opened] = useState(existing);
  const [createId] = useState(() => newId<string>('acc'));
  const [v, setV] = useState(() => ({
    name: existing?.name ?? '',
    industry: existing?.industry ?? '',
    region: existing?.region ?? '',
    segment: existing?.segment ?? ('mid_market' as Account['segment']),
    employees: existing?.employees?.toString() ?? '',
    website: existing?.website ?? '',
    ownerId: existing?.ownerId ?? '',
  }));
  const [error, setError] = useState<string | null>(null);
  const team = useQuery(teamQuery());
  const upsert = useUpsertAccount();
  const undo = useUndo();
  const id = useId();
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((prev) => ({ ...prev, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!v.name.trim()) return setError('Enter the account name.');
    const employees = v.employees.trim() === '' ? undefined : Number(v.employees.replace(/[,\s]/g, ''));
    if (employees !== undefined && (!Number.isInteger(employees) || employees < 0))
      return setError('Employees: enter a whole number, or leave it empty.');
    const fields = {
      name: v.name.trim(),
      industry: v.industry.trim(),
      region: v.region.trim(),
      segment: v.segment,
      employees,
      website: v.website.trim() || undefined,
      ownerId: v.ownerId || undefined,
    };
    const candidate = opened ? { ...baseOf(opened), ...fields, id: opened.id, base: baseOf(opened) } : { ...fields, id: createId };
    const parsed = AccountInput.safeParse(candidate);
    if (!parsed.success) return setError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' '));
    setError(null);
    upsert.mutate(parsed.data, {
      onSuccess: (saved) => {
        if (opened) undo.offer(`Saved ${saved.name}.`, () => upsert.mutateAsync({ ...baseOf(opened), id: opened.id, base: baseOf(saved) }));
        onClose(saved);
      },
      onError: (e) => setError(errorWords(e)),
    });
  }

  const text = (key: keyof typeof v, label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} name={key} className="input" value={v[key]} onChange={set(key)} />
    </div>
  );

  return (
    <Modal title={opened ? `Edit ${opened.name}` : 'New account'} onClose={() => onClose()} testId="account-dialog">
      <form className="form" data-testid="account-form" onSubmit={submit} noValidate>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-grid cols-2">
          {text('name', 'Name (required)')}
          {text('industry', 'Industry')}
          {text('region', 'Region')}
          <div className="field">
            <label htmlFor={`${id}-segment`}>Segment</label>
            <select id={`${id}-segment`} name="segment" className="input" value={v.segment} onChange={set('segment')}>
              {(Object.keys(SEGMENT_LABEL) as Account['segment'][]).map((s) => (
                <option key={s} value={s}>
                  {SEGMENT_LABEL[s]}
                </option>
              ))}
            </select>
          </div>
          {text('employees', 'Employees')}
          {text('website', 'Website')}
          <div className="field">
            <label htmlFor={`${id}-owner`}>Owner</label>
            <select id={`${id}-owner`} name="ownerId" className="input" value={v.ownerId} onChange={set('ownerId')}>
              <option value="">Nobody yet</option>
              {[...(team.data?.values() ?? [])].map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => onClose()}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-testid="save-account" disabled={upsert.isPending}>
            {upsert.isPending ? 'Saving…' : opened ? 'Save changes' : 'Create account'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
