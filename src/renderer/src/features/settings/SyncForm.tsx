// Renderer: sign in to the team's sync server. Checks what it can before the round trip and puts
// the server's answer in words that say what to do next.
import { useState, type FormEvent } from 'react';
import { TextField } from '@renderer/components/fields';
import { ApiError, type SyncConnectInput, type SyncView } from '@shared/api';
import { useConnectSync } from './mutations';
import { checkConnectDraft, connectErrorWords, type ConnectDraft, type ConnectErrors } from './sync-errors';

/** What signing in will do with the open workspace, said before it happens. */
export function placeWords(place: SyncView['place']): string {
  switch (place.kind) {
    case 'demo':
      return 'This device shows the demo. Signing in opens a separate workspace for your team, filled from the server; the demo is never uploaded.';
    case 'team':
      return `This workspace belongs to ${place.teamWorkspaceName ?? 'a team workspace'}. Signing in to it again resumes it; signing in to another team workspace opens a separate one, and nothing of this one is uploaded there.`;
    case 'local':
      return place.localDocuments === 0
        ? 'This workspace is empty: it will be filled from your team’s workspace.'
        : `This workspace holds ${place.localDocuments} records of your own. Before anything is sent you will choose: upload them for your team, or start from the team’s workspace and keep yours apart on this device.`;
  }
}

type Choice = { localDocuments: number; workspaceName: string };

function choiceOf(error: unknown): Choice | null {
  if (!(error instanceof ApiError) || error.code !== 'DS_SYNC_CHOOSE_PLACE') return null;
  const d = error.details as Partial<Choice> | undefined;
  return { localDocuments: Number(d?.localDocuments ?? 0), workspaceName: String(d?.workspaceName ?? 'the team workspace') };
}

export function SyncForm({ place }: { place: SyncView['place'] }) {
  const [draft, setDraft] = useState<ConnectDraft>({ serverUrl: '', email: '', password: '', workspaceId: '' });
  const [errors, setErrors] = useState<ConnectErrors>({});
  const connect = useConnectSync();
  const set = (key: keyof ConnectDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkConnectDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    connect.mutate(input());
  }

  function input(mode?: SyncConnectInput['mode']): SyncConnectInput {
    const workspaceId = draft.workspaceId.trim();
    return {
      serverUrl: draft.serverUrl.trim().replace(/\/+$/, ''),
      email: draft.email.trim(),
      password: draft.password,
      ...(workspaceId ? { workspaceId } : {}),
      ...(mode ? { mode } : {}),
    };
  }
  const choice = choiceOf(connect.error);

  return (
    <form className="form sync-form" data-testid="sync-form" onSubmit={submit} noValidate aria-describedby="sync-form-intro">
      <p id="sync-form-intro" className="section-intro">
        Connect this device to your team’s sync server to share accounts, buying groups and journeys. Everything keeps working offline;
        changes sync when the server can be reached.
      </p>
      <div className="form-grid cols-2">
        <TextField
          name="serverUrl"
          label="Server address"
          type="url"
          value={draft.serverUrl}
          error={errors.serverUrl}
          hint="Your admin gives you this, for example https://sync.example.com"
          autoComplete="url"
          onChange={set('serverUrl')}
        />
        <TextField
          name="workspaceId"
          label="Workspace id (optional)"
          type="text"
          value={draft.workspaceId}
          hint="Only needed if your account belongs to more than one workspace."
          autoComplete="off"
          onChange={set('workspaceId')}
        />
        <TextField
          name="email"
          label="Email"
          type="email"
          value={draft.email}
          error={errors.email}
          autoComplete="username"
          onChange={set('email')}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          value={draft.password}
          error={errors.password}
          autoComplete="current-password"
          onChange={set('password')}
        />
      </div>
      <p className="field-hint" data-testid="sync-place">
        {placeWords(place)}
      </p>
      {choice ? (
        <div className="sync-choice" role="group" aria-labelledby="sync-choice-title" data-testid="sync-choice">
          <p id="sync-choice-title">
            This device holds {choice.localDocuments} records of its own. What should happen with them when you join {choice.workspaceName}?
          </p>
          <div className="form-actions form-actions-start">
            <button
              type="button"
              className="button"
              data-testid="sync-choice-upload"
              disabled={connect.isPending}
              onClick={() => connect.mutate(input('upload'))}
            >
              Upload my {choice.localDocuments} records to {choice.workspaceName}
            </button>
            <button
              type="button"
              className="button"
              data-testid="sync-choice-separate"
              disabled={connect.isPending}
              onClick={() => connect.mutate(input('separate'))}
            >
              Start from {choice.workspaceName} (mine stay on this device, apart)
            </button>
          </div>
          <p className="field-hint">
            Uploading shares your records with every member of {choice.workspaceName}. Starting from the team’s keeps them in a workspace of
            their own here; nothing is deleted.
          </p>
        </div>
      ) : connect.isError ? (
        <p className="form-error" role="alert" data-testid="sync-error">
          {connectErrorWords(connect.error, draft.serverUrl)}
        </p>
      ) : null}
      <div className="form-actions form-actions-start">
        <button type="submit" className="button button-primary" data-testid="sync-connect" disabled={connect.isPending}>
          {connect.isPending ? 'Connecting…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}
