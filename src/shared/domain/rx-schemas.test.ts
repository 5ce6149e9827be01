// The RxDB JSON schemas are derived from the zod schemas; this proves the two accept and refuse
// the same documents, on generated workspace data and on random corruptions of it.
import fc from 'fast-check';
import { fillWithDefaultSettings } from 'rxdb';
import { getValidator } from 'rxdb/plugins/validate-ajv';
import { generateWorkspace } from '../seed';
import { COLLECTIONS, SYNCED_COLLECTIONS, type CollectionName } from './collections';
import { rxSchemaFor } from './rx-schemas';

const workspace = generateWorkspace({ size: 'XS', seed: 3 });
const RX_META = { _deleted: false, _rev: '1-abc', _meta: { lwt: 1 }, _attachments: {} };

const validators = new Map<CollectionName, ReturnType<typeof getValidator>>();
function rxAccepts(name: CollectionName, doc: object): boolean {
  // Compiling a schema is the expensive part; once per collection.
  let validate = validators.get(name);
  if (!validate) validators.set(name, (validate = getValidator(fillWithDefaultSettings(rxSchemaFor(name) as never))));
  return validate({ ...doc, ...RX_META } as never).length === 0;
}

function zodAccepts(name: CollectionName, doc: object): boolean {
  return COLLECTIONS[name].schema.safeParse(doc).success;
}

const strange = fc.constantFrom<unknown>(
  null,
  -1,
  0,
  2.5,
  1e13,
  '',
  'x',
  'not an enum value',
  'y'.repeat(300),
  [],
  ['a'],
  {},
  { a: 1 },
  true,
  'has space',
  'ok_id-1',
);

describe('RxDB schemas agree with zod', () => {
  it.each(SYNCED_COLLECTIONS)('%s: every generated document is valid for both', (name) => {
    const docs = (workspace as unknown as Record<string, object[]>)[name] ?? [];
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs.slice(0, 200)) {
      expect(zodAccepts(name, doc)).toBe(true);
      expect(rxAccepts(name, doc)).toBe(true);
    }
  });

  it.each(SYNCED_COLLECTIONS)('%s: a corrupted field is refused by both or accepted by both', (name) => {
    const docs = (workspace as unknown as Record<string, Record<string, unknown>[]>)[name]!;
    const fields = Object.keys(COLLECTIONS[name].schema.shape);
    fc.assert(
      fc.property(fc.nat(docs.length - 1), fc.constantFrom(...fields), strange, fc.boolean(), (i, field, value, drop) => {
        const doc = { ...docs[i]! };
        if (drop) delete doc[field];
        else doc[field] = value;
        expect(rxAccepts(name, doc)).toBe(zodAccepts(name, doc));
      }),
      { numRuns: 300 },
    );
  });
});
