// Property: several clients edit offline (same docs, same fields, deletes, same-id creates,
// clocks a day apart), then sync in random orders. Afterwards every client and the server hold
// identical data, and every client's final write is either in the data or in keptConflicts.
import fc from 'fast-check';
import type { RxDatabase } from 'rxdb';
import { startSync } from '../../src/main/sync';
import type { SyncServer } from '../../src/server';
import { canonicalJson, toDocState } from '../../src/shared/sync';
import { BACKENDS, seedWorkspace, startServer, type Workspace } from './fixtures/sync-harness';
import { createTestStore } from './fixtures/sync-store';

const DAY = 86_400_000;
const DOC_IDS = ['acc_0', 'acc_1', 'acc_2', 'acc_new'];
const FIELD_VALUES = {
  name: ['Alpha', 'Beta', "O'Hara; DROP"],
  industry: ['software', 'retail'],
  region: ['emea', 'apac'],
  employees: [10, 20, null],
} as const;
type Field = keyof typeof FIELD_VALUES;

const op = fc.record({
  docId: fc.constantFrom(...DOC_IDS),
  kind: fc.constantFrom('edit', 'edit', 'edit', 'delete'),
  field: fc.constantFrom(...(Object.keys(FIELD_VALUES) as Field[])),
  pick: fc.nat(2),
});
const scenario = fc.record({
  clients: fc.integer({ min: 3, max: 4 }),
  clockOffsets: fc.array(fc.constantFrom(-DAY, 0, DAY), { minLength: 4, maxLength: 4 }),
  ops: fc.array(fc.tuple(fc.nat(3), op), { minLength: 4, maxLength: 14 }),
  order: fc.array(fc.nat(3), { minLength: 2, maxLength: 6 }),
});

const baseDoc = (id: string, now: number) => ({
  id,
  name: `Base ${id}`,
  industry: 'software',
  region: 'emea',
  segment: 'smb',
  updatedAt: now,
});

describe.each(BACKENDS)('convergence on $name', (backend) => {
  let env: Awaited<ReturnType<typeof backend.create>>;
  let server: SyncServer;
  let url: string;

  beforeAll(async () => {
    env = await backend.create('convergence');
    ({ server, url } = await startServer(env.db));
  });
  afterAll(async () => {
    await server.close();
    await env.db.close();
    await env.drop();
  });

  async function syncOnce(store: RxDatabase, ws: Workspace) {
    const s = startSync({ store, serverUrl: url, workspaceId: ws.id, token: ws.adminToken, collections: ['accounts'], retryTimeMs: 100 });
    await s.awaitInSync();
    await s.stop();
  }

  async function serverDocs(ws: Workspace) {
    const res = await fetch(`${url}/v1/workspaces/${ws.id}/collections/accounts/pull?seq=0&limit=1000`, {
      headers: { authorization: `Bearer ${ws.adminToken}` },
    });
    return ((await res.json()) as { documents: Record<string, unknown>[] }).documents;
  }

  it('converges without losing a write', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ clients: n, clockOffsets, ops, order }) => {
        run++;
        const ws = await seedWorkspace(server, url, `conv-${run}`);
        const stores: RxDatabase[] = [];
        try {
          for (let i = 0; i < n; i++) stores.push(await createTestStore(`conv-${backend.name}-${run}-${i}`, ['accounts']));
          // Shared starting point: three documents every client has seen.
          await stores[0]!.collections.accounts!.bulkInsert(DOC_IDS.slice(0, 3).map((id) => baseDoc(id, Date.now())));
          for (const s of stores) await syncOnce(s, ws);
          const before = new Map((await serverDocs(ws)).map((d) => [d.id as string, d]));

          // Offline edits; `last` keeps each client's final intent per (doc, field).
          const last = new Map<string, { client: number; docId: string; field: string; value: unknown }>();
          for (const [rawClient, o] of ops) {
            const c = rawClient % n;
            const col = stores[c]!.collections.accounts!;
            const now = Date.now() + clockOffsets[c]!;
            const doc = await col.findOne(o.docId).exec();
            if (o.kind === 'delete') {
              if (doc) {
                await doc.remove();
                // The client's own delete supersedes its earlier edits of this document.
                for (const k of [...last.keys()]) if (k.startsWith(`${c}|${o.docId}|`)) last.delete(k);
                last.set(`${c}|${o.docId}|_deleted`, { client: c, docId: o.docId, field: '_deleted', value: true });
              }
              continue;
            }
            const value = FIELD_VALUES[o.field][o.pick % FIELD_VALUES[o.field].length];
            if (!doc) {
              if (o.docId !== 'acc_new' || last.has(`${c}|acc_new|_deleted`)) continue;
              const created: Record<string, unknown> = { ...baseDoc('acc_new', now), name: `New by ${c}` };
              if (value === null) delete created[o.field];
              else created[o.field] = value;
              await col.insert(created as never);
              // Leaving an optional field out of a new document asserts nothing about it, so only
              // the fields it sets are writes (two independent creates merge with an empty base).
              for (const f of ['name', 'industry', 'region', o.field]) {
                if (created[f] !== undefined) last.set(`${c}|acc_new|${f}`, { client: c, docId: 'acc_new', field: f, value: created[f] });
              }
              continue;
            }
            await doc.incrementalModify((d: Record<string, unknown>) => {
              if (value === null) delete d[o.field];
              else d[o.field] = value;
              d.updatedAt = now;
              return d as never;
            });
            last.set(`${c}|${o.docId}|${o.field}`, { client: c, docId: o.docId, field: o.field, value });
          }

          for (const c of order) await syncOnce(stores[c % n]!, ws);
          for (let round = 0; round < 2; round++) for (const s of stores) await syncOnce(s, ws);

          const onServer = (await serverDocs(ws)).filter((d) => !d._deleted);
          const expected = canonicalJson(onServer.map((d) => toDocState(d)).sort((a, b) => String(a.id).localeCompare(String(b.id))));
          for (const s of stores) {
            const local = (await s.collections.accounts!.find().exec()).map((d) => toDocState(d.toJSON() as { id: string }));
            local.sort((a, b) => a.id.localeCompare(b.id));
            expect(canonicalJson(local)).toBe(expected);
          }
          const all = new Map((await serverDocs(ws)).map((d) => [d.id as string, d]));
          for (const w of last.values()) {
            // Net no change (e.g. set back to the shared value) is no write to keep.
            const was = before.get(w.docId);
            if (was && w.field !== '_deleted' && canonicalJson(was[w.field] ?? null) === canonicalJson(w.value)) continue;
            const d = all.get(w.docId);
            expect(d, `doc ${w.docId}`).toBeDefined();
            const kept = (d!.keptConflicts as { field: string; value: string }[] | undefined) ?? [];
            const inData = w.field === '_deleted' ? d!._deleted === true : canonicalJson(d![w.field] ?? null) === canonicalJson(w.value);
            const inKept = kept.some((k) => k.field === w.field && k.value === canonicalJson(w.value));
            // A field write on a document someone else deleted is not lost either: edit beats delete.
            expect(inData || inKept, `write ${JSON.stringify(w)} in ${JSON.stringify(d)}`).toBe(true);
          }
        } finally {
          for (const s of stores) await s.close();
        }
      }),
      { numRuns: 4 },
    );
  }, 240_000);
});
