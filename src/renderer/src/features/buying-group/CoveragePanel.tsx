// Renderer: the coverage gaps beside the map — unfilled or unmet core roles, blockers nobody met,
// deals that run through one person — each with what to do (src/shared/buying-group/coverage.ts).
// Clicking a gap's person selects them on the map.
import type { CoverageView } from '@shared/api';
import type { StakeholderId } from '@shared/domain';

type Gap = CoverageView['gaps'][number];

const KIND_LABEL: Record<Gap['kind'], string> = {
  role_unfilled: 'Role nobody plays',
  role_unmet: 'Role nobody met',
  blocker_never_met: 'Blocker never met',
  single_threaded: 'Single-threaded',
};

const SHOWN = 8;

export function CoveragePanel({
  gaps,
  nameOf,
  onSelect,
}: {
  gaps: readonly Gap[];
  nameOf: (id: string) => string;
  onSelect: (id: StakeholderId) => void;
}) {
  return (
    <section className="panel bg-side-section" aria-labelledby="bg-coverage-title" data-testid="bg-coverage">
      <h2 id="bg-coverage-title">
        Coverage gaps <span className="count">{gaps.length}</span>
      </h2>
      {gaps.length === 0 ? (
        <p className="bg-all-covered">
          Someone on the team has logged an interaction with every core role and every blocker, and no deal runs on one thread.
        </p>
      ) : (
        <ul className="bg-coverage">
          {gaps.slice(0, SHOWN).map((g, i) => (
            <li key={`${g.kind}:${g.dealId ?? ''}:${g.role ?? ''}:${i}`} data-testid="bg-coverage-gap" data-kind={g.kind}>
              <p>
                <span className="bg-gap-kind">{KIND_LABEL[g.kind]}</span> {g.text}
              </p>
              <p className="bg-side-scope">→ {g.action}</p>
              {g.stakeholderIds.length ? (
                <span className="bg-sugg-actions">
                  {g.stakeholderIds.slice(0, 3).map((id) => (
                    <button key={id} type="button" className="button button-small" onClick={() => onSelect(id as StakeholderId)}>
                      Show {nameOf(id)}
                    </button>
                  ))}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {gaps.length > SHOWN ? <p className="bg-side-scope">{gaps.length - SHOWN} more; highlight one deal to see its own.</p> : null}
    </section>
  );
}
