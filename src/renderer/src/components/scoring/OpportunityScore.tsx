// Renderer: an opportunity's win likelihood for tables (badge, strongest factor, a "Why" toggle)
// and the explanation it opens (factors for and against, next best actions, the score's source).
import { useQuery } from '@tanstack/react-query';
import { errorWords } from '@renderer/api/errors';
import { ActionsList } from './ActionsList';
import { FactorsList } from './FactorsList';
import { opportunityScoreQuery } from '@renderer/data/scoring';
import { WinBadge } from './WinBadge';
import { sourceWords } from './words';
import { WhatIfList } from './WhatIfList';
import type { OpportunityId } from '@shared/domain';

export function OpportunityScoreCell({
  opportunityId,
  expanded,
  onToggle,
  controls,
}: {
  opportunityId: OpportunityId;
  expanded: boolean;
  onToggle: () => void;
  /** id of the element the toggle opens. */
  controls: string;
}) {
  const score = useQuery(opportunityScoreQuery(opportunityId));
  if (score.isPending) return <span className="cell-muted">Scoring…</span>;
  if (score.isError)
    return (
      <span className="cell-muted" title={errorWords(score.error)}>
        Not scored yet
      </span>
    );
  const s = score.data;
  const top = [...s.for.slice(0, 1), ...s.against.slice(0, 1)].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))[0];
  return (
    <div className="score-cell">
      <WinBadge probability={s.probability} band={s.band} title={sourceWords(s.source, s.closedDeals)} />
      <button
        type="button"
        className="link-button"
        aria-expanded={expanded}
        aria-controls={controls}
        onClick={onToggle}
        data-testid="score-why"
      >
        {expanded ? 'Hide why' : 'Why?'}
      </button>
      {top ? (
        <span className="score-top cell-muted">
          {top.contribution > 0 ? '+ ' : '− '}
          {top.words}
        </span>
      ) : null}
    </div>
  );
}

export function OpportunityWhy({ opportunityId }: { opportunityId: OpportunityId }) {
  const score = useQuery(opportunityScoreQuery(opportunityId));
  if (score.isPending) return <p className="cell-muted">Working out the score…</p>;
  if (score.isError) return <p className="cell-muted">{errorWords(score.error)}</p>;
  const s = score.data;
  return (
    <div className="score-why" data-testid="score-why-panel">
      <FactorsList forFactors={s.for} against={s.against} />
      <div className="why-actions">
        <h3 className="factors-title">Next best actions</h3>
        <ActionsList actions={s.actions} />
      </div>
      <WhatIfList opportunityId={opportunityId} />
      <p className="score-source cell-muted">{sourceWords(s.source, s.closedDeals)}</p>
    </div>
  );
}
