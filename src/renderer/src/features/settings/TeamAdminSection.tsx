// Renderer: team admin for admins of the signed-in team workspace — members with their signed-in
// devices, invites, role changes, removal (after a confirmation that says what happens) and the
// audit log (TeamAuditLog). The server decides who may; its coded answers arrive as words.
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Role, TeamMemberView } from '@shared/sync';
import { errorWords } from '@renderer/api/errors';
import { ErrorState, Loading } from '@renderer/components/states';
import { formatDateTime, humanize } from '@renderer/lib/format';
import { teamMembersQuery, useInviteMember, useRemoveMember, useSetMemberRole } from './team-admin-queries';
import { TeamAuditLog } from './TeamAuditLog';

const ROLES: Role[] = ['admin', 'member', 'viewer'];

function MemberRow({ member, isMe }: { member: TeamMemberView; isMe: boolean }) {
  const setRole = useSetMemberRole();
  const remove = useRemoveMember();
  const [confirming, setConfirming] = useState(false);
  const failed = setRole.error ?? remove.error;
  const devices = member.devices.length === 1 ? '1 device' : `${member.devices.length} devices`;
  return (
    <tr data-testid="team-member-row">
      <th scope="row" className="cell-name">
        {member.email}
        {isMe ? ' (you)' : ''}
      </th>
      <td>
        <select
          aria-label={`Role of ${member.email}`}
          value={member.role}
          disabled={setRole.isPending}
          onChange={(e) => setRole.mutate({ userId: member.userId, role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {humanize(r)}
            </option>
          ))}
        </select>
      </td>
      <td
        title={member.devices
          .map((d) => `${d.device ?? 'Unknown device'} · ${d.address ?? ''} · since ${formatDateTime(d.signedInAt)}`)
          .join('\n')}
      >
        {devices}
      </td>
      {/* Absolute: these are the server's times, and this device's clock may differ. */}
      <td>{member.lastSignInAt === null ? 'Never' : formatDateTime(member.lastSignInAt)}</td>
      <td className="cell-actions">
        {confirming ? (
          <span role="group" aria-label={`Confirm removing ${member.email}`}>
            <span className="confirm-words">
              Remove {member.email}? Their {devices} stop syncing at once and they cannot sign in to this workspace again unless invited.
            </span>{' '}
            <button
              type="button"
              className="button button-small button-danger"
              data-testid="team-remove-confirm"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ userId: member.userId }, { onSettled: () => setConfirming(false) })}
            >
              Remove
            </button>{' '}
            <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button button-small"
            data-testid="team-remove"
            aria-label={`Remove ${member.email} from the workspace`}
            onClick={() => setConfirming(true)}
          >
            Remove…
          </button>
        )}
        {failed ? (
          <p className="field-error" role="alert">
            {errorWords(failed)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

function InviteForm() {
  const invite = useInviteMember();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate({ email, role }, { onSuccess: () => setEmail('') });
  };
  return (
    <form className="form-inline" onSubmit={submit} aria-label="Invite a member">
      <label>
        E-mail <input type="email" required maxLength={200} value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>{' '}
      <label>
        Role{' '}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {humanize(r)}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit" className="button" disabled={invite.isPending}>
        Invite
      </button>
      {invite.isError ? (
        <p className="form-error" role="alert">
          {errorWords(invite.error)}
        </p>
      ) : null}
      {invite.data ? (
        <p className="form-note" data-testid="team-invite-code">
          Invite code for {invite.data.email} (shown once, valid until {formatDateTime(invite.data.expiresAt)}):{' '}
          <code>{invite.data.code}</code>. Send it to them; they enter it with a password of their choice.
        </p>
      ) : null}
    </form>
  );
}

export function TeamAdminSection({ myEmail }: { myEmail: string | null }) {
  const members = useQuery(teamMembersQuery());
  return (
    <section className="panel" aria-labelledby="team-admin-title">
      <header className="panel-header">
        <h2 id="team-admin-title">Team members {members.data ? <span className="count">{members.data.members.length}</span> : null}</h2>
      </header>
      <div className="panel-body">
        <InviteForm />
        {members.isPending ? (
          <Loading label="Loading team members…" />
        ) : members.isError ? (
          <ErrorState error={members.error} what="the team members" onRetry={() => void members.refetch()} />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Role</th>
                  <th scope="col">Signed in on</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.data.members.map((m) => (
                  <MemberRow key={m.userId} member={m} isMe={m.email === myEmail} />
                ))}
              </tbody>
            </table>
            {members.data.invites.length > 0 ? (
              <p className="form-note">
                Invited, not joined yet: {members.data.invites.map((i) => `${i.email} (${humanize(i.role)})`).join(', ')}.
              </p>
            ) : null}
          </div>
        )}
        <TeamAuditLog />
      </div>
    </section>
  );
}
