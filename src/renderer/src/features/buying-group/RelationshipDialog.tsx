// Renderer: create a relationship (from shift-click, Connect mode or the keyboard list) in a
// native modal <dialog>.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { RELATIONSHIP_KINDS, type AccountId, type Relationship, type Stakeholder, type StakeholderId } from '@shared/domain';
import type { RelationshipInput } from '@shared/api';
import { SelectField } from '@renderer/components/fields';
import { errorWords } from '@renderer/api/errors';
import { newId, type RelationshipId } from '@shared/domain';
import { EDGE_STYLE } from './graph-model';
import { useUpsertRelationship } from './mutations';

const STRENGTHS = [
  { value: '0.3', label: 'Weak' },
  { value: '0.6', label: 'Medium' },
  { value: '0.9', label: 'Strong' },
];

export function RelationshipDialog({
  accountId,
  people,
  fromId,
  toId,
  onClose,
  onSaved,
}: {
  accountId: AccountId;
  people: readonly Stakeholder[];
  fromId: StakeholderId | null;
  toId: StakeholderId | null;
  onClose: () => void;
  /** The relationship was written (for the map's undo). */
  onSaved?: (input: RelationshipInput, answer: Relationship) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const upsert = useUpsertRelationship();
  const [from, setFrom] = useState<StakeholderId | ''>(fromId ?? people[0]?.id ?? '');
  const [to, setTo] = useState<StakeholderId | ''>(toId ?? people.find((p) => p.id !== from)?.id ?? '');
  const [kind, setKind] = useState<(typeof RELATIONSHIP_KINDS)[number]>('influences');
  const [strength, setStrength] = useState('0.6');
  // Made once per dialog: saving again after a dropped connection finds this one, never a second.
  const [createId] = useState(() => newId<RelationshipId>('rel'));

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('select[name="kind"]')?.focus();
    }
    return () => dialog?.close();
  }, []);

  const options = people.map((p) => ({ value: p.id, label: `${p.name} — ${p.title}` }));
  const same = from === to;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (same || !from || !to) return;
    const input: RelationshipInput = {
      id: createId,
      accountId,
      fromId: from,
      toId: to,
      kind,
      strength: Number(strength),
      source: 'manual',
    };
    upsert.mutate(input, {
      onSuccess: (answer) => {
        onSaved?.(input, answer);
        onClose();
      },
    });
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog-narrow"
      aria-labelledby={titleId}
      data-testid="bg-connect-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>Add a relationship</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <form className="form" onSubmit={submit}>
        <SelectField name="from" label="From" value={from} onChange={setFrom} options={options} />
        <SelectField
          name="kind"
          label="Relationship"
          value={kind}
          onChange={setKind}
          options={RELATIONSHIP_KINDS.map((k) => ({ value: k, label: EDGE_STYLE[k].label }))}
          hint={kind === 'reports_to' ? '“From” reports to “To”. A person may have two managers.' : undefined}
        />
        <SelectField
          name="to"
          label="To"
          value={to}
          onChange={setTo}
          options={options}
          error={same ? 'Choose two different people.' : undefined}
        />
        <SelectField name="strength" label="Strength" value={strength} onChange={setStrength} options={STRENGTHS} />
        {upsert.isError ? (
          <p className="form-error" role="alert">
            {errorWords(upsert.error)}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-testid="bg-connect-save" disabled={upsert.isPending || same}>
            {upsert.isPending ? 'Saving…' : 'Add relationship'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
