// Renderer: the Accounts page. Fetch the whole list once, filter in memory as you type.
import { USER_LOCALE } from '@renderer/lib/locale';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AccountSummary } from '@shared/api';
import { hrefFor, navigate } from '@renderer/lib/router';
import { EmptyState, ErrorState, Loading } from '@renderer/components/states';
import { useNow } from '@renderer/lib/use-now';
import { AccountsList, optionId } from './AccountsList';
import { filterAccounts, indexAccounts } from './filter';
import { nextActiveIndex } from './list-keys';
import { accountsListQuery } from '@renderer/data/accounts';
import { AccountDialog } from './AccountDialog';

const count = new Intl.NumberFormat(USER_LOCALE);

/**
 * The filter and active row outlive the page for this session, so opening an account and coming
 * back lands where you were (sellers work down a filtered list one account at a time).
 */
const remembered = { filter: '', active: 0 };

export function AccountsPage() {
  const listId = useId();
  const accounts = useQuery(accountsListQuery());
  const [creating, setCreating] = useState(false);
  const [filter, setFilterState] = useState(remembered.filter);
  const [active, setActiveState] = useState(remembered.active);
  const setFilter = (value: string) => {
    remembered.filter = value;
    setFilterState(value);
  };
  const setActive = (index: number) => {
    remembered.active = index;
    setActiveState(index);
  };
  const now = useNow(60_000);

  const index = useMemo(() => (accounts.data ? indexAccounts(accounts.data) : null), [accounts.data]);
  const visible = useMemo(() => (index ? filterAccounts(index, filter) : []), [index, filter]);
  const activeIndex = Math.min(active, Math.max(0, visible.length - 1));

  const open = (account: AccountSummary, index: number) => {
    setActive(index);
    navigate({ page: 'account', id: account.id });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      const account = visible[activeIndex];
      if (account) {
        event.preventDefault();
        open(account, activeIndex);
      }
      return;
    }
    // Home/End belong to the text caret while typing in the filter box.
    if ((event.key === 'Home' || event.key === 'End') && event.target instanceof HTMLInputElement) return;
    const next = nextActiveIndex(event.key, activeIndex, visible.length, 10);
    if (next !== null) {
      event.preventDefault();
      setActive(next);
    }
  };

  return (
    <section className="page page-fill" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Accounts</h1>
        <button type="button" className="button button-primary" data-testid="new-account" onClick={() => setCreating(true)}>
          New account
        </button>
        {creating ? (
          <AccountDialog
            onClose={(saved) => {
              setCreating(false);
              if (saved) navigate({ page: 'account', id: saved.id });
            }}
          />
        ) : null}
        {index ? (
          <p className="page-meta" data-testid="accounts-count" aria-live="polite">
            {count.format(visible.length)} of {count.format(index.accounts.length)} accounts
          </p>
        ) : null}
      </header>
      <div className="toolbar">
        <label className="visually-hidden" htmlFor={`${listId}-filter`}>
          Filter accounts
        </label>
        <input
          id={`${listId}-filter`}
          className="input filter-input"
          type="search"
          data-testid="accounts-filter"
          placeholder="Filter by name, industry or region"
          autoComplete="off"
          spellCheck={false}
          role="combobox"
          aria-expanded={visible.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={visible.length ? optionId(listId, activeIndex) : undefined}
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      {accounts.isPending ? (
        <Loading label="Loading accounts…" />
      ) : accounts.isError ? (
        <ErrorState error={accounts.error} what="the accounts" onRetry={() => void accounts.refetch()} />
      ) : index!.accounts.length === 0 ? (
        <EmptyState title="No accounts yet.">
          Accounts appear here once you <a href={hrefFor({ page: 'import' })}>import them from your CRM</a> or sync with your team.
        </EmptyState>
      ) : visible.length === 0 ? (
        <EmptyState title={`No accounts match “${filter.trim()}”.`}>
          Check the spelling, or{' '}
          <button type="button" className="link-button" onClick={() => setFilter('')}>
            clear the filter
          </button>
          .
        </EmptyState>
      ) : (
        <AccountsList listId={listId} accounts={visible} activeIndex={activeIndex} now={now} onOpen={open} onKeyDown={onKeyDown} />
      )}
    </section>
  );
}
