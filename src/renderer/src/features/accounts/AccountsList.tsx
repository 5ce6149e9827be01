// Renderer: the virtualized account list. Only the rows in view (plus a few) are in the DOM, so
// 5,000 accounts render as fast as 20. ARIA listbox with aria-activedescendant: focus stays on
// the filter box or the list while the arrow keys move the active row.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AccountSummary } from '@shared/api';
import { formatMoney, formatRelative } from '@renderer/lib/format';
import { SEGMENT_LABEL } from './labels';

export const ROW_HEIGHT = 44;

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

interface Props {
  listId: string;
  accounts: readonly AccountSummary[];
  activeIndex: number;
  now: number;
  onOpen: (account: AccountSummary, index: number) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * Words a screen reader says between a row's cells, which sighted users read from the columns'
 * heads. The row's name is its own text (no aria-label), so what is heard starts with what is
 * seen (WCAG 2.5.3; axe's label-content-name-mismatch flagged a label that reworded the cells).
 */
const Said = ({ children }: { children: string }) => <span className="visually-hidden">{children}</span>;

export function AccountsList({ listId, accounts, activeIndex, now, onOpen, onKeyDown }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: accounts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < accounts.length) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, accounts.length, virtualizer]);

  return (
    <div className="list-frame">
      <div className="account-grid list-head" aria-hidden="true">
        <span>Account</span>
        <span>Industry</span>
        <span>Region</span>
        <span className="col-segment">Segment</span>
        <span className="num">Stakeholders</span>
        <span className="num">Open opps</span>
        <span className="num">Open pipeline</span>
        <span>Last interaction</span>
      </div>
      <div
        ref={scrollRef}
        id={listId}
        className="list-scroll"
        role="listbox"
        aria-label="Accounts"
        tabIndex={0}
        aria-activedescendant={accounts.length ? optionId(listId, activeIndex) : undefined}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const a = accounts[item.index]!;
            const lastSeen = formatRelative(a.lastInteractionAt, now);
            const pipeline = formatMoney(a.openPipeline, undefined, true);
            const active = item.index === activeIndex;
            return (
              <div
                key={a.id}
                id={optionId(listId, item.index)}
                role="option"
                aria-selected={active}
                aria-setsize={accounts.length}
                aria-posinset={item.index + 1}
                data-testid="account-row"
                className={`account-grid account-row${active ? ' is-active' : ''}`}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => onOpen(a, item.index)}
              >
                <span className="cell-name" title={a.name}>
                  {a.name}
                  <Said>, </Said>
                </span>
                <span className="cell-muted">
                  {a.industry}
                  <Said>, </Said>
                </span>
                <span className="cell-muted">
                  {a.region}
                  <Said>, </Said>
                </span>
                <span className="cell-muted col-segment">
                  {SEGMENT_LABEL[a.segment]}
                  <Said>; </Said>
                </span>
                {a.statsPending ? (
                  // A large workspace just opened: names first, figures a moment later.
                  <>
                    <span className="num cell-muted" aria-hidden="true">
                      …
                    </span>
                    <span className="num cell-muted" aria-hidden="true">
                      …
                    </span>
                    <span className="num cell-muted" aria-hidden="true">
                      …
                    </span>
                    <span className="cell-muted">
                      <Said>figures still </Said>counting…
                    </span>
                  </>
                ) : (
                  <>
                    <span className="num">
                      {a.stakeholderCount}
                      <Said>{a.stakeholderCount === 1 ? ' stakeholder; ' : ' stakeholders; '}</Said>
                    </span>
                    <span className="num">
                      {a.openOpportunityCount}
                      <Said>{a.openOpportunityCount === 1 ? ' open opportunity; ' : ' open opportunities; '}</Said>
                    </span>
                    <span className="num">
                      {a.openPipeline > 0 ? pipeline : <span aria-hidden="true">—</span>}
                      <Said>{a.openPipeline > 0 ? ' open pipeline; ' : 'no open pipeline; '}</Said>
                    </span>
                    <span className="cell-muted">
                      <Said>last interaction </Said>
                      {lastSeen}
                    </span>
                  </>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
