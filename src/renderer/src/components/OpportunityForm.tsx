// Renderer: a deal's own fields — name, amount, close date, stage, owner — to create one or to
// edit it in place. An edit sends the deal as the form opened as its base (three-way merged in
// the host) and offers Undo; a create sends the id the form made when it opened.
import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { OpportunityInput } from '@shared/api';
import { STAGES, type Opportunity, type OpportunityStatus, type Stage } from '@shared/domain';
import { newId } from '@shared/domain';
import { errorWords } from '@renderer/api/errors';
import { teamQuery } from '@renderer/data/team';
import { useUpsertOpportunity } from '@renderer/data/records';
import { now } from '@renderer/lib/clock';
import { humanize } from '@renderer/lib/format';
import { useUndo } from './undo';

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const dateInput = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const fromDateInput = (v: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12).getTime() : null;
};

const baseOf = (o: Opportunity) => {
  const { updatedAt: _u, keptConflicts: _k, ...fields } = o;
  return fields;
};

interface Props {
  accountId: string;
  existing?: Opportunity | undefined;
  defaultOwnerId?: string | undefined;
  onDone: (saved: Opportunity) => void;
  onCancel?: () => void;
}

export function OpportunityForm({ accountId, existing, defaultOwnerId, onDone, onCancel }: Props) {
  const team = useQuery(teamQuery());
  const [opened] = useState(existing);
  const [createId] = useState(() => newId<string>('opp'));
  const [values, setValues] = useState(() => ({
    name: existing?.name ?? '',
    amount: existing ? String(existing.amount) : '',
    currency: existing?.currency ?? 'USD',
    closeDate: dateInput(existing?.closeDate ?? now() + 90 * DAY),
    stage: existing?.stage ?? ('qualify' as Stage),
    status: existing?.status ?? ('open' as OpportunityStatus),
    ownerId: existing?.ownerId ?? defaultOwnerId ?? '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const upsert = useUpsertOpportunity();
  const undo = useUndo();
  const id = useId();
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const owners = team.data ? [...team.data.values()] : [];
  const ownerId = values.ownerId || owners[0]?.id || '';

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const amount = Number(values.amount.replace(/[,\s]/g, ''));
    const closeDate = fromDateInput(values.closeDate);
    if (!values.name.trim()) found['name'] = 'Enter a name for the deal.';
    if (values.amount.trim() === '' || !Number.isFinite(amount) || amount < 0)
      found['amount'] = 'Enter the amount as a number, for example 120000.';
    if (closeDate === null) found['closeDate'] = 'Choose the expected close date.';
    if (!ownerId) found['ownerId'] = 'Choose who owns the deal.';
    if (Object.keys(found).length) return setErrors(found);
    setErrors({});
    const at = now();
    const fields = {
      accountId,
      name: values.name.trim(),
      amount,
      currency: values.currency.trim().toUpperCase() || 'USD',
      closeDate: closeDate!,
      stage: values.stage,
      status: values.status,
      ownerId,
    };
    const candidate = opened
      ? {
          ...baseOf(opened),
          ...fields,
          id: opened.id,
          base: baseOf(opened),
          ...(values.status !== 'open' && opened.status === 'open' ? { closedAt: at } : {}),
        }
      : { ...fields, id: createId, createdAt: at, stageChangedAt: at, members: [] };
    const parsed = OpportunityInput.safeParse(candidate);
    if (!parsed.success) return setErrors({ form: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' ') });
    upsert.mutate(parsed.data, {
      onSuccess: (saved) => {
        if (opened) {
          const back = { ...baseOf(opened), id: opened.id, base: baseOf(saved) };
          const { stageHistory: _h, ...input } = back;
          undo.offer(`Saved ${saved.name}.`, () => upsert.mutateAsync(input as OpportunityInput));
        }
        onDone(saved);
      },
    });
  }

  const field = (key: string, label: string, input: React.ReactNode) => (
    <div className={`field${errors[key] ? ' has-error' : ''}`}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {input}
      {errors[key] ? (
        <p className="field-error" id={`${id}-${key}-error`}>
          {errors[key]}
        </p>
      ) : null}
    </div>
  );
  const aria = (key: string) => ({
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `${id}-${key}-error` : undefined,
  });

  return (
    <form className="form" data-testid="opportunity-form" onSubmit={submit} noValidate>
      {errors['form'] ? (
        <p className="form-error" role="alert">
          {errors['form']}
        </p>
      ) : null}
      <div className="form-grid cols-3">
        {field(
          'name',
          'Deal name (required)',
          <input
            id={`${id}-name`}
            name="name"
            className="input"
            value={values.name}
            onChange={(e) => set('name')(e.target.value)}
            {...aria('name')}
          />,
        )}
        {field(
          'amount',
          'Amount',
          <input
            id={`${id}-amount`}
            name="amount"
            className="input"
            inputMode="decimal"
            value={values.amount}
            onChange={(e) => set('amount')(e.target.value)}
            {...aria('amount')}
          />,
        )}
        {field(
          'currency',
          'Currency',
          <input
            id={`${id}-currency`}
            name="currency"
            className="input"
            maxLength={3}
            value={values.currency}
            onChange={(e) => set('currency')(e.target.value)}
          />,
        )}
        {field(
          'closeDate',
          'Close date',
          <input
            id={`${id}-closeDate`}
            name="closeDate"
            type="date"
            className="input"
            value={values.closeDate}
            onChange={(e) => set('closeDate')(e.target.value)}
            {...aria('closeDate')}
          />,
        )}
        {field(
          'stage',
          'Stage',
          <select id={`${id}-stage`} name="stage" className="input" value={values.stage} onChange={(e) => set('stage')(e.target.value)}>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'ownerId',
          'Owner',
          <select
            id={`${id}-ownerId`}
            name="ownerId"
            className="input"
            value={ownerId}
            onChange={(e) => set('ownerId')(e.target.value)}
            {...aria('ownerId')}
          >
            {owners.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>,
        )}
        {opened
          ? field(
              'status',
              'Status',
              <select
                id={`${id}-status`}
                name="status"
                className="input"
                value={values.status}
                onChange={(e) => set('status')(e.target.value)}
              >
                <option value="open">Open</option>
                <option value="won">Won</option>
                <option value="lost">Lost</option>
              </select>,
            )
          : null}
      </div>
      {upsert.isError ? (
        <p className="form-error" role="alert">
          {errorWords(upsert.error)}
        </p>
      ) : null}
      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button-primary" data-testid="save-opportunity" disabled={upsert.isPending}>
          {upsert.isPending ? 'Saving…' : opened ? 'Save changes' : 'Create deal'}
        </button>
      </div>
    </form>
  );
}
