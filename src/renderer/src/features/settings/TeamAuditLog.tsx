// Renderer: the workspace's audit log (newest first) — who signed in, invited, changed a role
// or removed whom, and sign-in failures and lockouts of its members.
import { useQuery } from '@tanstack/react-query';
import type { AuditAction } from '@shared/sync';
import { EmptyState, ErrorState, Loading } from '@renderer/components/states';
import { formatDateTime } from '@renderer/lib/format';
import { teamAuditQuery } from './team-admin-queries';

const ACTION_WORDS: Record<AuditAction, string> = {
  'sign_in.ok': 'Signed in',
  'sign_in.failed': 'Failed sign-in',
  'sign_in.limited': 'Sign-ins paused after repeated failures',
  'invite.created': 'Invited',
  'invite.accepted': 'Joined',
  'member.role_changed': 'Changed role',
  'member.removed': 'Removed',
  'sessions.revoked': 'Signed out everywhere',
  'workspace.created': 'Workspace created',
};

const detailWords = (details: Record<string, unknown> | null): string => {
  if (!details) return '';
  if (typeof details.from === 'string' && typeof details.to === 'string') return `${details.from} → ${details.to}`;
  if (typeof details.role === 'string') return String(details.role);
  return '';
};

export function TeamAuditLog() {
  const audit = useQuery(teamAuditQuery());
  return (
    <details className="team-audit">
      <summary>Audit log</summary>
      {audit.isPending ? (
        <Loading label="Loading the audit log…" />
      ) : audit.isError ? (
        <ErrorState error={audit.error} what="the audit log" onRetry={() => void audit.refetch()} />
      ) : audit.data.entries.length === 0 ? (
        <EmptyState title="Nothing recorded yet." />
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="team-audit">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Who</th>
                <th scope="col">Whom</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>
                  </td>
                  <td>{ACTION_WORDS[e.action]}</td>
                  <td>{e.actorEmail ?? (e.action.startsWith('sign_in') ? '—' : 'Server admin (command line)')}</td>
                  <td>{e.targetEmail ?? ''}</td>
                  <td>{[detailWords(e.details), e.address].filter(Boolean).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
