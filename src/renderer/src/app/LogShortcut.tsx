// Renderer: Ctrl/⌘+L logs an interaction from any page — at the page's account or deal when it
// is about one (see useLogTarget), else the dialog asks which account. The topbar button does
// the same for mouse users and shows the shortcut.
import { useEffect } from 'react';
import { onAppCommand } from '@renderer/api/app-commands';
import { useLog } from '@renderer/components/log/log-context';

export function useLogShortcut(): void {
  const { openHere } = useLog();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'l') return;
      // Not over another dialog: one modal at a time.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      openHere();
    };
    window.addEventListener('keydown', onKey);
    // The desktop menu's Log interaction (its accelerator takes the key before the page does).
    const offCommand = onAppCommand((command) => {
      if (command === 'log' && !document.querySelector('dialog[open]')) openHere();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offCommand();
    };
  }, [openHere]);
}

export function LogButton() {
  const { openHere } = useLog();
  return (
    <button type="button" className="button button-small" data-testid="topbar-log" aria-keyshortcuts="Control+L" onClick={openHere}>
      Log interaction <kbd className="kbd">Ctrl+L</kbd>
    </button>
  );
}
