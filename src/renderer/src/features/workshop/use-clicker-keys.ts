// Renderer: clicker keys at the window level. Presentation clickers send PageDown/PageUp, arrows,
// "B" or "." — and people press Space and Enter. The listener runs in the capture phase and
// prevents the default, so Space never activates the focused button (a "Full screen" button
// would leave full screen) and never scrolls; typing in a text field is left alone.
import { useEffect, useRef } from 'react';
import { isTypingTarget, keyAction, type PresentationAction } from './presentation-state';

/** Keys that activate a focused button on key-up (Space) — swallowed there too. */
const ACTIVATES_ON_KEYUP = new Set([' ']);

const CONTROL = 'button, a[href], select, summary, [role="button"], [role="link"], [role="menuitem"], [role="tab"]';

/** Whether Space/Enter should be left to a focused control rather than taken as a clicker press. */
export function leavesToControl(key: string, target: Element | null, keepKeyboardControls: boolean, fullscreen: boolean): boolean {
  if (!keepKeyboardControls || fullscreen || (key !== ' ' && key !== 'Enter')) return false;
  return target?.closest(CONTROL) != null;
}

export function useClickerKeys(onAction: (action: PresentationAction) => void, { keepKeyboardControls = false } = {}): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target as HTMLElement | null)) return;
      // A modal dialog (a note being written) owns the keyboard.
      if (document.querySelector('dialog[open]')) return;
      if (leavesToControl(event.key, event.target as Element | null, keepKeyboardControls, document.fullscreenElement !== null)) return;
      const action = keyAction(event.key);
      if (!action) return;
      // Escape also leaves full screen by the browser's own rule; only un-blank here.
      if (event.key !== 'Escape') event.preventDefault();
      event.stopPropagation();
      if (!event.repeat || action.type === 'next' || action.type === 'prev') handler.current(action);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (!ACTIVATES_ON_KEYUP.has(event.key) || isTypingTarget(event.target as HTMLElement | null)) return;
      if (document.querySelector('dialog[open]')) return;
      if (leavesToControl(event.key, event.target as Element | null, keepKeyboardControls, document.fullscreenElement !== null)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, [keepKeyboardControls]);
}
