import fc from 'fast-check';
import { IdIndex } from './id-index';

describe('IdIndex', () => {
  // 500 ids keep the first table (1,024 entries) nearly half full: long runs, some wrapping past
  // its end (in about one salt in eight), which is where backward-shift deletion goes wrong if it does.
  it('finds what is left after deleting every other id of a nearly half-full table, for 200 sets of ids', () => {
    let wrong = 0;
    for (let salt = 0; salt < 200; salt++) {
      const index = new IdIndex();
      const names = Array.from({ length: 500 }, (_, k) => `int_${salt}_${k}`);
      names.forEach((id, k) => index.set(id, k));
      for (let k = 0; k < 500; k += 2) index.delete(names[k]!);
      wrong += names.filter((id, k) => index.get(id) !== (k % 2 ? k : undefined)).length;
    }
    expect(wrong).toBe(0);
  });

  it.each([3000])('answers as a Map<string, number> would through sets, overwrites and deletions of %i ids (the table grows)', (ids) => {
    // Three sets to a deletion, so the table stays nearly as full as the id count allows.
    const op = fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), id: fc.nat(ids - 1), value: fc.nat(1_000_000) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), id: fc.nat(ids - 1) }) },
    );
    fc.assert(
      // The salt varies the ids, so where their hashes land (and which runs wrap) varies too.
      fc.property(fc.nat(), fc.array(op, { minLength: ids, maxLength: 4 * ids }), (salt, ops) => {
        const names = Array.from({ length: ids }, (_, k) => `int_${salt.toString(36)}_${k.toString(36)}`);
        const index = new IdIndex();
        const model = new Map<string, number>();
        for (const o of ops) {
          const id = names[o.id]!;
          if (o.kind === 'set') {
            index.set(id, o.value);
            model.set(id, o.value);
          } else expect(index.delete(id)).toBe(model.delete(id));
        }
        expect(index.size).toBe(model.size);
        expect(names.map((id) => index.get(id))).toEqual(names.map((id) => model.get(id)));
      }),
      { numRuns: 10 },
    );
  });

  it('finds every one of 200k generated-style ids after deleting every third, in a table of 12 bytes an entry at a load of at least 0.35', () => {
    const index = new IdIndex();
    const ids = Array.from({ length: 200_000 }, (_, k) => `int_${(k * 7919).toString(36).padStart(8, '0')}`);
    ids.forEach((id, k) => index.set(id, k));
    ids.forEach((id, k) => {
      if (k % 3 === 0) index.delete(id);
    });
    const wrong = ids.filter((id, k) => index.get(id) !== (k % 3 === 0 ? undefined : k));
    expect(wrong).toEqual([]);
    expect(index.size).toBe(200_000 - Math.ceil(200_000 / 3));
    expect(index.bytes).toBeLessThanOrEqual(12 * 4 * 200_000);
  });

  it('answers as a Map would after a trim to a capacity that is not a power of two, through deletes and growth after it', () => {
    // 700 ids (the first table grows at 716), a trim to 1,125 entries, then runs that wrap past the
    // end of a table of that odd size, deletions that shift entries back across it, and growth past it.
    for (let salt = 0; salt < 40; salt++) {
      const index = new IdIndex();
      const model = new Map<string, number>();
      const put = (id: string, v: number) => (index.set(id, v), model.set(id, v));
      const names = Array.from({ length: 3000 }, (_, k) => `stp_${salt}_${k}`);
      names.slice(0, 1400).forEach((id, k) => put(id, k));
      names.slice(0, 1400).forEach((id, k) => k % 2 === 0 && expect(index.delete(id)).toBe(model.delete(id)));
      index.trim();
      expect(index.bytes).toBe(12 * Math.ceil((700 * 1.125) / 0.7));
      names.slice(0, 1400).forEach((id, k) => k % 3 === 0 && expect(index.delete(id)).toBe(model.delete(id)));
      names.slice(1400).forEach((id, k) => put(id, k));
      names.slice(1400).forEach((id, k) => k % 5 === 0 && expect(index.delete(id)).toBe(model.delete(id)));
      expect(index.size).toBe(model.size);
      expect(names.map((id) => index.get(id))).toEqual(names.map((id) => model.get(id)));
    }
  });

  it('keeps its load at most 0.7 as it grows', () => {
    const index = new IdIndex();
    for (let k = 0; k < 50_000; k++) {
      index.set(`int_${k}`, k);
      expect(index.size).toBeLessThanOrEqual((0.7 * index.bytes) / 12);
    }
  });

  it('refuses a value that is not a slot', () => {
    expect(() => new IdIndex().set('x', -1)).toThrow(RangeError);
    expect(() => new IdIndex().set('x', 1.5)).toThrow(RangeError);
  });
});
