// Renderer: shown instead of the app when the workspace file is damaged, empty or not ours
// (workspace.health says `damaged`). Says what happened in plain words and offers the ways out:
// restore a backup (one found beside the workspace, or any file by its path) or pull a fresh
// copy from the team server when this device has a saved sign-in. Never a spinner that waits.
import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { StoreHealthView } from '@shared/api';
import { useApiMutation } from '@renderer/data/mutation';
import { storeHealthQuery } from './queries';
import { backupLabel, explanationFor, headlineFor } from './recovery-words';

export function RecoveryScreen({ health }: { health: StoreHealthView }) {
  const queryClient = useQueryClient();
  // The answer is the new health: the gate opens on it at once (health reads no collection, so
  // the refresh of everything else would not ask again).
  const recover = useApiMutation('workspace.recover', {
    onAnswer: (output) => queryClient.setQueryData(storeHealthQuery().queryKey, output),
  });
  const [chosen, setChosen] = useState(health.backups[0]?.file ?? '');
  const [typed, setTyped] = useState('');
  const pathId = useId();
  const file = typed.trim() || chosen;
  const busy = recover.isPending;

  return (
    <main className="recovery" data-testid="recovery-screen" aria-labelledby="recovery-title">
      <div className="recovery-card panel">
        <h1 id="recovery-title">{headlineFor(health.problem)}</h1>
        <p>{explanationFor(health.problem)}</p>
        <p className="recovery-file">
          File: <code>{health.file}</code>
          {health.problem ? <span className="recovery-code"> ({health.problem.code})</span> : null}
        </p>

        <section className="recovery-option" aria-labelledby="recovery-restore">
          <h2 id="recovery-restore">Restore from a backup</h2>
          {health.backups.length > 0 ? (
            <fieldset className="field">
              <legend>Backups found on this computer</legend>
              {health.backups.map((b) => (
                <label key={b.file} className="recovery-backup">
                  <input
                    type="radio"
                    name="backup"
                    value={b.file}
                    checked={!typed.trim() && chosen === b.file}
                    onChange={() => {
                      setChosen(b.file);
                      setTyped('');
                    }}
                  />
                  {backupLabel(b.file, b.modifiedAt, b.bytes)}
                </label>
              ))}
            </fieldset>
          ) : (
            <p className="field-hint">No backups were found next to the workspace. If you have one elsewhere, give its path.</p>
          )}
          <div className="field">
            <label htmlFor={pathId}>Or the path of a backup file</label>
            <input
              id={pathId}
              className="input"
              data-testid="recovery-path"
              value={typed}
              placeholder="/home/you/Documents/deep-sales-backup.sqlite"
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
          <p className="field-hint">
            The damaged file is kept beside the workspace as <code>.before-restore</code>. Changes made after the backup and not synced to
            your team are not in it.
          </p>
          <button
            type="button"
            className="button button-primary"
            data-testid="recovery-restore"
            disabled={busy || !file}
            onClick={() => recover.mutate({ action: 'restore', file })}
          >
            {busy && recover.variables?.action === 'restore' ? 'Restoring…' : 'Restore this backup'}
          </button>
        </section>

        <section className="recovery-option" aria-labelledby="recovery-team">
          <h2 id="recovery-team">Pull a fresh copy from your team</h2>
          {health.team ? (
            <>
              <p>
                This workspace syncs with <strong>{health.team.workspaceName}</strong> on {health.team.serverUrl}. Everything that reached
                the team comes back; changes that never synced stay only in the damaged file, which is kept.
              </p>
              <button
                type="button"
                className="button"
                data-testid="recovery-pull"
                disabled={busy}
                onClick={() => recover.mutate({ action: 'pullFromTeam' })}
              >
                {busy && recover.variables?.action === 'pullFromTeam' ? 'Pulling…' : 'Pull from the team server'}
              </button>
            </>
          ) : (
            <p className="field-hint">This workspace is not synced with a team server on this device, so there is no copy to pull.</p>
          )}
        </section>

        {recover.error ? (
          <p className="field-error" role="alert" data-testid="recovery-error">
            {recover.error.message}
          </p>
        ) : null}
      </div>
    </main>
  );
}
