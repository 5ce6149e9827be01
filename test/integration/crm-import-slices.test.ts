// Integration (plain Node, real SQLite): an import cut into slices and pieces (a turn of the
// event loop after every row, a few records a write, small batches) stores exactly what the
// import stores in one write a batch and no turns — created, updated, conflicting, failed and
// repeated rows alike, and reports the same counts, errors and warnings.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/main/store';
import { runImport, type ImportFile, type ImportReport, type RunImportOptions } from '../../src/main/import/run-import';
import { canonicalJson } from '../../src/shared/sync/canonical';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/crm');
const NOW = Date.UTC(2024, 6, 1);
const COLLECTIONS = ['teammembers', 'accounts', 'stakeholders', 'opportunities', 'interactions'] as const;
const dirs: string[] = [];
const stores: Store[] = [];

async function sqliteStore(): Promise<Store> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ds-import-slices-'));
  dirs.push(dir);
  const store = await createStore({ directory: dir });
  stores.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** Everything stored, in id order, without RxDB's own fields. */
async function contents(store: Store): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const c of COLLECTIONS) out[c] = (await store[c].find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toJSON());
  return canonicalJson(out);
}

const outcome = (r: ImportReport) => ({
  counts: r.counts,
  errors: r.errors,
  warnings: r.warnings,
  newMembers: r.newMembers,
  samples: r.samples,
});

/** As the import was before slicing: one bulk write per batch and no turns in between. */
const WHOLE: Partial<RunImportOptions> = { batchSize: 500, pieceSize: 500, sliceMs: Number.POSITIVE_INFINITY };
/** A turn after every row and every piece, three records a write, batches of seven. */
const SLICED: Partial<RunImportOptions> = { batchSize: 7, pieceSize: 3, sliceMs: 0 };

const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(12, '0')}`;

/** A Salesforce export with links, repeats, unlinked rows, bad dates and values too long to store. */
function generated(round: 1 | 2): ImportFile[] {
  let a = 'Id,Name,Industry,BillingCountry,NumberOfEmployees,OwnerId\n';
  for (let i = 0; i < 40; i++) {
    // Round 2: the CRM renamed some accounts; one industry is too long for our schema (a row error when stored).
    const name = round === 2 && i % 5 === 0 ? `Renamed ${i}` : `Account ${i}`;
    const industry = i === 13 ? 'x'.repeat(120) : round === 2 && i % 3 === 0 ? 'Retail' : 'Software';
    a += `${id('001', i)},"${name}, Ltd",${industry},United Kingdom,${i * 50},${id('005', i % 4)}\n`;
  }
  let c = 'Id,AccountId,FirstName,LastName,Title,Email\n';
  for (let i = 0; i < 150; i++)
    c += `${id('003', i)},${id('001', i % 45)},Pat,Person ${i},${round === 2 && i % 7 === 0 ? 'CFO' : 'Buyer'},pat${i}@example.com\n`;
  let o = 'Id,AccountId,Name,StageName,Amount,CloseDate,OwnerId\n';
  for (let i = 0; i < 60; i++) {
    const stage = round === 2 && i % 4 === 0 ? 'Closed Won' : 'Prospecting';
    o += `${id('006', i)},${id('001', i % 40)},Deal ${i},${stage},"$${(i * 1234.5).toFixed(2)}",${i === 9 ? 'not a date' : `2024-0${1 + (i % 9)}-15`},${id('005', i % 4)}\n`;
  }
  let t = 'Id,Subject,TaskSubtype,WhoId,WhatId,ActivityDate,Description,OwnerId\n';
  for (let i = 0; i < 400; i++) {
    // Every 50th row repeats the one before it (the same record twice in one file).
    const n = i % 50 === 49 ? i - 1 : i;
    const what = n % 3 === 0 ? id('006', n % 60) : id('001', n % 40);
    t += `${id('00T', n)},Call ${n},${n % 2 ? 'Call' : 'Email'},${id('003', n % 160)},${what},2024-05-${String(1 + (n % 28)).padStart(2, '0')},"Notes ${round}\nline",${id('005', n % 4)}\n`;
  }
  return [
    { name: 'Account.csv', bytes: Buffer.from(a) },
    { name: 'Contact.csv', bytes: Buffer.from(c) },
    { name: 'Opportunity.csv', bytes: Buffer.from(o) },
    { name: 'Task.csv', bytes: Buffer.from(t) },
  ];
}

/** Imports round 1, edits one account and deletes another here, imports round 2: the stored result and both reports. */
async function twoRounds(options: Partial<RunImportOptions>) {
  const store = await sqliteStore();
  const first = await runImport({ store, files: generated(1), now: NOW, ...options });
  await (await store.accounts.findOne('acc_sf_001000000000010').exec())!.incrementalPatch({ name: 'Changed here' });
  // Deleted here: the next import meets its tombstone and writes the record again, as before.
  await (await store.accounts.findOne('acc_sf_001000000000011').exec())!.remove();
  const second = await runImport({ store, files: generated(2), now: NOW + 60_000, ...options });
  return { stored: await contents(store), first: outcome(first), second: outcome(second) };
}

describe('an import cut into slices and pieces', () => {
  it('stores what one write a batch stores: creates, updates, conflicts, repeats and row errors', async () => {
    const whole = await twoRounds(WHOLE);
    const sliced = await twoRounds(SLICED);
    // The data exercise every path (so the comparison below means something): created, a row
    // failing validation when stored, failing links and dates, repeats in one file (unchanged the
    // second time), updates, and a conflict with the account renamed here.
    expect(whole.first.counts['accounts']).toMatchObject({ created: 39, failed: 1 });
    expect(whole.first.counts['activities']).toMatchObject({ created: 388, unchanged: 8, failed: 4 });
    expect(whole.first.errors.map((e) => [e.file, e.line, e.code])).toEqual(
      expect.arrayContaining([
        ['Account.csv', 15, 'DS_IMPORT_INVALID_ROW'],
        ['Opportunity.csv', 11, 'DS_IMPORT_BAD_DATE'],
        ['Task.csv', 28, 'DS_IMPORT_UNLINKED'],
      ]),
    );
    expect(whole.second.counts['accounts']).toMatchObject({ created: 1, updated: 19, conflicts: 1 });
    expect(whole.second.counts['activities']).toMatchObject({ updated: 388, unchanged: 8 });
    expect(whole.first.warnings.length).toBeGreaterThan(0);
    expect(whole.stored).toContain('"Changed here"');
    expect(whole.stored).toContain('"id":"acc_sf_001000000000011"');

    expect(sliced.first).toEqual(whole.first);
    expect(sliced.second).toEqual(whole.second);
    expect(sliced.stored).toBe(whole.stored);
  });

  it('gives the same records from every CRM fixture, and the same again on a second import', async () => {
    for (const crm of readdirSync(FIXTURES).sort()) {
      const dir = path.join(FIXTURES, crm);
      const files = readdirSync(dir)
        .sort()
        .map((name) => ({ name, bytes: readFileSync(path.join(dir, name)) }));
      const run = async (options: Partial<RunImportOptions>) => {
        const store = await sqliteStore();
        const first = await runImport({ store, files, now: NOW, ...options });
        const second = await runImport({ store, files, now: NOW + 1000, ...options });
        return { stored: await contents(store), first: outcome(first), second: outcome(second) };
      };
      const whole = await run(WHOLE);
      const sliced = await run({ batchSize: 1, pieceSize: 1, sliceMs: 0 });
      expect(sliced, crm).toEqual(whole);
    }
  });
});
