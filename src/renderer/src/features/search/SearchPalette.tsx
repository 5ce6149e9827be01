// Renderer: the search palette (Ctrl/Cmd+K or the search field in the top bar). One text field
// that is a combobox over grouped results: accounts, people, deals, interaction and workshop
// notes. Arrow keys move, Enter opens, Escape closes and focus returns where it was.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { errorWords } from '@renderer/api/errors';
import { searchQuery } from '@renderer/data/search';
import { formatDate, plural } from '@renderer/lib/format';
import { navigate } from '@renderer/lib/router';
import { flatten, GROUP_TITLE, moveActive, routeForHit, snippetParts, type PaletteOption } from './search-model';

const PER_KIND = 6;

export function SearchPalette({ initialText = '', onClose }: { initialText?: string; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const titleId = useId();
  const [text, setText] = useState(initialText);
  const [active, setActive] = useState(0);
  const results = useQuery(searchQuery({ text, limit: PER_KIND }));
  const typed = text.trim().length > 0;
  const groups = useMemo(() => (typed ? (results.data?.groups ?? []) : []), [typed, results.data]);
  const options = useMemo(() => flatten(groups), [groups]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    inputRef.current?.focus();
    return () => dialog?.close();
  }, []);
  useEffect(() => setActive(0), [text]);

  const choose = (option: PaletteOption | undefined) => {
    if (!option) return;
    onClose();
    navigate(routeForHit(option.hit));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Escape closes at once (a search field would first clear itself and swallow the key).
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      choose(options[active]);
      return;
    }
    const next = moveActive(event.key, active, options.length);
    if (next !== null) {
      event.preventDefault();
      setActive(next);
      document.getElementById(`${listId}-${next}`)?.scrollIntoView({ block: 'nearest' });
    }
  };

  const indexing = results.data?.indexing;
  let index = -1;
  return (
    <dialog
      ref={ref}
      className="dialog palette"
      aria-labelledby={titleId}
      data-testid="search-palette"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      <h2 id={titleId} className="visually-hidden">
        Search
      </h2>
      <div className="palette-field">
        <span aria-hidden="true" className="palette-icon">
          ⌕
        </span>
        <input
          ref={inputRef}
          type="search"
          role="combobox"
          aria-label="Search accounts, people, deals and notes"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={options.length ? `${listId}-${active}` : undefined}
          placeholder="Search accounts, people, deals, notes…"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          data-testid="search-input"
          autoComplete="off"
          spellCheck={false}
        />
        <kbd className="palette-kbd">Esc</kbd>
      </div>
      {/* data-results-for: the text whose results are shown (the Chromium bench times keystroke → results by it). */}
      <div
        className="palette-results"
        role="listbox"
        id={listId}
        aria-label="Results"
        data-results-for={results.isSuccess ? text : undefined}
        data-indexing={indexing && !indexing.ready ? 'true' : undefined}
      >
        {groups.map((group) => (
          <div
            key={group.kind}
            role="group"
            aria-label={GROUP_TITLE[group.kind]}
            className="palette-group"
            data-testid={`search-group-${group.kind}`}
          >
            <div className="palette-group-title" aria-hidden="true">
              {GROUP_TITLE[group.kind]}
            </div>
            {group.hits.map((hit) => {
              index++;
              const i = index;
              return (
                <div
                  key={`${hit.kind}:${hit.id}`}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'palette-option is-active' : 'palette-option'}
                  data-testid="search-result"
                  data-kind={hit.kind}
                  data-id={hit.id}
                  onMouseMove={() => setActive(i)}
                  onClick={() => choose(options[i])}
                >
                  <span className="palette-title">{hit.title || GROUP_TITLE[hit.kind]}</span>
                  <span className="palette-sub">
                    {hit.at ? `${formatDate(hit.at)} · ` : ''}
                    {hit.subtitle}
                  </span>
                  {hit.snippet ? (
                    <span className="palette-snippet">
                      {snippetParts(hit.snippet).map((part, n) =>
                        part.marked ? <mark key={n}>{part.text}</mark> : <span key={n}>{part.text}</span>,
                      )}
                    </span>
                  ) : null}
                </div>
              );
            })}
            {group.more ? (
              <div className="palette-more" aria-hidden="true">
                More {GROUP_TITLE[group.kind].toLowerCase()} match; type more to narrow.
              </div>
            ) : null}
          </div>
        ))}
      </div>
      <p className="palette-status" role="status" aria-live="polite">
        {results.isError
          ? errorWords(results.error)
          : !typed
            ? 'Type a name, a company, a deal or a word from a note.'
            : results.isFetching && !results.data
              ? 'Searching…'
              : options.length === 0
                ? `Nothing matches “${text.trim()}”.`
                : `${options.length} ${options.length === 1 ? 'result' : 'results'}${results.data?.corrected ? ', including close spellings' : ''}.`}
        {indexing && !indexing.ready ? ` Still indexing: ${indexing.indexed} of ${plural(indexing.total, 'record', 'records')}.` : ''}
      </p>
    </dialog>
  );
}
