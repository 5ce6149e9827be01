// Renderer: sign in to the team's sync server. Checks what it can before the round trip and puts
// the server's answer in words that say what to do next.
import { useState, type FormEvent } from 'react';
import { TextField } from '@renderer/components/fields';
import { useConnectSync } from './mutations';
import { checkConnectDraft, connectErrorWords, type ConnectDraft, type ConnectErrors } from './sync-errors';

export function SyncForm() {
  const [draft, setDraft] = useState<ConnectDraft>({ serverUrl: '', email: '', password: '', workspaceId: '' });
  const [errors, setErrors] = useState<ConnectErrors>({});
  const connect = useConnectSync();
  const set = (key: keyof ConnectDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkConnectDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const workspaceId = draft.workspaceId.trim();
    connect.mutate({
      serverUrl: draft.serverUrl.trim().replace(/\/+$/, ''),
      email: draft.email.trim(),
      password: draft.password,
      ...(workspaceId ? { workspaceId } : {}),
    });
  }

  return (
    <form className="form sync-form" data-testid="sync-form" onSubmit={submit} noValidate aria-describedby="sync-form-intro">
      <p id="sync-form-intro" className="section-intro">
        Connect this device to your team’s sync server to share accounts, buying groups and journeys. Everything keeps
        working offline; changes sync when the server can be reached.
      </p>
      <div className="form-grid cols-2">
        <TextField name="serverUrl" label="Server address" type="url" value={draft.serverUrl} error={errors.serverUrl}
          hint="Your admin gives you this, for example https://sync.example.com" autoComplete="url" onChange={set('serverUrl')} />
        <TextField name="workspaceId" label="Workspace id (optional)" type="text" value={draft.workspaceId}
          hint="Only needed if your account belongs to more than one workspace." autoComplete="off" onChange={set('workspaceId')} />
        <TextField name="email" label="Email" type="email" value={draft.email} error={errors.email} autoComplete="username" onChange={set('email')} />
        <TextField name="password" label="Password" type="password" value={draft.password} error={errors.password}
          autoComplete="current-password" onChange={set('password')} />
      </div>
      {connect.isError ? (
        <p className="form-error" role="alert" data-testid="sync-error">{connectErrorWords(connect.error, draft.serverUrl)}</p>
      ) : null}
      <div className="form-actions form-actions-start">
        <button type="submit" className="button button-primary" data-testid="sync-connect" disabled={connect.isPending}>
          {connect.isPending ? 'Connecting…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}
