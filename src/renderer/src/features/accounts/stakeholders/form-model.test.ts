import { describe, expect, it } from 'vitest';
import type { Stakeholder } from '@shared/domain';
import { emptyValues, fieldErrors, validate, valuesFrom } from './form-model';

const base = { accountId: 'acc_1' };

describe('stakeholder form validation', () => {
  it('accepts a minimal person and turns lines into lists', () => {
    const result = validate({ ...emptyValues(), name: ' Ada ', needs: 'Speed\n\n cost \n', buyingRoles: ['champion'] }, base);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toMatchObject({ accountId: 'acc_1', name: 'Ada', needs: ['Speed', 'cost'], pains: [], influence: 3 });
    expect(result.input.email).toBeUndefined();
  });

  it('words errors per field', () => {
    const result = validate({ ...emptyValues(), name: '', influence: '9', department: 'x'.repeat(81) }, base);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: 'Enter a name.',
      influence: 'Choose 1 to 5.',
      department: 'Keep this under 80 characters.',
    });
  });

  it('names the line of a list item that is too long', () => {
    const result = validate({ ...emptyValues(), name: 'Ada', pains: `ok\n${'p'.repeat(301)}` }, base);
    expect(!result.ok && result.errors.pains).toBe('Line 2: Keep this under 300 characters.');
  });

  it('keeps fields the form does not show when editing', () => {
    const existing = {
      id: 'stk_1',
      accountId: 'acc_1',
      name: 'Ada',
      title: 'CTO',
      department: 'IT',
      phone: '+1 555',
      notes: 'met at expo',
      buyingRoles: ['decision_maker'],
      stance: 'supporter',
      influence: 4,
      needs: [],
      pains: [],
      updatedAt: 5,
    } as unknown as Stakeholder;
    const result = validate({ ...valuesFrom(existing), title: 'CIO' }, { accountId: 'acc_1', existing });
    expect(result.ok && result.input).toMatchObject({ id: 'stk_1', phone: '+1 555', notes: 'met at expo', title: 'CIO' });
    expect(result.ok && 'updatedAt' in result.input).toBe(false);
  });

  it('maps the host details of an invalid input to fields', () => {
    expect(
      fieldErrors([
        { path: ['email'], message: 'Too long' },
        { path: [], message: 'Bad' },
      ]),
    ).toEqual({
      fields: { email: 'Too long' },
      other: ['Bad'],
    });
  });
});
