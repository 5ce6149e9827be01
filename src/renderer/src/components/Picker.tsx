// Renderer: a filterable, virtualized picker — a page that asks "which account?" or "which
// deal?" when it was opened without one. Type to filter (every word must match), arrows move,
// Enter opens; only the rows in view are in the DOM, so 20,000 deals open as fast as 20.
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { EmptyState, ErrorState, Loading } from '@renderer/components/states';
import { hrefFor, navigate, type Route } from '@renderer/lib/router';
import { filterPickerItems, indexPickerItems, type PickerItem } from './picker-filter';

const ROW = 52;

interface Props<T extends PickerItem> {
  label: string;
  items: readonly T[];
  routeFor: (item: T) => Route;
  /** Words for the count: ['deal', 'deals']. */
  noun: [string, string];
  testId: string;
}

export function Picker<T extends PickerItem>({ label, items, routeFor, noun, testId }: Props<T>) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const index = useMemo(() => indexPickerItems(items), [items]);
  const shown = useMemo(() => filterPickerItems(index, deferred), [index, deferred]);
  const [active, setActive] = useState(0);
  const listId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 10,
  });

  useEffect(() => setActive(0), [deferred]);
  useEffect(() => {
    if (active < shown.length) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, shown.length, virtualizer]);

  const onKeyDown = (event: KeyboardEvent) => {
    const last = shown.length - 1;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW * 8) / ROW) - 1);
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, active + 1),
      ArrowUp: Math.max(0, active - 1),
      PageDown: Math.min(last, active + page),
      PageUp: Math.max(0, active - page),
    };
    if (event.key in moves && shown.length) {
      event.preventDefault();
      setActive(moves[event.key]!);
    } else if (event.key === 'Enter' && shown[active]) {
      event.preventDefault();
      navigate(routeFor(shown[active]));
    }
  };

  const count =
    shown.length === items.length
      ? `${items.length} ${items.length === 1 ? noun[0] : noun[1]}`
      : `${shown.length} of ${items.length} ${items.length === 1 ? noun[0] : noun[1]}`;
  return (
    <div className="picker-frame" data-testid={testId}>
      <div className="picker-bar">
        <input
          type="search"
          className="input picker-filter"
          role="combobox"
          aria-label={label}
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={shown.length ? `${listId}-${active}` : undefined}
          placeholder={label}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          data-testid={`${testId}-filter`}
          autoComplete="off"
        />
        <span className="picker-count" role="status" aria-live="polite">
          {count}
        </span>
      </div>
      <div ref={scrollRef} className="picker-scroll" id={listId} role="listbox" aria-label={label}>
        {shown.length === 0 ? <p className="picker-empty">Nothing matches “{query.trim()}”.</p> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = shown[row.index]!;
            return (
              <a
                key={item.id}
                id={`${listId}-${row.index}`}
                role="option"
                aria-selected={row.index === active}
                href={hrefFor(routeFor(item))}
                className={row.index === active ? 'picker-row is-active' : 'picker-row'}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${row.start}px)` }}
                tabIndex={-1}
                onMouseMove={() => setActive(row.index)}
                data-testid="picker-item"
                data-id={item.id}
              >
                <span className="cell-name">{item.title}</span>
                <span className="cell-muted">{item.subtitle}</span>
              </a>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The page around a picker: title, one sentence, then loading / error / empty / the list. */
export function PickerPage<T extends PickerItem>({
  title,
  sentence,
  state,
  what,
  ...picker
}: Props<T> & {
  title: string;
  sentence: string;
  state: Pick<UseQueryResult<unknown>, 'isPending' | 'isError' | 'error' | 'refetch'>;
  /** The plural noun in the loading, error and empty states: "accounts". */
  what: string;
}) {
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
      </header>
      <p className="page-meta">{sentence}</p>
      {state.isPending ? (
        <Loading label={`Loading ${what}…`} />
      ) : state.isError ? (
        <ErrorState error={state.error} what={`the ${what}`} onRetry={() => void state.refetch()} />
      ) : picker.items.length === 0 ? (
        <EmptyState title={`No ${what} yet.`} />
      ) : (
        <Picker {...picker} />
      )}
    </section>
  );
}
