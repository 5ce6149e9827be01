// Renderer: "Saved · Undo" — one toast per edit or delete, with the way back. The page that made
// the change hands over how to undo it; the toast stays 10 s (longer while hovered or focused),
// and Ctrl/⌘+Z undoes the newest while no field has focus.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorWords } from '@renderer/api/errors';

interface Offer {
  id: number;
  message: string;
  undo: () => Promise<unknown>;
}
interface UndoApi {
  /** Shows `message` with an Undo button that runs `undo`. */
  offer: (message: string, undo: () => Promise<unknown>) => void;
}

const UndoContext = createContext<UndoApi | null>(null);
const SHOW_MS = 10_000;

export function useUndo(): UndoApi {
  const api = useContext(UndoContext);
  if (!api) throw new Error('DS_UI_NO_UNDO: useUndo needs an UndoProvider above it');
  return api;
}

export function UndoProvider({ children }: { children: ReactNode }) {
  const [offers, setOffers] = useState<Offer[]>([]);
  const next = useRef(1);
  const offer = useCallback((message: string, undo: () => Promise<unknown>) => {
    const id = next.current++;
    setOffers((list) => [...list.slice(-2), { id, message, undo }]);
  }, []);
  const api = useMemo(() => ({ offer }), [offer]);
  const dismiss = useCallback((id: number) => setOffers((list) => list.filter((o) => o.id !== id)), []);

  return (
    <UndoContext.Provider value={api}>
      {children}
      <div className="toast-region undo-region" role="region" aria-label="Undo">
        {offers.map((o) => (
          <UndoToast key={o.id} offer={o} onDismiss={() => dismiss(o.id)} newest={o === offers[offers.length - 1]} />
        ))}
      </div>
    </UndoContext.Provider>
  );
}

function UndoToast({ offer, onDismiss, newest }: { offer: Offer; onDismiss: () => void; newest: boolean }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null; done: boolean }>({ busy: false, error: null, done: false });
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (held || state.busy) return;
    const timer = setTimeout(onDismiss, state.done ? 3000 : SHOW_MS);
    return () => clearTimeout(timer);
  }, [held, state.busy, state.done, onDismiss]);

  const run = useCallback(() => {
    if (state.busy || state.done) return;
    setState({ busy: true, error: null, done: false });
    offer.undo().then(
      () => setState({ busy: false, error: null, done: true }),
      (error: unknown) => setState({ busy: false, error: errorWords(error), done: false }),
    );
  }, [offer, state.busy, state.done]);

  useEffect(() => {
    if (!newest) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && !typing) {
        event.preventDefault();
        run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [newest, run]);

  return (
    <div
      className="toast undo-toast"
      data-testid="undo-toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <p className="undo-message" role="status">
        {state.done ? 'Undone.' : offer.message}
      </p>
      {state.error ? (
        <p className="field-error" role="alert">
          Could not undo: {state.error}
        </p>
      ) : null}
      <div className="undo-actions">
        {state.done ? null : (
          <button type="button" className="button button-small" data-testid="undo" onClick={run} disabled={state.busy}>
            {state.busy ? 'Undoing…' : 'Undo'}
          </button>
        )}
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      </div>
    </div>
  );
}
