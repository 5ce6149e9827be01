// Renderer: "Log meeting" in a native modal <dialog> (focus trap, Escape, inert background).
// The people to tick come from the deal's buying group, then the rest of the account.
import { useEffect, useId, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ErrorState, Loading } from '@renderer/components/states';
import { accountQuery } from '@renderer/data/accounts';
import { InteractionForm } from './InteractionForm';
import type { AccountId, OpportunityId } from '@shared/domain';

interface Props {
  accountId: AccountId;
  opportunityId?: OpportunityId | undefined;
  title: string;
  preselected: readonly string[];
  onClose: (saved?: { attendees: string[] }) => void;
}

export function LogInteractionDialog({ accountId, opportunityId, title, preselected, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const detail = useQuery(accountQuery(accountId));

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const ready = detail.isSuccess;
  useEffect(() => {
    // Start in the first field once the form is there: the seller types straight away.
    if (ready) ref.current?.querySelector<HTMLElement>('form select, form input')?.focus();
  }, [ready]);

  const members = new Set(detail.data?.opportunities.find((o) => o.id === opportunityId)?.members.map((m) => m.stakeholderId) ?? []);
  const people = [...(detail.data?.stakeholders ?? [])].sort(
    (a, b) => Number(members.has(b.id)) - Number(members.has(a.id)) || a.name.localeCompare(b.name),
  );

  return (
    <dialog ref={ref} className="dialog dialog-compact" aria-labelledby={titleId} onCancel={(event) => {
      event.preventDefault();
      onClose();
    }}>
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={() => onClose()}>×</button>
      </header>
      {detail.isPending ? (
        <Loading label="Loading the buying group…" />
      ) : detail.isError ? (
        <ErrorState error={detail.error} what="the buying group" onRetry={() => void detail.refetch()} />
      ) : (
        <InteractionForm accountId={accountId} opportunityId={opportunityId} people={people} preselected={preselected} onDone={onClose} />
      )}
    </dialog>
  );
}
