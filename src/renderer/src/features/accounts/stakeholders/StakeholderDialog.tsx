// Renderer: the stakeholder form in a native modal <dialog> (focus trap, Escape and inert
// background for free).
import { useEffect, useId, useRef } from 'react';
import type { Stakeholder } from '@shared/domain';
import { StakeholderForm } from './StakeholderForm';

interface Props {
  accountId: string;
  existing?: Stakeholder | undefined;
  onClose: () => void;
}

export function StakeholderDialog({ accountId, existing, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // showModal focuses the close button (first in order); the first field is where work starts.
      dialog.querySelector<HTMLElement>('input, select, textarea')?.focus();
    }
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React unmount us rather than the browser closing a dialog React still owns.
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{existing ? `Edit ${existing.name}` : 'Add a stakeholder'}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <StakeholderForm accountId={accountId} existing={existing} onDone={onClose} />
    </dialog>
  );
}
