// Renderer: a stakeholder's engagement, 0–100, with its trend. A bar for the eye, words for
// assistive tech.
import { engagementWords, TREND_WORDS } from './words';

export function EngagementMeter({ value, trend }: { value: number; trend: 'rising' | 'steady' | 'cooling' }) {
  const t = TREND_WORDS[trend];
  return (
    <span className="engagement" data-testid="engagement-meter">
      <span
        className="engagement-bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value} of 100, ${engagementWords(value)}, ${t.label.toLowerCase()}`}
        aria-label="Engagement"
      >
        <span className="engagement-fill" style={{ width: `${value}%` }} />
      </span>
      <span className="engagement-num">{value}</span>
      <span className={`trend trend-${trend}`}>
        <span aria-hidden="true">{t.arrow}</span> {t.label}
      </span>
    </span>
  );
}
