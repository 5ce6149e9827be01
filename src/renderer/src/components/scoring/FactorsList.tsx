// Renderer: why a deal scores as it does — the strongest factors for and against, in words.
import type { FactorWords } from '@shared/domain';

function Column({
  title,
  factors,
  tone,
  empty,
}: {
  title: string;
  factors: readonly FactorWords[];
  tone: 'for' | 'against';
  empty: string;
}) {
  return (
    <div className={`factors factors-${tone}`}>
      <h3 className="factors-title">{title}</h3>
      {factors.length === 0 ? (
        <p className="cell-muted">{empty}</p>
      ) : (
        <ul>
          {factors.map((f) => (
            <li key={f.feature}>
              <span className="factor-sign" aria-hidden="true">
                {tone === 'for' ? '+' : '−'}
              </span>
              {f.words}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function FactorsList({ forFactors, against }: { forFactors: readonly FactorWords[]; against: readonly FactorWords[] }) {
  return (
    <div className="factors-grid" data-testid="score-factors">
      <Column title="Helping this deal" factors={forFactors} tone="for" empty="Nothing stands out in its favour yet." />
      <Column title="Holding it back" factors={against} tone="against" empty="Nothing stands out against it." />
    </div>
  );
}
