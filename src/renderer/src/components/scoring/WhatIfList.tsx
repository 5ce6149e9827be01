// Renderer: what would change a deal's odds — "Meet economic buyer Carla Finance this week:
// 34% → 52%", one line per suggested action the model can see, with the factors that move.
// Always worded as the model's estimate: it is a rescore of changed facts, not a promise.
import { useQuery } from '@tanstack/react-query';
import type { WhatIfItemView } from '@shared/api';
import { whatIfQuery } from '@renderer/data/scoring';
import type { OpportunityId, StakeholderId } from '@shared/domain';
import { whatIfTitle } from '@shared/scoring/workspace/what-if-title';
import { percent, readsAsMove } from './words';

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;

export function WhatIfLine({ item, testId = 'what-if' }: { item: WhatIfItemView; testId?: string }) {
  const up = item.to >= item.from;
  return (
    <li className="what-if" data-testid={testId}>
      <span className="what-if-title">{item.title}:</span>{' '}
      <strong className={up ? 'what-if-up' : 'what-if-down'}>
        {percent(item.from)} → {percent(item.to)}
      </strong>
      {item.factors.length ? (
        <span className="cell-muted"> · {item.factors.map((f) => `${f.label} ${signed(f.change)}`).join(', ')}</span>
      ) : null}
    </li>
  );
}

const ESTIMATE =
  'The model’s estimate if this happened this week, a meeting counted as neutral in tone (a deal whose meetings went well loses a little of that), rescored with the same model and factors; not a promise.';

/** Every what-if of a deal (the opportunity's "Why?" panel on Today and the account page). */
export function WhatIfList({ opportunityId }: { opportunityId: OpportunityId }) {
  const q = useQuery(whatIfQuery(opportunityId));
  if (q.isPending || q.isError || !q.data.actions.length) return null;
  return (
    <div className="what-ifs" data-testid="what-ifs">
      <h3 className="factors-title">What would change the odds</h3>
      <ul className="what-if-list">
        {q.data.actions.map((w) => (
          <WhatIfLine key={w.title} item={w} />
        ))}
      </ul>
      <p className="cell-muted">{ESTIMATE}</p>
    </div>
  );
}

/**
 * The what-if of the action a Today card suggests, on one line, said to be the model's estimate
 * where a touch screen shows it too (not only in a tooltip). None when the model cannot see what
 * the action changes or it moves no whole percent: another action's odds under this one's title
 * would leave the seller unsure what to do. When the model expects the action to lower the odds,
 * the line says so instead of hiding it.
 */
export function ActionWhatIf({ opportunityId, actionTitle }: { opportunityId: OpportunityId; actionTitle: string }) {
  const q = useQuery(whatIfQuery(opportunityId));
  const own = q.data?.actions.find((w) => w.title === whatIfTitle(actionTitle));
  if (!own || !readsAsMove(own.from, own.to)) return null;
  return (
    <ul className="what-if-list what-if-top" title={ESTIMATE}>
      <WhatIfLine item={own} testId="today-what-if" />
      <li className="what-if-caveat cell-muted">
        {own.to > own.from ? 'The model’s estimate, not a promise.' : 'The model’s estimate: it sees no gain in this step for this deal.'}
      </li>
    </ul>
  );
}

/** "If she became a champion: 34% → 41%" for one person on one deal (the buying-group map). */
export function PersonWhatIf({ opportunityId, stakeholderId }: { opportunityId: OpportunityId; stakeholderId: StakeholderId }) {
  const q = useQuery(whatIfQuery(opportunityId, stakeholderId));
  const person = q.data?.person;
  if (!person) return null;
  return (
    <ul className="what-if-list" title={ESTIMATE}>
      <WhatIfLine item={person} testId="person-what-if" />
    </ul>
  );
}
