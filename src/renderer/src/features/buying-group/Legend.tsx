// Renderer: what the colours, glyphs and lines mean — always in words beside the mark.
import { RELATIONSHIP_KINDS, STANCES } from '@shared/domain';
import { STANCE_LABEL } from '@renderer/components/StanceBadge';
import { EDGE_STYLE, STANCE_FILL, STANCE_GLYPH } from './graph-model';
import { CHART_COLORS } from '@renderer/lib/chart-theme';

export function Legend() {
  return (
    <div className="bg-legend" aria-label="Legend" role="group">
      <ul>
        {STANCES.map((s) => (
          <li key={s}>
            <svg width="20" height="20" aria-hidden="true">
              <circle
                cx="10"
                cy="10"
                r="8"
                fill={STANCE_FILL[s]}
                stroke={s === 'unknown' ? CHART_COLORS.unknownRim : 'none'}
                strokeDasharray={s === 'unknown' ? '3 2' : undefined}
                strokeWidth="1.5"
              />
            </svg>
            <span className="bg-glyph" aria-hidden="true">
              {STANCE_GLYPH[s]}
            </span>
            {STANCE_LABEL[s]}
          </li>
        ))}
      </ul>
      <ul>
        {RELATIONSHIP_KINDS.map((k) => {
          const style = EDGE_STYLE[k];
          return (
            <li key={k}>
              <svg width="36" height="12" aria-hidden="true">
                <line
                  x1="2"
                  y1="6"
                  x2={style.arrow ? 28 : 34}
                  y2="6"
                  stroke={style.stroke}
                  strokeWidth={style.width}
                  strokeDasharray={style.dash ?? undefined}
                />
                {style.arrow ? <path d="M26,1L34,6L26,11Z" fill={style.stroke} /> : null}
              </svg>
              {style.label}
            </li>
          );
        })}
        <li className="bg-legend-note">Size = influence (1–5) · Badge = buying roles</li>
      </ul>
    </div>
  );
}
