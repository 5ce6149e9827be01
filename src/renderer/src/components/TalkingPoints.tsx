// Renderer: what to say to each person — the talking points scoring works out from their deal
// role, the needs and pains captured, what they engaged with and where they stand.
import type { AccountId } from '@shared/domain';
import { useQuery } from '@tanstack/react-query';
import { accountScoresQuery } from '@renderer/data/scoring';
import { EngagementMeter } from './scoring/EngagementMeter';

interface Props {
  accountId: AccountId;
  /** Whose points to show, in this order; all of the account's people when absent. */
  stakeholderIds?: readonly string[];
  /** One person only: no names as headings. */
  single?: boolean;
  headingLevel?: 3 | 4;
}

export function TalkingPoints({ accountId, stakeholderIds, single = false, headingLevel = 3 }: Props) {
  const scores = useQuery(accountScoresQuery(accountId));
  if (scores.isPending)
    return (
      <p className="cell-muted" role="status">
        Working out talking points…
      </p>
    );
  if (scores.isError) return <p className="cell-muted">Talking points are not available right now.</p>;
  const byId = new Map(scores.data.stakeholders.map((s) => [s.stakeholderId, s]));
  const people = (stakeholderIds ?? scores.data.stakeholders.map((s) => s.stakeholderId))
    .map((id) => byId.get(id))
    .filter((s) => s !== undefined);
  if (people.length === 0) return <p className="cell-muted">No talking points yet: add who they are and what they need.</p>;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="talking-points" data-testid="talking-points">
      {people.map((s) => (
        <div key={s.stakeholderId} className="talking-person">
          {single ? null : (
            <Heading className="talking-name">
              {s.name} <EngagementMeter value={s.engagement} trend={s.trend} />
            </Heading>
          )}
          {s.talkingPoints.length ? (
            <ul className="talking-list">
              {s.talkingPoints.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ul>
          ) : (
            <p className="cell-muted">Nothing captured yet about what they need.</p>
          )}
        </div>
      ))}
    </div>
  );
}
