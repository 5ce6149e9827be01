// Renderer: the room's sticky notes on the projection — a card per note with a line to its pin;
// the facilitator's window edits a note in place inside its card.
import type { ReactNode } from 'react';
import { CHART_COLORS } from '@renderer/lib/chart-theme';
import { PROJECTION_FONT } from './projection-layout';
import { NOTE_FILL, NOTE_W, type NoteCard } from './projection-notes';

interface Props {
  cards: readonly NoteCard[];
  /** The SVG's height: an editor opened near the foot moves up to fit. */
  height: number;
  onNoteClick?: ((noteId: string) => void) | undefined;
  editor?: { noteId: string; node: ReactNode } | null | undefined;
}

export function ProjectionNotes({ cards, height, onNoteClick, editor }: Props) {
  return (
    <g data-testid="projection-notes">
      {cards.map((card) => (
        <g
          key={card.pin.note.id}
          data-testid="projection-note"
          data-note={card.pin.note.id}
          onClick={
            onNoteClick
              ? (event) => {
                  event.stopPropagation();
                  onNoteClick(card.pin.note.id);
                }
              : undefined
          }
          style={onNoteClick ? { cursor: 'text' } : undefined}
        >
          {card.free ? null : (
            <line
              x1={card.ax}
              y1={card.ay}
              x2={card.bx < card.ax ? card.bx + NOTE_W : card.bx}
              y2={card.by + card.h / 2}
              stroke={CHART_COLORS.ink}
              strokeWidth={2}
            />
          )}
          {card.free ? null : <circle cx={card.ax} cy={card.ay} r={7} fill={CHART_COLORS.ink} />}
          <rect
            x={card.bx}
            y={card.by}
            width={NOTE_W}
            height={card.h}
            rx={4}
            fill={NOTE_FILL[card.pin.note.color] ?? NOTE_FILL['yellow']}
            stroke="#5b6574"
            strokeWidth={2}
          />
          {editor?.noteId === card.pin.note.id ? (
            <foreignObject x={card.bx} y={Math.min(card.by, height - 240)} width={NOTE_W} height={240}>
              {editor.node}
            </foreignObject>
          ) : (
            <text x={card.bx + 12} y={card.by + 10} fontSize={PROJECTION_FONT} fontWeight={600} fill="#0b0f16">
              {card.lines.map((line, j) => (
                <tspan key={j} x={card.bx + 12} dy={j === 0 ? PROJECTION_FONT : PROJECTION_FONT + 6}>
                  {line}
                </tspan>
              ))}
            </text>
          )}
        </g>
      ))}
    </g>
  );
}
