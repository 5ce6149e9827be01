import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../sync/canonical';
import { reconcile, type ImportSource } from './reconcile';

const SRC = { crm: 'salesforce' as const, object: 'account', externalId: '001A', importedAt: 1 };
const imported = (
  fields: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> & { source: ImportSource } => ({
  id: 'acc_1',
  updatedAt: 1,
  ...fields,
  ...extra,
  source: { ...SRC, fields: canonicalJson(fields) } as ImportSource,
});

describe('re-import rule', () => {
  it('unchanged file: nothing is written', () => {
    const doc = imported({ name: 'A', industry: 'X' });
    expect(reconcile(doc, { name: 'A', industry: 'X' }, SRC, 2).outcome).toBe('unchanged');
  });
  it('changed in the CRM only: ours takes it', () => {
    const r = reconcile(imported({ name: 'A', industry: 'X' }), { name: 'A', industry: 'Y' }, SRC, 2);
    expect(r.outcome).toBe('updated');
    expect(r.doc.industry).toBe('Y');
    expect(r.changedFields).toEqual(['industry']);
  });
  it('changed here only: ours stays', () => {
    const doc = { ...imported({ name: 'A' }), name: 'A (ours)' };
    const r = reconcile(doc, { name: 'A' }, SRC, 2);
    expect(r.outcome).toBe('unchanged');
    expect(r.doc.name).toBe('A (ours)');
  });
  it('changed on both sides: ours stays, theirs is kept once as a conflict', () => {
    const doc: Record<string, unknown> = { ...imported({ name: 'A' }), name: 'A (ours)' };
    const r = reconcile(doc, { name: 'B' }, SRC, 2);
    expect(r.doc.name).toBe('A (ours)');
    expect(r.conflicts).toBe(1);
    expect(r.doc.keptConflicts).toEqual([expect.objectContaining({ field: 'name', value: '"B"', lostAt: 2 })]);
    const again = reconcile(r.doc, { name: 'B' }, SRC, 3);
    expect(again.outcome).toBe('unchanged');
  });
  it('fields people own are never touched', () => {
    const doc = { ...imported({ name: 'A' }), stance: 'champion' };
    expect(reconcile(doc, { name: 'B' }, SRC, 2).doc.stance).toBe('champion');
  });
  it('importing the same values twice is idempotent (property)', () => {
    const value = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(undefined));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), value),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), value),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), value),
        (base, ours, theirs) => {
          const doc = { ...imported(base), ...ours };
          const once = reconcile(doc, theirs, SRC, 2);
          const twice = reconcile(once.doc, theirs, SRC, 3);
          return twice.outcome === 'unchanged';
        },
      ),
    );
  });
});
