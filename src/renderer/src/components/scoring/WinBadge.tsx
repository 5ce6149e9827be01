// Renderer: the win-likelihood badge — the percent, its band in words, and where it comes from.
import { BAND_WORDS, percent, type Band } from './words';

export function WinBadge({ probability, band, title }: { probability: number; band: Band; title?: string }) {
  return (
    <span
      className={`win-badge band-${band}`}
      data-testid="win-badge"
      title={title}
      aria-label={`Win likelihood ${percent(probability)}, ${BAND_WORDS[band].toLowerCase()}`}
    >
      <span className="win-pct">{percent(probability)}</span>
      <span className="win-band">{BAND_WORDS[band]}</span>
    </span>
  );
}
