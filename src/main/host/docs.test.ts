import { mergeEdit } from './docs';

type Doc = { id: string; updatedAt: number; [k: string]: unknown };
const current: Doc = { id: 'stk_1', updatedAt: 5, name: 'Ada', title: 'CTO', email: 'ada@x.io', phone: '+1', notes: 'from elsewhere' };

describe('mergeEdit (a dialog save against the current document)', () => {
  it('takes only what the form changed; fields it did not change keep their current values', () => {
    const base = { name: 'Ada', title: 'CIO', email: 'ada@x.io', phone: '+1' };
    const out = mergeEdit(current, base, { ...base, email: 'ada@y.io' }, 9);
    expect(out).toMatchObject({ title: 'CTO', email: 'ada@y.io', notes: 'from elsewhere', updatedAt: 9 });
    expect(out.keptConflicts).toBeUndefined();
  });

  it('clears an optional field the form cleared, when nobody else changed it', () => {
    const base = { name: 'Ada', title: 'CTO', email: 'ada@x.io' };
    const out = mergeEdit(current, base, { name: 'Ada', title: 'CTO' }, 9);
    expect('email' in out).toBe(false);
    expect(out).toMatchObject({ phone: '+1', notes: 'from elsewhere' });
  });

  it('keeps the current value of a field both changed and the form value in keptConflicts', () => {
    const out = mergeEdit(current, { title: 'CIO' }, { title: 'VP IT' }, 9);
    expect(out.title).toBe('CTO');
    expect(out.keptConflicts).toEqual([expect.objectContaining({ field: 'title', value: JSON.stringify('VP IT'), lostAt: 9 })]);
  });

  it('keeps what sync set aside before', () => {
    const kept = [{ field: 'name', value: '"Old"', lostAt: 1, fromRevision: 'r' }];
    const out = mergeEdit({ ...current, keptConflicts: kept }, { title: 'CTO' }, { title: 'CEO' }, 9);
    expect(out).toMatchObject({ title: 'CEO', keptConflicts: kept });
  });
});
