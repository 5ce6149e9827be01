import { describe, expect, it } from 'vitest';
import type { WorkshopNote } from '@shared/domain';
import { boardColumns } from './board';

const note = (id: string, createdAt: number, job?: WorkshopNote['job']): WorkshopNote =>
  ({
    id,
    accountId: 'a',
    opportunityId: 'o',
    text: id,
    color: 'yellow',
    authorId: 't',
    createdAt,
    updatedAt: 0,
    ...(job ? { job } : {}),
  }) as WorkshopNote;

describe('board', () => {
  it('puts notes in their job column, oldest first, the rest last', () => {
    const cols = boardColumns([note('b', 2, 'validation'), note('a', 1, 'validation'), note('c', 3)]);
    expect(cols).toHaveLength(7);
    expect(cols[4]!.job).toBe('validation');
    expect(cols[4]!.notes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(cols[6]).toEqual({ job: null, notes: [expect.objectContaining({ id: 'c' })] });
  });
});
