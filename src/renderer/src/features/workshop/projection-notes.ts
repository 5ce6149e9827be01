// Renderer (pure): where the room's sticky notes sit on the projection — each card beside its pin
// (flipped left near the right edge), free notes stacked at the right, text wrapped to the card.
import type { BuyingJob } from '@shared/domain';
import type { NotePin } from '../journey/note-pins';
import { PROJECTION_AXIS as AXIS, PROJECTION_FONT, wrapWords } from './projection-layout';

export const NOTE_W = 360;
export const NOTE_FILL: Record<string, string> = { yellow: '#fff1a0', blue: '#cfe3ff', green: '#c9ebcc', pink: '#ffd0e0', grey: '#e1e5ea' };

export interface NoteCard {
  pin: NotePin;
  free: boolean;
  /** The pin: where the card's line points. */
  ax: number;
  ay: number;
  /** The card's top-left corner. */
  bx: number;
  by: number;
  h: number;
  lines: string[];
}

/** The map's geometry as the cards need it: time to x, a job's height in a row, a row's top. */
export interface CardGeometry {
  x: (t: number) => number;
  levelY: (row: number, job: BuyingJob) => number;
  top: (row: number) => number;
  /** Lane height. */
  h: number;
  right: number;
  height: number;
}

/** Where each visible note's card sits: beside its pin (flipped left near the edge); free notes stacked at the right. */
export function noteCards(pins: readonly NotePin[], rowOf: ReadonlyMap<number, number>, g: CardGeometry): NoteCard[] {
  let freeY = AXIS + 8;
  const out: NoteCard[] = [];
  for (const pin of pins) {
    const row = pin.lane === null ? null : rowOf.get(pin.lane);
    if (row === undefined) continue;
    const lines = wrapWords(pin.note.text, Math.floor((NOTE_W - 24) / (PROJECTION_FONT * 0.64))).slice(0, 5);
    const h = lines.length * (PROJECTION_FONT + 6) + 20;
    const free = row === null;
    const ax = free || pin.at === null ? g.right - 8 : g.x(pin.at);
    const ay = free ? AXIS + 8 : pin.job ? g.levelY(row, pin.job) : g.top(row) + g.h / 2;
    const bx = free ? g.right - NOTE_W - 8 : ax + NOTE_W + 24 > g.right ? ax - NOTE_W - 24 : ax + 24;
    const by = Math.max(AXIS, Math.min(g.height - h - 4, free ? freeY : ay - h / 2));
    if (free) freeY += h + 8;
    out.push({ pin, free, ax, ay, bx, by, h, lines });
  }
  return out;
}
