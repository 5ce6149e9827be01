// Renderer: choose an account when a page was opened without one (e.g. from the navigation).
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Route } from '@renderer/lib/router';
import type { AccountId } from '@shared/domain';
import { accountsListQuery } from '@renderer/data/accounts';
import { plural } from '@renderer/lib/format';
import { PickerPage } from './Picker';

export function AccountPicker({
  title,
  sentence,
  routeFor,
}: {
  title: string;
  sentence: string;
  routeFor: (accountId: AccountId) => Route;
}) {
  const accounts = useQuery(accountsListQuery());
  const items = useMemo(
    () =>
      [...(accounts.data ?? [])]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((a) => ({
          id: a.id,
          title: a.name,
          subtitle: a.statsPending
            ? `${a.industry} · counting…`
            : `${a.industry} · ${plural(a.stakeholderCount, 'person', 'people')} · ${plural(a.openOpportunityCount, 'open deal', 'open deals')}`,
          keywords: `${a.region}`,
        })),
    [accounts.data],
  );
  return (
    <PickerPage
      title={title}
      sentence={sentence}
      state={accounts}
      what="accounts"
      label="Filter accounts"
      items={items}
      routeFor={(item) => routeFor(item.id)}
      noun={['account', 'accounts']}
      testId="account-picker"
    />
  );
}
