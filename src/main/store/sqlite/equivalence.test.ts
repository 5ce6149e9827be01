// Property test: for random write histories and random Mango queries the SQLite storage returns
// exactly what RxDB's memory storage returns (same ids in the same order, same counts).
import fc from 'fast-check';
import { normalizeMangoQuery, prepareQuery, randomToken } from 'rxdb';
import type { BulkWriteRow, MangoQuery, RxDocumentData, RxStorageInstance } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSQLite } from './index';
import { filledContactSchema, makeTempDir, removeDir, type ContactDoc } from './test-helpers';

type Doc = RxDocumentData<ContactDoc>;
type Inst = RxStorageInstance<ContactDoc, unknown, unknown>;

// Small pools so that writes collide and selectors hit; odd characters on purpose
// (below space, above U+FFFF, case and accents) because index order is where storages diverge.
const IDS = Array.from({ length: 30 }, (_, i) => `id${String(i).padStart(2, '0')}`).concat(['Z', 'é1', '😀', 'a\tb']);
const NAMES = ['', 'Ann', 'ann', 'Bob', 'bob b', 'Åsa', 'Zed', '😀x', 'a\tb', 'ï', '\uffff'];
const CITIES = ['Berlin', 'Oslo', 'Rome', 'oslo', ''];
const TAGS = ['a', 'b', 'c'];

const arbDocBody = fc.record({
  name: fc.constantFrom(...NAMES),
  age: fc.integer({ min: 0, max: 150 }),
  active: fc.boolean(),
  tags: fc.subarray(TAGS),
  profile: fc.record({ city: fc.constantFrom(...CITIES), score: fc.integer({ min: -1000, max: 1000 }).map((c) => c / 10) }),
  note: fc.option(fc.constantFrom('x', 'y', ''), { nil: undefined }),
});

type Op = { kind: 'upsert'; id: string; body: Record<string, unknown> } | { kind: 'delete'; id: string };
const arbOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('upsert' as const), id: fc.constantFrom(...IDS), body: arbDocBody }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom(...IDS) }) },
);
const arbBatches = fc.array(fc.array(arbOp, { minLength: 1, maxLength: 15 }), { minLength: 1, maxLength: 5 });

const arbNameValue = fc.constantFrom(...NAMES);
const arbAge = fc.integer({ min: -1, max: 151 });
const cmp = <T>(v: fc.Arbitrary<T>) =>
  fc.oneof(
    v.map(($eq) => ({ $eq })),
    v.map(($ne) => ({ $ne })),
    v.map(($gt) => ({ $gt })),
    v.map(($gte) => ({ $gte })),
    v.map(($lt) => ({ $lt })),
    v.map(($lte) => ({ $lte })),
    fc.array(v, { maxLength: 3 }).map(($in) => ({ $in })),
    fc.array(v, { maxLength: 3 }).map(($nin) => ({ $nin })),
    fc.tuple(v, v).map(([a, b]) => ({ $gte: a, $lt: b })),
  );
const arbFieldSelector: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  cmp(arbNameValue).map((s) => ({ name: s })),
  fc.constantFrom('^A', 'b', '^$', 'o', 'B$').map(($regex) => ({ name: { $regex } })),
  cmp(arbAge).map((s) => ({ age: s })),
  fc.boolean().map((b) => ({ active: { $eq: b } })),
  fc.boolean().map((b) => ({ active: b })),
  cmp(fc.constantFrom(...CITIES)).map((s) => ({ 'profile.city': s })),
  cmp(fc.integer({ min: -1010, max: 1010 }).map((c) => c / 10)).map((s) => ({ 'profile.score': s })),
  fc.boolean().map(($exists) => ({ note: { $exists } })),
  fc.constantFrom(...TAGS).map((t) => ({ tags: { $in: [t] } })),
  cmp(fc.constantFrom(...IDS)).map((s) => ({ id: s })),
);
const arbSelector = fc.oneof(
  { weight: 1, arbitrary: fc.constant({}) },
  { weight: 4, arbitrary: fc.array(arbFieldSelector, { minLength: 1, maxLength: 3 }).map((parts) => Object.assign({}, ...parts)) },
  { weight: 1, arbitrary: fc.array(arbFieldSelector, { minLength: 1, maxLength: 3 }).map(($or) => ({ $or })) },
  { weight: 1, arbitrary: fc.array(arbFieldSelector, { minLength: 1, maxLength: 3 }).map(($and) => ({ $and })) },
  {
    weight: 1,
    arbitrary: fc.tuple(arbFieldSelector, fc.array(arbFieldSelector, { minLength: 1, maxLength: 2 })).map(([a, $or]) => ({ ...a, $or })),
  },
);
const SORT_FIELDS = ['name', 'age', 'active', 'profile.city', 'profile.score', 'id'];
const arbSort = fc.option(
  fc
    .uniqueArray(fc.constantFrom(...SORT_FIELDS), { minLength: 1, maxLength: 2 })
    .chain((fields) => fc.tuple(...fields.map((f) => fc.constantFrom('asc', 'desc').map((dir) => ({ [f]: dir }))))),
  { nil: undefined },
);
const arbQuery = fc.record({
  selector: arbSelector,
  withDeletedFilter: fc.boolean(),
  sort: arbSort,
  skip: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  limit: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
});

function toRows(batch: Op[], state: Map<string, Doc>, lwt: number): BulkWriteRow<ContactDoc>[] {
  const rows: BulkWriteRow<ContactDoc>[] = [];
  const seen = new Set<string>();
  for (const op of batch) {
    if (seen.has(op.id)) continue; // RxDB never writes one id twice in one bulk
    seen.add(op.id);
    const previous = state.get(op.id);
    const gen = previous ? Number(previous._rev.split('-')[0]) + 1 : 1;
    const base = op.kind === 'upsert' ? (op.body as Omit<ContactDoc, 'id'>) : previous;
    if (!base) continue;
    const document = {
      ...(base as ContactDoc),
      id: op.id,
      _deleted: op.kind === 'delete',
      _attachments: {},
      _rev: `${gen}-r${lwt}`,
      _meta: { lwt },
    } as Doc;
    if (document.note === undefined) delete document.note;
    rows.push(previous ? { previous, document } : { document });
    state.set(op.id, document);
  }
  return rows;
}

async function outcome(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await fn() };
  } catch (err) {
    return { threw: (err as { code?: string }).code ?? 'error' };
  }
}

/** The same collection on both storages, in a database of its own. */
function instanceParams(prefix: string) {
  return {
    databaseInstanceToken: randomToken(10),
    databaseName: `${prefix}${randomToken(8)}`,
    collectionName: 'contacts',
    schema: filledContactSchema,
    options: {},
    multiInstance: false,
    devMode: false,
  };
}

describe('SQLite storage equals RxDB memory storage', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir();
  });
  afterAll(() => removeDir(dir));

  it('for descending sorts read backwards through an index, ties on the sorted fields included', async () => {
    const params = instanceParams('desc');
    const a = (await getRxStorageSQLite({ databaseDirectory: dir }).createStorageInstance<ContactDoc>(params)) as Inst;
    const b = (await getRxStorageMemory().createStorageInstance<ContactDoc>(params)) as Inst;
    try {
      // Few distinct ages and names, so every page boundary falls inside a group of ties.
      const rows = Array.from({ length: 60 }, (_, i) => ({
        document: {
          id: `c${String(i).padStart(3, '0')}`,
          name: `n${i % 3}`,
          age: 20 + (i % 4),
          active: i % 2 === 0,
          tags: [],
          profile: { city: `c${i % 2}`, score: i % 5 },
          _deleted: i % 11 === 0,
          _attachments: {},
          _rev: '1-a',
          _meta: { lwt: 1 },
        } as Doc,
      }));
      await a.bulkWrite(rows, 'desc');
      await b.bulkWrite(rows, 'desc');
      const queries = [
        { selector: { _deleted: { $eq: false } }, sort: [{ age: 'desc' }], limit: 7 },
        { selector: { _deleted: { $eq: false } }, sort: [{ age: 'desc' }, { id: 'desc' }], skip: 5, limit: 9 },
        { selector: { _deleted: { $eq: false }, active: true }, sort: [{ age: 'desc' }], limit: 4 },
        { selector: { _deleted: { $eq: false }, 'profile.city': 'c1' }, sort: [{ 'profile.city': 'desc' }, { name: 'desc' }], limit: 5 },
        { selector: { _deleted: { $eq: false }, age: { $gt: 20 } }, sort: [{ age: 'desc' }], skip: 3, limit: 1 },
        { selector: { _deleted: { $eq: false }, name: { $ne: 'n1' } }, sort: [{ name: 'desc' }], limit: 6 },
      ] as MangoQuery<Doc>[];
      for (const mango of queries) {
        const prepared = () => prepareQuery(filledContactSchema, normalizeMangoQuery(filledContactSchema, mango));
        const ids = async (inst: Inst) => (await inst.query(prepared())).documents.map((d) => d.id);
        expect({ mango, ids: await ids(a) }).toEqual({ mango, ids: await ids(b) });
      }
    } finally {
      await a.remove();
      await b.remove();
    }
  });

  it('for random write histories and random queries', { timeout: 120_000 }, async () => {
    const sqlite = getRxStorageSQLite({ databaseDirectory: dir });
    const memory = getRxStorageMemory();
    await fc.assert(
      fc.asyncProperty(arbBatches, fc.array(arbQuery, { minLength: 1, maxLength: 12 }), async (batches, queries) => {
        const params = instanceParams('eq');
        const a = (await sqlite.createStorageInstance<ContactDoc>(params)) as Inst;
        const b = (await memory.createStorageInstance<ContactDoc>(params)) as Inst;
        try {
          const state = new Map<string, Doc>();
          let lwt = 1_700_000_000_000;
          for (const batch of batches) {
            lwt += 1;
            const rows = toRows(batch, state, lwt);
            if (rows.length === 0) continue;
            const [ra, rb] = [await a.bulkWrite(rows, 'eq'), await b.bulkWrite(rows, 'eq')];
            expect(ra.error).toEqual(rb.error);
          }
          for (const spec of queries) {
            const mango: MangoQuery<ContactDoc> = {
              selector: spec.withDeletedFilter ? { ...spec.selector, _deleted: { $eq: false } } : spec.selector,
              ...(spec.sort ? { sort: spec.sort } : {}),
              ...(spec.skip !== undefined ? { skip: spec.skip } : {}),
              ...(spec.limit !== undefined ? { limit: spec.limit } : {}),
            } as MangoQuery<ContactDoc>;
            const prepared = () => prepareQuery(filledContactSchema, normalizeMangoQuery(filledContactSchema, mango));
            const ids = (inst: Inst) => () => inst.query(prepared()).then((r) => r.documents.map((d) => d.id));
            const count = (inst: Inst) => () => inst.count(prepared()).then((r) => r.count);
            expect({ mango, r: await outcome(ids(a)) }).toEqual({ mango, r: await outcome(ids(b)) });
            expect({ mango, c: await outcome(count(a)) }).toEqual({ mango, c: await outcome(count(b)) });
          }
          const all = [...state.keys()];
          expect(await a.findDocumentsById(all, true)).toEqual(await b.findDocumentsById(all, true));
          expect(await a.findDocumentsById(all, false)).toEqual(await b.findDocumentsById(all, false));
        } finally {
          await a.remove();
          await b.remove();
        }
      }),
      { numRuns: 150 },
    );
  });
});
