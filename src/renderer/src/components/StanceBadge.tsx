// Renderer: stance as colour and words (colour alone would fail colour-blind viewers).
import type { Stance } from '@shared/domain';

export const STANCE_LABEL: Record<Stance, string> = {
  champion: 'Champion',
  supporter: 'Supporter',
  neutral: 'Neutral',
  skeptic: 'Skeptic',
  opponent: 'Opponent',
  unknown: 'Unknown',
};

export function StanceBadge({ stance }: { stance: Stance }) {
  return (
    <span className={`stance stance-${stance}`}>
      <span className="stance-dot" aria-hidden="true" />
      {STANCE_LABEL[stance]}
    </span>
  );
}

export function InfluenceMeter({ value }: { value: number }) {
  return (
    <span className="influence" role="img" aria-label={`Influence ${value} of 5`} title={`Influence ${value} of 5`}>
      <span aria-hidden="true">
        {Array.from({ length: 5 }, (_, i) => (
          <span key={i} className={i < value ? 'pip is-on' : 'pip'} />
        ))}
      </span>
      <span className="influence-num" aria-hidden="true">
        {value}
      </span>
    </span>
  );
}
