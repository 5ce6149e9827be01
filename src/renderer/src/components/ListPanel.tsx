// Renderer: a panel of a page that lists things — a titled header with their count (and an
// optional link), then a compact list, or a sentence when there is nothing to list.
import type { ReactNode } from 'react';

export function ListPanel<T>(props: {
  id: string;
  title: string;
  items: readonly T[];
  /** Shown when `items` is empty. */
  empty: string;
  item: (value: T) => ReactNode;
  keyOf: (value: T) => string;
  /** Numbered (a timeline) rather than bulleted. */
  ordered?: boolean;
  /** How many there are when `items` shows only some of them. */
  count?: number;
  action?: ReactNode;
  testId?: string;
}) {
  const List = props.ordered ? 'ol' : 'ul';
  return (
    <section className="panel" aria-labelledby={props.id}>
      <header className="panel-header">
        <h2 id={props.id}>
          {props.title} <span className="count">{props.count ?? props.items.length}</span>
        </h2>
        {props.action}
      </header>
      {props.items.length ? (
        <List className="compact-list" data-testid={props.testId}>
          {props.items.map((value) => (
            <li key={props.keyOf(value)}>{props.item(value)}</li>
          ))}
        </List>
      ) : (
        <p className="panel-body cell-muted">{props.empty}</p>
      )}
    </section>
  );
}
