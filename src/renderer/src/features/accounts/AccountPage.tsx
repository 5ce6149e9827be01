// Renderer: one account, in the order a seller needs it — deals with their scores and next
// actions first, then the people, then every touch on one timeline. Log, edit and delete from
// the header; Ctrl/⌘+L logs here.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { hrefFor, navigate } from '@renderer/lib/router';
import { Loading, PageFailed } from '@renderer/components/states';
import { EngagementPanel } from '@renderer/components/scoring/EngagementPanel';
import { ConfirmDelete, impactWords } from '@renderer/components/ConfirmDelete';
import { useLog, useLogTarget } from '@renderer/components/log/log-context';
import { accountImpactQuery, meQuery } from '@renderer/data/records';
import { StakeholdersSection } from './stakeholders/StakeholdersSection';
import { teamQuery } from '@renderer/data/team';
import { AccountFacts } from './AccountFacts';
import { AccountDialog } from './AccountDialog';
import { Timeline } from './Timeline';
import { OpportunitiesSection } from './OpportunitiesSection';
import { accountQuery } from '@renderer/data/accounts';
import type { AccountId } from '@shared/domain';

function DeleteAccount({ id, name, onClose }: { id: AccountId; name: string; onClose: (deleted: boolean) => void }) {
  const impact = useQuery(accountImpactQuery(id));
  const along = impact.data ? impactWords(impact.data) : null;
  const consequence = impact.data ? (along ? `Deleting ${name} also deletes its ${along}.` : `${name} has nothing else with it.`) : null;
  return <ConfirmDelete kind="account" id={id} name={name} consequence={consequence} onClose={onClose} />;
}

export function AccountPage({ id }: { id: AccountId }) {
  const detail = useQuery(accountQuery(id));
  const team = useQuery(teamQuery());
  const me = useQuery(meQuery());
  const log = useLog();
  const [dialog, setDialog] = useState<'none' | 'edit' | 'delete'>('none');
  useLogTarget(detail.isSuccess ? { accountId: id } : null);

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
        <PageFailed heading="Account" query={detail} what="this account">
          <p>
            <a href={hrefFor({ page: 'accounts' })}>Back to all accounts</a>
          </p>
        </PageFailed>
      ) : (
        <>
          <AccountFacts
            account={detail.data.account}
            owner={detail.data.account.ownerId ? team.data?.get(detail.data.account.ownerId) : undefined}
          />
          <div className="page-actions">
            <button
              type="button"
              className="button button-primary"
              data-testid="account-log"
              aria-keyshortcuts="Control+L"
              onClick={() => log.open({ accountId: id, title: `Log an interaction · ${detail.data.account.name}` })}
            >
              Log interaction
            </button>
            <a className="button" href={hrefFor({ page: 'buying-group', accountId: id })} data-testid="account-map-buying-group">
              Map buying group
            </a>
            <a className="button" href={hrefFor({ page: 'account-journey', accountId: id })} data-testid="account-journey">
              Journey across deals
            </a>
            <button type="button" className="button" data-testid="edit-account" onClick={() => setDialog('edit')}>
              Edit account
            </button>
            <button type="button" className="button button-danger-quiet" data-testid="delete-account" onClick={() => setDialog('delete')}>
              Delete account
            </button>
          </div>
          <OpportunitiesSection accountId={id} opportunities={detail.data.opportunities} team={team.data} meId={me.data} />
          <StakeholdersSection accountId={id} stakeholders={detail.data.stakeholders} />
          <EngagementPanel accountId={id} />
          <Timeline
            interactions={detail.data.recentInteractions}
            stakeholders={detail.data.stakeholders}
            limitNote={
              detail.data.recentInteractions.length >= 50 ? "Showing the latest 50 touches; each person's page lists theirs." : undefined
            }
          />
          {dialog === 'edit' ? <AccountDialog existing={detail.data.account} onClose={() => setDialog('none')} /> : null}
          {dialog === 'delete' ? (
            <DeleteAccount
              id={id}
              name={detail.data.account.name}
              onClose={(deleted) => {
                setDialog('none');
                if (deleted) navigate({ page: 'accounts' });
              }}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
