// Renderer: "Delete Acme?" — says what goes with it before anything goes, deletes, then offers
// Undo (the host answers a delete with everything it removed; restoring writes it all back).
import { useState } from 'react';
import type { RemovalImpact } from '@shared/api';
import { errorWords } from '@renderer/api/errors';
import { useRemove, useRestore, type RemovableKind } from '@renderer/data/records';
import { Modal } from './Modal';
import { useUndo } from './undo';

const rules = new Intl.PluralRules('en');
function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${rules.select(n) === 'one' ? one : many}`;
}

/** "its 3 deals, 40 people and 200 interactions" — only what there is. */
export function impactWords(impact: RemovalImpact): string {
  const parts = [
    plural(impact.opportunities, 'deal'),
    plural(impact.stakeholders, 'person', 'people'),
    plural(impact.relationships, 'relationship'),
    plural(impact.interactions, 'interaction'),
    plural(impact.journeysteps, 'journey step'),
    plural(impact.workshopnotes, 'workshop note'),
  ].filter(
    (_, i) =>
      [impact.opportunities, impact.stakeholders, impact.relationships, impact.interactions, impact.journeysteps, impact.workshopnotes][
        i
      ]! > 0,
  );
  if (parts.length === 0) return '';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

interface Props {
  kind: RemovableKind;
  id: string;
  name: string;
  /** The sentence about what goes along (null while it is counted). */
  consequence: string | null;
  onClose: (deleted: boolean) => void;
}

export function ConfirmDelete({ kind, id, name, consequence, onClose }: Props) {
  const remove = useRemove(kind);
  const restore = useRestore();
  const undo = useUndo();
  const [error, setError] = useState<string | null>(null);

  const confirm = () => {
    remove.mutate(id, {
      onSuccess: ({ removed }) => {
        undo.offer(`Deleted ${name}.`, () => restore.mutateAsync(removed));
        onClose(true);
      },
      onError: (e) => setError(errorWords(e)),
    });
  };

  return (
    <Modal
      title={`Delete ${name}?`}
      onClose={() => onClose(false)}
      className="dialog-compact"
      testId="confirm-delete"
      initialFocus="[data-autofocus]"
    >
      <div className="form">
        <p data-testid="delete-consequence">{consequence ?? 'Counting what goes with it…'}</p>
        <p className="field-hint">You can undo this for a few seconds after.</p>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button" data-autofocus onClick={() => onClose(false)}>
            Keep it
          </button>
          <button
            type="button"
            className="button button-danger"
            data-testid="confirm-delete-button"
            disabled={remove.isPending || consequence === null}
            onClick={confirm}
          >
            {remove.isPending ? 'Deleting…' : `Delete ${kind === 'opportunity' ? 'deal' : kind === 'stakeholder' ? 'person' : kind}`}
          </button>
        </div>
      </div>
    </Modal>
  );
}
