import fc from 'fast-check';
import { canonicalJson, sameDocState, sameValue } from './canonical';
import { conflictHandler } from './conflict-handler';
import {
  DISCARDED_FIELD,
  MAX_KEPT_CONFLICTS,
  mergeDocs,
  mergeKept,
  parseDiscarded,
  type KeptConflictEntry,
  type SyncDocState,
} from './merge';

const FIELDS = ['name', 'title', 'tags', 'influence'] as const;
const value = fc.oneof(
  fc.constantFrom('a', 'b', 'c'),
  fc.constant(undefined),
  fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }),
  fc.integer({ min: 1, max: 3 }),
);
const kept = fc.array(
  fc.record({
    field: fc.constantFrom(...FIELDS),
    value: fc.constantFrom('"a"', '"z"'),
    lostAt: fc.integer({ min: 0, max: 5 }),
    fromRevision: fc.constantFrom('r1', 'r2'),
  }),
  { maxLength: 3 },
);

const baseDoc = fc
  .record({
    name: value,
    title: value,
    tags: value,
    influence: value,
    updatedAt: fc.integer({ min: 0, max: 1000 }),
    keptConflicts: kept,
  })
  .map((d) => ({ id: 'doc1', ...d, _deleted: false }) as SyncDocState);

/** An edit of the base: some fields changed, maybe deleted, maybe kept entries dismissed. */
function edited(base: SyncDocState) {
  return fc
    .record({
      changes: fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 3 }),
      deleted: fc.boolean(),
      dismiss: fc.boolean(),
      updatedAt: fc.integer({ min: 0, max: 2000 }),
    })
    .map(({ changes, deleted, dismiss, updatedAt }) => {
      const doc: SyncDocState = { ...base, ...changes, updatedAt, _deleted: deleted };
      for (const [k, v] of Object.entries(changes)) if (v === undefined) delete doc[k];
      if (dismiss) doc.keptConflicts = (base.keptConflicts ?? []).slice(1);
      return doc;
    });
}

const scenario = baseDoc.chain((base) =>
  fc.record({ base: fc.oneof(fc.constant(base), fc.constant(undefined)), master: edited(base), local: edited(base) }),
);

function hasKept(doc: SyncDocState, field: string, v: unknown): boolean {
  return (doc.keptConflicts ?? []).some((e: KeptConflictEntry) => e.field === field && e.value === canonicalJson(v));
}

describe('mergeDocs', () => {
  it('is deterministic and idempotent (resolving the resolved doc again changes nothing)', () => {
    fc.assert(
      fc.property(scenario, ({ base, master, local }) => {
        const once = mergeDocs({ base, master, local });
        expect(mergeDocs({ base, master, local })).toEqual(once);
        expect(sameDocState(mergeDocs({ base, master, local: once }), once)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never loses a write: every changed field value is in the result or in keptConflicts', () => {
    fc.assert(
      fc.property(scenario, ({ base, master, local }) => {
        const out = mergeDocs({ base, master, local });
        const b = base ?? (master._deleted ? master : local._deleted ? local : ({} as SyncDocState));
        for (const side of [master, local]) {
          if (side._deleted) {
            // A losing delete is recorded, never silently undone.
            if (!out._deleted) expect(hasKept(out, '_deleted', true)).toBe(true);
            continue;
          }
          for (const f of FIELDS) {
            if (sameValue(side[f], b[f])) continue;
            expect(sameValue(out[f], side[f]) || hasKept(out, f, side[f])).toBe(true);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps concurrent edits of different fields, and the master value on same-field conflicts', () => {
    fc.assert(
      fc.property(scenario, ({ base, master, local }) => {
        fc.pre(base !== undefined && !master._deleted && !local._deleted);
        const out = mergeDocs({ base, master, local });
        for (const f of FIELDS) {
          const mChanged = !sameValue(master[f], base![f]);
          const lChanged = !sameValue(local[f], base![f]);
          if (mChanged) expect(sameValue(out[f], master[f])).toBe(true);
          else if (lChanged) expect(sameValue(out[f], local[f])).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is commutative when no field was changed differently on both sides', () => {
    fc.assert(
      fc.property(scenario, ({ base, master, local }) => {
        const b = base ?? (master._deleted ? master : local._deleted ? local : ({} as SyncDocState));
        const clash = FIELDS.some((f) => {
          const mv = master._deleted ? b[f] : master[f];
          const lv = local._deleted ? b[f] : local[f];
          return !sameValue(mv, b[f]) && !sameValue(lv, b[f]) && !sameValue(mv, lv);
        });
        // Two independent deletes of a never-shared doc keep the master's tombstone data.
        fc.pre(!clash && !(base === undefined && master._deleted && local._deleted));
        expect(mergeDocs({ base, master, local })).toEqual(mergeDocs({ base, master: local, local: master }));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps dismissals of kept conflicts and collapses duplicates', () => {
    const entry = { field: 'name', value: '"a"', lostAt: 1, fromRevision: 'r' };
    const base: SyncDocState = { id: 'd', name: 'x', updatedAt: 1, keptConflicts: [entry] };
    const master: SyncDocState = { ...base, keptConflicts: [] };
    const local: SyncDocState = { ...base, title: 't', keptConflicts: [entry, entry] };
    const out = mergeDocs({ base, master, local });
    expect(out.keptConflicts).toBeUndefined();
    expect(out.title).toBe('t');
  });

  it('resolves delete vs edit in favour of the edit and records the delete', () => {
    const base: SyncDocState = { id: 'd', name: 'x', updatedAt: 1 };
    const out = mergeDocs({ base, master: { ...base, _deleted: true }, local: { ...base, name: 'y', updatedAt: 2 } });
    expect(out._deleted).toBe(false);
    expect(out.name).toBe('y');
    expect(hasKept(out, '_deleted', true)).toBe(true);
    const untouched = mergeDocs({ base, master: { ...base, _deleted: true }, local: { ...base, updatedAt: 5 } });
    expect(untouched._deleted).toBe(true);
  });
});

describe('conflictHandler', () => {
  it('treats states that differ only in local-only fields as equal', () => {
    const a = { id: 'd', updatedAt: 1, name: 'x', _deleted: false };
    expect(conflictHandler.isEqual(a, { ...a, _meta: { lwt: 5 }, _rev: '1-x' }, 'test')).toBe(true);
    expect(conflictHandler.isEqual(a, { ...a, name: 'y' }, 'test')).toBe(false);
  });

  it('returns the master state untouched when both sides agree', async () => {
    const m = { id: 'd', updatedAt: 1, name: 'x', _deleted: false };
    await expect(conflictHandler.resolve({ realMasterState: m, newDocumentState: { ...m } }, 't')).resolves.toBe(m);
  });
});

describe('kept conflicts beyond the cap', () => {
  const entry = (i: number): KeptConflictEntry => ({
    field: i % 2 ? 'name' : 'title',
    value: JSON.stringify(`v${i}`),
    lostAt: i,
    fromRevision: `r${i}`,
  });

  it('folds the oldest into one discarded notice instead of dropping them silently', () => {
    const master = Array.from({ length: 50 }, (_, i) => entry(i));
    const added = [entry(100), entry(101)];
    const kept = mergeKept(undefined, master, undefined, added);
    expect(kept).toHaveLength(MAX_KEPT_CONFLICTS);
    const notice = kept.find((k) => k.field === DISCARDED_FIELD);
    expect(notice && parseDiscarded(notice.value)).toEqual({ count: 3, fields: ['name', 'title'] });
    // The newest 49 are kept as they were.
    expect(kept.filter((k) => k.field !== DISCARDED_FIELD).map((k) => k.lostAt)).toEqual([
      ...Array.from({ length: 47 }, (_, i) => i + 3),
      100,
      101,
    ]);
  });

  it('adds up an earlier notice when folding again', () => {
    const first = mergeKept(
      undefined,
      Array.from({ length: 52 }, (_, i) => entry(i)),
      undefined,
      [],
    );
    const second = mergeKept(undefined, first, undefined, [entry(200), entry(201)]);
    const notice = second.find((k) => k.field === DISCARDED_FIELD)!;
    expect(second).toHaveLength(MAX_KEPT_CONFLICTS);
    expect(parseDiscarded(notice.value)?.count).toBe(5);
  });

  it('keeps everything when under the cap', () => {
    const kept = mergeKept(undefined, [entry(1), entry(2)], undefined, [entry(3)]);
    expect(kept.map((k) => k.lostAt)).toEqual([1, 2, 3]);
  });
});
