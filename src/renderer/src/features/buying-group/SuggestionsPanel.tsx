// Renderer: what the logged meetings and titles suggest (ghost lines on the map), each with its
// evidence; accept makes it a relationship (source "inferred"), dismiss remembers it on the
// person for the whole team (synced), so it does not come back.
import type { SuggestionView } from '@shared/api';
import { EDGE_STYLE } from './graph-model';

interface Props {
  suggestions: readonly SuggestionView[];
  nameOf: (id: string) => string;
  onAccept: (s: SuggestionView) => void;
  onDismiss: (s: SuggestionView) => void;
  busy: boolean;
}

const SHOWN = 8;

export function SuggestionsPanel({ suggestions, nameOf, onAccept, onDismiss, busy }: Props) {
  if (suggestions.length === 0) return null;
  return (
    <section className="panel bg-side-section" aria-labelledby="bg-sugg-title" data-testid="bg-suggestions">
      <h2 id="bg-sugg-title">
        Suggested from interactions <span className="count">{suggestions.length}</span>
      </h2>
      <ul className="bg-suggestions">
        {suggestions.slice(0, SHOWN).map((s) => (
          <li key={s.key} data-testid="bg-suggestion-row" data-key={s.key}>
            <p>
              <strong>{nameOf(s.fromId)}</strong> {EDGE_STYLE[s.kind].label.toLowerCase()} <strong>{nameOf(s.toId)}</strong>?
            </p>
            <p className="bg-side-scope">{s.evidence}</p>
            <span className="bg-sugg-actions">
              <button
                type="button"
                className="button button-small"
                data-testid="bg-accept-suggestion"
                disabled={busy}
                onClick={() => onAccept(s)}
              >
                Accept
              </button>
              <button
                type="button"
                className="button button-small"
                data-testid="bg-dismiss-suggestion"
                disabled={busy}
                onClick={() => onDismiss(s)}
              >
                Dismiss
              </button>
            </span>
          </li>
        ))}
      </ul>
      {suggestions.length > SHOWN ? <p className="bg-side-scope">{suggestions.length - SHOWN} more after these.</p> : null}
    </section>
  );
}
