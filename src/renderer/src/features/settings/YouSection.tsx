// Renderer: "You on this device" — which team member this device's user is, so Today can show
// their own deals. Kept on this device only; the signed-in member is the default.
import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TeamMemberId } from '@shared/domain';
import { ErrorState, Loading } from '@renderer/components/states';
import { useApiMutation } from '@renderer/data/mutation';
import { youQuery } from '@renderer/data/team';
import { apiQuery } from '@renderer/data/query';

const SIGNED_IN = '';

export function YouSection() {
  const you = useQuery(youQuery());
  const team = useQuery(apiQuery('team.list', {}));
  const setMe = useApiMutation('team.setMe');
  const pickerId = useId();
  const hintId = useId();

  return (
    <section className="panel" aria-labelledby="you-title" id="you">
      <header className="panel-header">
        <h2 id="you-title">You on this device</h2>
      </header>
      <div className="panel-body">
        {you.isPending || team.isPending ? (
          <Loading label="Looking up who you are…" />
        ) : you.isError || team.isError ? (
          <ErrorState
            error={you.error ?? team.error}
            what="who you are"
            onRetry={() => {
              void you.refetch();
              void team.refetch();
            }}
          />
        ) : (
          <div className="field">
            <label htmlFor={pickerId}>You are</label>
            <select
              id={pickerId}
              className="input you-picker"
              aria-describedby={hintId}
              data-testid="you-picker"
              value={you.data.source === 'chosen' ? you.data.member!.id : SIGNED_IN}
              disabled={setMe.isPending}
              onChange={(e) => setMe.mutate({ memberId: e.target.value === SIGNED_IN ? null : (e.target.value as TeamMemberId) })}
            >
              <option value={SIGNED_IN}>{you.data.source === 'signed-in' ? `${you.data.member!.name} (signed in)` : 'Not chosen'}</option>
              {team.data.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} · {m.email}
                </option>
              ))}
            </select>
            <p id={hintId} className="field-hint" data-testid="you-status">
              {you.data.member
                ? `Today shows ${you.data.member.name}’s deals first. Kept on this device only.`
                : 'Nobody is known as you here: Today shows the whole team’s deals until you choose.'}
            </p>
            {setMe.isError ? (
              <p role="alert" className="field-error">
                {setMe.error.message}
              </p>
            ) : null}
          </div>
        )}
      </div>
    </section>
  );
}
