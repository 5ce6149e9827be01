// Renderer: a native modal <dialog> (focus trap, Escape, inert background) that React owns, and
// that gives focus back to where it was when it closes.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** Selector of the element to focus first (default: the first field). */
  initialFocus?: string;
}

export function Modal({ title, onClose, children, className, testId, initialFocus }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // showModal focuses the close button (first in order); the first field is where work starts.
      dialog.querySelector<HTMLElement>(initialFocus ?? 'input, select, textarea')?.focus();
    }
    return () => {
      dialog?.close();
      // Back to where the user was (the button that opened us, or the page under Ctrl+L).
      if (before?.isConnected) before.focus({ preventScroll: true });
    };
  }, [initialFocus]);

  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        // Escape: let React unmount us rather than the browser closing a dialog React still owns.
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
