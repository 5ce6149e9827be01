// Renderer: the log dialog — the form beside "Before you meet": the talking points of the people
// being added, so the seller reads them while logging or before a booked meeting. Opened
// without an account (Ctrl/⌘+L on a page about none), it first asks which account.
import type { AccountId } from '@shared/domain';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { accountQuery, accountsListQuery } from '@renderer/data/accounts';
import { Combobox } from '../Combobox';
import { Modal } from '../Modal';
import { ErrorState, Loading } from '../states';
import { TalkingPoints } from '../TalkingPoints';
import { lastSeenOf } from './interaction-draft';
import type { LogRequest } from './log-context';
import { LogForm } from './LogForm';

export function LogDialog({ request, onClose }: { request: LogRequest; onClose: (saved?: { attendees: string[] }) => void }) {
  const [accountId, setAccountId] = useState(request.accountId ?? request.existing?.accountId ?? null);
  const title = request.existing ? 'Edit interaction' : (request.title ?? 'Log an interaction');
  return (
    <Modal title={title} onClose={() => onClose()} className="dialog-log" testId="log-dialog">
      {accountId ? (
        <LogBody accountId={accountId} request={request} onClose={onClose} />
      ) : (
        <ChooseAccount onChoose={(id) => setAccountId(id as AccountId)} />
      )}
    </Modal>
  );
}

function ChooseAccount({ onChoose }: { onChoose: (id: string) => void }) {
  const accounts = useQuery(accountsListQuery());
  const [query, setQuery] = useState('');
  if (accounts.isPending) return <Loading label="Loading accounts…" />;
  if (accounts.isError) return <ErrorState error={accounts.error} what="the accounts" onRetry={() => void accounts.refetch()} />;
  const q = query.trim().toLowerCase();
  const matches = accounts.data
    .filter((a) => q === '' || a.name.toLowerCase().includes(q))
    .sort(
      (a, b) =>
        Number(b.name.toLowerCase().startsWith(q)) - Number(a.name.toLowerCase().startsWith(q)) ||
        (b.lastInteractionAt ?? 0) - (a.lastInteractionAt ?? 0),
    );
  return (
    <div className="form">
      <Combobox
        label="Which account?"
        name="account"
        query={query}
        onQuery={setQuery}
        placeholder="Type an account name"
        max={8}
        options={matches.slice(0, 8).map((a) => ({ id: a.id, label: a.name, hint: a.industry || undefined }))}
        onPick={onChoose}
      />
    </div>
  );
}

function LogBody({
  accountId,
  request,
  onClose,
}: {
  accountId: AccountId;
  request: LogRequest;
  onClose: (saved?: { attendees: string[] }) => void;
}) {
  const detail = useQuery(accountQuery(accountId));
  const [attendees, setAttendees] = useState<string[]>(() => [...(request.existing?.attendeeIds ?? request.preselected ?? [])]);
  if (detail.isPending) return <Loading label="Loading the account's people…" />;
  if (detail.isError) return <ErrorState error={detail.error} what="the account's people" onRetry={() => void detail.refetch()} />;
  const { stakeholders, opportunities, recentInteractions, account } = detail.data;
  const deal = opportunities.find((o) => o.id === request.opportunityId);
  const members = new Set(deal?.members.map((m) => m.stakeholderId as string) ?? []);
  // The deal's buying group counts as "met" so its people come before the rest of the account.
  const lastSeen = lastSeenOf(recentInteractions);
  for (const id of members) lastSeen.set(id, Math.max(lastSeen.get(id) ?? 0, Number.MAX_SAFE_INTEGER - 1));
  return (
    <div className="log-layout">
      <div className="log-main">
        <p className="page-meta log-where">
          {account.name}
          {deal ? ` · ${deal.name}` : ''}
        </p>
        <LogForm
          accountId={accountId}
          opportunityId={request.opportunityId}
          openDeals={opportunities.filter((o) => o.status === 'open')}
          people={stakeholders}
          lastSeen={lastSeen}
          preselected={request.preselected ?? []}
          existing={request.existing}
          onAttendees={setAttendees}
          onDone={onClose}
        />
      </div>
      <aside className="log-aside" aria-labelledby="before-you-meet">
        <h3 id="before-you-meet">Before you meet</h3>
        {attendees.length ? (
          <TalkingPoints accountId={accountId} stakeholderIds={attendees} headingLevel={4} />
        ) : (
          <p className="cell-muted">Add who is there to see what to talk about with each of them.</p>
        )}
      </aside>
    </div>
  );
}
