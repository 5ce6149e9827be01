// Renderer: the journey map's legend, in words beside each mark.
import { JOURNEY_COLORS as C } from './journey-marks';

export function JourneyLegend() {
  return (
    <ul className="journey-legend" aria-label="Legend">
      <li>
        <svg width="34" height="14" aria-hidden="true">
          <line x1="2" y1="7" x2="32" y2="7" stroke={C.dwell} strokeWidth="3" />
        </svg>
        In a job
      </li>
      <li>
        <svg width="18" height="22" aria-hidden="true">
          <line x1="9" y1="2" x2="9" y2="14" stroke={C.forward} strokeWidth="3" />
          <path d="M4,13L9,21L14,13Z" fill={C.forward} />
        </svg>
        Forward move
      </li>
      <li>
        <svg width="34" height="22" aria-hidden="true">
          <path d="M30,19C8,19 8,4 28,4" fill="none" stroke={C.loop} strokeWidth="3" strokeDasharray="5 3" />
        </svg>
        <strong className="journey-move-loop">Loop back</strong>
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <path d="M8,1L15,8L8,15L1,8Z" fill={C.interaction} fillOpacity="0.6" />
        </svg>
        Interaction
      </li>
      <li>
        <svg width="12" height="18" aria-hidden="true">
          <line x1="6" y1="0" x2="6" y2="18" stroke={C.today} strokeWidth="2.5" />
        </svg>
        Today
      </li>
      <li>
        <svg width="12" height="18" aria-hidden="true">
          <line x1="6" y1="0" x2="6" y2="18" stroke={C.muted} strokeWidth="2" strokeDasharray="4 3" />
        </svg>
        Close date
      </li>
    </ul>
  );
}
