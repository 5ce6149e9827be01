// Renderer: one account — facts, stakeholders, deals and recent interactions.
import { useQuery } from '@tanstack/react-query';
import { hrefFor } from '@renderer/lib/router';
import { ErrorState, Loading } from '@renderer/components/states';
import { EngagementPanel } from '@renderer/components/scoring/EngagementPanel';
import { StakeholdersSection } from './stakeholders/StakeholdersSection';
import { teamQuery } from '@renderer/data/team';
import { AccountFacts } from './AccountFacts';
import { InteractionsSection } from './InteractionsSection';
import { OpportunitiesSection } from './OpportunitiesSection';
import { accountQuery } from '@renderer/data/accounts';
import type { AccountId } from '@shared/domain';

export function AccountPage({ id }: { id: AccountId }) {
  const detail = useQuery(accountQuery(id));
  const team = useQuery(teamQuery());

  return (
    <section className="page" aria-labelledby="page-title">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={hrefFor({ page: 'accounts' })}>Accounts</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{detail.data?.account.name ?? '…'}</span>
      </nav>
      {detail.isPending ? (
        <Loading label="Loading the account…" />
      ) : detail.isError ? (
        <>
          <h1 id="page-title">Account</h1>
          {/* Retrying cannot bring back a deleted account; offer the way out instead. */}
          <ErrorState
            error={detail.error}
            what="this account"
            onRetry={detail.error.code === 'DS_NOT_FOUND' ? undefined : () => void detail.refetch()}
          />
          <p>
            <a href={hrefFor({ page: 'accounts' })}>Back to all accounts</a>
          </p>
        </>
      ) : (
        <>
          <AccountFacts account={detail.data.account} owner={detail.data.account.ownerId ? team.data?.get(detail.data.account.ownerId) : undefined} />
          <p className="account-links" style={{ margin: 0 }}>
            <a className="button" href={hrefFor({ page: 'buying-group', accountId: id })} data-testid="account-map-buying-group">Map buying group</a>
          </p>
          <StakeholdersSection accountId={id} stakeholders={detail.data.stakeholders} />
          <EngagementPanel accountId={id} />
          <OpportunitiesSection opportunities={detail.data.opportunities} team={team.data} />
          <InteractionsSection interactions={detail.data.recentInteractions} stakeholders={detail.data.stakeholders} />
        </>
      )}
    </section>
  );
}
