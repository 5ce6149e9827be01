import { describe, expect, it } from 'vitest';
import type { WorkshopNote } from '@shared/domain';
import type { NotePin } from '../journey/note-pins';
import { PROJECTION_AXIS } from './projection-layout';
import { NOTE_W, noteCards, type CardGeometry } from './projection-notes';

const pin = (
  id: string,
  lane: number | null,
  at: number | null,
  text = 'Legal wants a DPA first',
  job: NotePin['job'] = null,
): NotePin => ({
  note: { id, text, color: 'yellow', createdAt: 1 } as WorkshopNote,
  lane,
  job,
  at,
});
const g: CardGeometry = {
  x: (t) => t,
  levelY: (row) => 100 + row * 50 + 10,
  top: (row) => 100 + row * 50,
  h: 50,
  right: 1900,
  height: 1000,
};

describe('note cards', () => {
  it('puts a card beside its pin, flipped to the left near the right edge', () => {
    const [right, left] = noteCards(
      [pin('a', 0, 500, 'x', 'validation'), pin('b', 1, 1800)],
      new Map([
        [0, 0],
        [1, 1],
      ]),
      g,
    );
    expect(right).toMatchObject({ free: false, ax: 500, ay: 110, bx: 524 });
    expect(left).toMatchObject({ ax: 1800, ay: 175, bx: 1800 - NOTE_W - 24 });
  });
  it('stacks free notes at the right under the axis, and leaves out notes of lanes on another page', () => {
    const cards = noteCards([pin('a', null, null), pin('b', 3, 10), pin('c', null, null)], new Map([[0, 0]]), g);
    expect(cards.map((c) => c.pin.note.id)).toEqual(['a', 'c']);
    const [a, c] = cards as [(typeof cards)[0], (typeof cards)[0]];
    expect(a).toMatchObject({ free: true, bx: 1900 - NOTE_W - 8, by: PROJECTION_AXIS + 8 });
    expect(c.by).toBe(a.by + a.h + 8);
  });
  it('wraps the text at words, five lines at most, and keeps the card on screen', () => {
    const long = 'word '.repeat(80);
    const low = { ...g, height: 400, levelY: () => 380 };
    const [card] = noteCards([pin('a', 0, 500, long, 'validation')], new Map([[0, 0]]), low);
    expect(card!.lines).toHaveLength(5);
    expect(card!.lines.every((l) => !l.startsWith(' ') && !l.endsWith(' '))).toBe(true);
    expect(card!.by + card!.h).toBe(400 - 4);
    const [high] = noteCards([pin('a', 0, 500, long, 'validation')], new Map([[0, 0]]), { ...low, levelY: () => 0 });
    expect(high!.by).toBe(PROJECTION_AXIS);
  });
});
