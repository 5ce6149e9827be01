// Renderer: the account's people by engagement — how engaged, which way it is going, why (the
// facts behind the number) and the best time to reach each one.
import { useQuery } from '@tanstack/react-query';
import { ErrorState, EmptyState, Loading } from '@renderer/components/states';
import { formatRelative, plural } from '@renderer/lib/format';
import { useNow } from '@renderer/lib/use-now';
import type { AccountId, StakeholderScorePayload } from '@shared/domain';
import { BestTimeChip } from './BestTimeChip';
import { EngagementMeter } from './EngagementMeter';
import { accountScoresQuery } from '@renderer/data/scoring';

function basis(s: StakeholderScorePayload, now: number): string {
  const parts = [`${s.interactions} ${s.interactions === 1 ? 'interaction' : 'interactions'}`];
  parts.push(s.lastResponseAt === null ? 'never replied' : `last replied ${formatRelative(s.lastResponseAt, now)}`);
  if (s.quietDays !== null) parts.push(`quiet for ${plural(s.quietDays, 'day', 'days')}`);
  return parts.join(' · ');
}

export function EngagementPanel({ accountId }: { accountId: AccountId }) {
  const scores = useQuery(accountScoresQuery(accountId));
  const now = useNow();
  return (
    <section className="panel" aria-labelledby="engagement-title">
      <header className="panel-header">
        <h2 id="engagement-title">Engagement and best time to reach out</h2>
      </header>
      {scores.isPending ? (
        <Loading label="Scoring the buying group…" />
      ) : scores.isError ? (
        <ErrorState error={scores.error} what="engagement scores" onRetry={() => void scores.refetch()} />
      ) : scores.data.stakeholders.length === 0 ? (
        <EmptyState title="No engagement scores yet.">
          They appear once the buying group has people and the scores are worked out.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Engagement</th>
                <th scope="col">Based on</th>
                <th scope="col">Best time (your time)</th>
              </tr>
            </thead>
            <tbody>
              {scores.data.stakeholders.map((s) => (
                <tr key={s.stakeholderId} data-testid="engagement-row">
                  <th scope="row" className="cell-name">
                    {s.name}
                  </th>
                  <td>
                    <EngagementMeter value={s.engagement} trend={s.trend} />
                  </td>
                  <td className="cell-muted">{basis(s, now)}</td>
                  <td>
                    <BestTimeChip bestTime={s.bestTime} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
