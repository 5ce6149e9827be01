// Integration (plain Node, in-memory RxDB and real SQLite): CRM CSV exports in each CRM's shape
// (test/fixtures/crm, made up) through the reader, the presets and the runner into a store.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/main/store';
import { runImport, type ImportFile } from '../../src/main/import/run-import';
import { exportCollectionText, EXPORT_COLLECTIONS } from '../../src/main/import/export-csv';
import { loadWorkspaceIntoStore } from '../../src/main/store/load-workspace';
import { generateWorkspaceBatches } from '../../src/shared/seed';
import { canonicalJson } from '../../src/shared/sync/canonical';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/crm');
const NOW = Date.UTC(2024, 6, 1);
const stores: Store[] = [];

async function newStore(): Promise<Store> {
  const store = await createStore({ name: `crm${stores.length}_${Math.random().toString(36).slice(2)}` });
  stores.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

function filesOf(crm: string): ImportFile[] {
  const dir = path.join(FIXTURES, crm);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, bytes: readFileSync(path.join(dir, name)) }));
}

const created = (counts: Record<string, { created: number }>) => Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, c.created]));

describe('Salesforce export (API names, ISO +0000 dates, quoted newlines)', () => {
  it('imports counts, links, stages, dates and amounts; reports bad rows with their lines; a second import changes nothing', async () => {
    const store = await newStore();
    const r = await runImport({ store, files: filesOf('salesforce'), now: NOW });
    expect(r.files.map((f) => [f.file, f.crm, f.kind])).toEqual([
      ['User.csv', 'salesforce', 'users'],
      ['Account.csv', 'salesforce', 'accounts'],
      ['Contact.csv', 'salesforce', 'contacts'],
      ['Opportunity.csv', 'salesforce', 'opportunities'],
      ['Event.csv', 'salesforce', 'activities'],
      ['Task.csv', 'salesforce', 'activities'],
    ]);
    expect(created(r.counts)).toEqual({ users: 2, accounts: 3, contacts: 3, opportunities: 3, activities: 3 });
    expect(r.errors.map((e) => [e.file, e.line, e.code])).toEqual([
      ['Contact.csv', 5, 'DS_IMPORT_UNLINKED'],
      ['Opportunity.csv', 5, 'DS_IMPORT_BAD_DATE'],
      ['Task.csv', 5, 'DS_IMPORT_UNLINKED'],
    ]);
    const opp = (await store.opportunities.findOne('opp_sf_0065g00000D0001').exec())!.toJSON();
    expect(opp).toMatchObject({
      accountId: 'acc_sf_0015g00000XyZA1',
      amount: 1124741.15,
      currency: 'GBP',
      stage: 'negotiate',
      status: 'open',
      closeDate: Date.UTC(2024, 10, 10),
      createdAt: Date.UTC(2024, 0, 22, 16, 14, 25),
      ownerId: 'tm_sf_0055g00000AAAA1',
      source: { crm: 'salesforce', object: 'opportunity', externalId: '0065g00000D0001' },
    });
    expect((await store.opportunities.findOne('opp_sf_0065g00000D0002').exec())!.toJSON()).toMatchObject({
      status: 'won',
      stage: 'commit',
      closedAt: Date.UTC(2024, 2, 31),
    });
    expect((await store.opportunities.findOne('opp_sf_0065g00000D0003').exec())!.toJSON()).toMatchObject({
      status: 'lost',
      currency: 'EUR',
    });
    const task = (await store.interactions.findOne('int_sf_00T5g00000T0001').exec())!.toJSON();
    expect(task).toMatchObject({
      kind: 'call',
      opportunityId: 'opp_sf_0065g00000D0001',
      accountId: 'acc_sf_0015g00000XyZA1',
      attendeeIds: ['stk_sf_0035g00000C0001'],
    });
    expect(task.notes).toBe('Call about rollout\n\nDiscussed rollout.\nNext: send pricing.');
    expect((await store.accounts.findOne('acc_sf_0015g00000XyZA1').exec())!.toJSON()).toMatchObject({
      segment: 'enterprise',
      employees: 2300,
      region: 'West Yorkshire, United Kingdom',
    });

    const again = await runImport({ store, files: filesOf('salesforce'), now: NOW + 86_400_000 });
    for (const c of Object.values(again.counts)) expect([c.created, c.updated]).toEqual([0, 0]);
    expect(again.counts['activities']!.unchanged).toBe(3);
    expect(await store.interactions.count().exec()).toBe(3);
  });

  it('a deal exported without a created date is unchanged when the same file is imported again later', async () => {
    const store = await newStore();
    // Salesforce's Opportunity.csv without its CreatedDate column: the first deal closes after NOW.
    const files = filesOf('salesforce').map((f) =>
      f.name !== 'Opportunity.csv'
        ? f
        : {
            name: f.name,
            bytes: Buffer.from(
              Buffer.from(f.bytes)
                .toString('utf8')
                .split('\n')
                .map((line) =>
                  line
                    .split(',')
                    .filter((_, i) => i !== 9)
                    .join(','),
                )
                .join('\n'),
            ),
          },
    );
    const first = await runImport({ store, files, now: NOW });
    expect(first.counts['opportunities']).toMatchObject({ created: 3 });
    const made = (await store.opportunities.findOne('opp_sf_0065g00000D0001').exec())!.toJSON();
    expect(made.createdAt).toBe(NOW);
    const again = await runImport({ store, files, now: NOW + 7 * 86_400_000 });
    expect(again.counts['opportunities']).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect((await store.opportunities.findOne('opp_sf_0065g00000D0001').exec())!.toJSON().createdAt).toBe(NOW);
  });

  it('a value changed in the CRM updates ours unless it was changed here since; then ours stays and the CRM value is kept as a conflict', async () => {
    const store = await newStore();
    await runImport({ store, files: filesOf('salesforce'), now: NOW });
    // Here: a seller renames one account.
    await (await store.accounts.findOne('acc_sf_0015g00000XyZA2').exec())!.incrementalPatch({ name: 'Bluefin (renamed here)' });
    // In the CRM: both accounts' industries and that account's name change.
    const accounts = readFileSync(path.join(FIXTURES, 'salesforce/Account.csv'), 'utf8')
      .replace('Northwind Freight,Logistics', 'Northwind Freight,Freight & Logistics')
      .replace('Bluefin Analytics,Software', 'Bluefin Data Inc,Data');
    const r = await runImport({ store, files: [{ name: 'Account.csv', bytes: Buffer.from(accounts) }], now: NOW + 1000 });
    expect(r.counts['accounts']).toMatchObject({ created: 0, updated: 2, unchanged: 1, conflicts: 1 });
    const bluefin = (await store.accounts.findOne('acc_sf_0015g00000XyZA2').exec())!.toJSON();
    expect(bluefin.name).toBe('Bluefin (renamed here)');
    expect(bluefin.industry).toBe('Data');
    expect(bluefin.keptConflicts).toEqual([expect.objectContaining({ field: 'name', value: JSON.stringify('Bluefin Data Inc') })]);
    expect((await store.accounts.findOne('acc_sf_0015g00000XyZA1').exec())!.industry).toBe('Freight & Logistics');
    // The same file again: nothing new, the conflict is not kept twice.
    const again = await runImport({ store, files: [{ name: 'Account.csv', bytes: Buffer.from(accounts) }], now: NOW + 2000 });
    expect(again.counts['accounts']).toMatchObject({ updated: 0, unchanged: 3, conflicts: 0 });
  });

  it('cancel mid-import keeps whole records written so far, and the same import again finishes the rest', async () => {
    const store = await newStore();
    const rows = Array.from({ length: 3000 }, (_, i) => `001ACC${String(i).padStart(6, '0')},Account ${i},Retail`);
    const file = { name: 'Account.csv', bytes: Buffer.from(`Id,Name,Industry\n${rows.join('\n')}\n`) };
    const controller = new AbortController();
    const r = await runImport({
      store,
      files: [file],
      now: NOW,
      batchSize: 500,
      signal: controller.signal,
      onProgress: (_fraction, message) => {
        if (message.startsWith('Importing')) controller.abort();
      },
    });
    expect(r.cancelled).toBe(true);
    const written = await store.accounts.count().exec();
    expect(written).toBeGreaterThan(0);
    expect(written % 500).toBe(0);
    expect(written).toBeLessThan(3000);
    expect(r.counts['accounts']!.created).toBe(written);
    const rest = await runImport({ store, files: [file], now: NOW });
    expect(rest.counts['accounts']).toMatchObject({ created: 3000 - written, unchanged: written });
  });

  it('the thread reading the files failing ends the import with a coded error, whole records kept; the same import again finishes', async () => {
    const store = await newStore();
    const rows = Array.from({ length: 3000 }, (_, i) => `001ACC${String(i).padStart(6, '0')},Account ${i},Retail`);
    const file = { name: 'Account.csv', bytes: Buffer.from(`Id,Name,Industry\n${rows.join('\n')}\n`) };
    const failed = runImport({ store, files: [file], now: NOW, batchSize: 500, crashThreadAfterRows: 1200 });
    await expect(failed).rejects.toMatchObject({ code: 'DS_IMPORT_WORKER', message: expect.stringMatching(/run the import again/) });
    const written = await store.accounts.count().exec();
    expect(written % 500).toBe(0);
    expect(written).toBeLessThanOrEqual(1000);
    const rest = await runImport({ store, files: [file], now: NOW });
    expect(rest.counts['accounts']).toMatchObject({ created: 3000 - written, unchanged: written, failed: 0 });
  });

  // Linux only: per-thread nice values are Linux's (elsewhere the thread keeps the process's).
  it.runIf(process.platform === 'linux')('the thread reading the files runs at nice 10, the main thread at the process’s', async () => {
    const niceOfThreads = () =>
      readdirSync('/proc/self/task').map((tid) => {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        // Fields after "(comm) ": state is the 1st, nice the 17th.
        return { tid: Number(tid), nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) };
      });
    const store = await newStore();
    // The thread is kept a while after an import (the same one for every import of this file's
    // tests): it is there to look at once the import is done.
    await runImport({ store, files: [{ name: 'Account.csv', bytes: Buffer.from('Id,Name\n001A,Acme\n') }], now: NOW });
    const threads = niceOfThreads();
    expect(threads.filter((t) => t.nice === 10).length).toBe(1);
    expect(threads.find((t) => t.tid === process.pid)!.nice).toBe(0);
  });
});

describe('Dynamics 365 export (display labels, Windows-1252, CRLF, links by display name)', () => {
  it('reads the labels, the text and the US dates, links by name and reports the unknown "Regarding"', async () => {
    const store = await newStore();
    const r = await runImport({ store, files: filesOf('dynamics'), now: NOW });
    expect(r.files.every((f) => f.crm === 'dynamics')).toBe(true);
    expect(r.files.find((f) => f.file === 'Accounts.csv')!.encoding).toBe('windows-1252');
    expect(created(r.counts)).toEqual({ users: 2, accounts: 2, contacts: 2, opportunities: 2, activities: 1 });
    expect(r.errors.map((e) => [e.file, e.line, e.code])).toEqual([['Phone Calls.csv', 3, 'DS_IMPORT_UNLINKED']]);
    const accounts = (await store.accounts.find().exec()).map((d) => d.name).sort();
    expect(accounts).toEqual(['Café Nordique', 'Fjord Mechanics']);
    const person = (await store.stakeholders.find({ selector: { name: 'Åsa Lindqvist' } }).exec())[0]!;
    const cafe = (await store.accounts.find({ selector: { name: 'Café Nordique' } }).exec())[0]!;
    expect(person.accountId).toBe(cafe.id);
    const deals = (await store.opportunities.find().exec()).map((d) => d.toJSON());
    const refit = deals.find((d) => d.name === 'Espresso line refit')!;
    expect(refit).toMatchObject({
      amount: 84500,
      currency: 'EUR',
      stage: 'propose',
      status: 'open',
      closeDate: Date.UTC(2024, 5, 30),
      createdAt: Date.UTC(2024, 0, 15, 9, 5),
      accountId: cafe.id,
    });
    expect(deals.find((d) => d.name === 'Hydraulics service deal')).toMatchObject({ status: 'won', amount: 210000 });
    const call = (await store.interactions.find().exec())[0]!.toJSON();
    expect(call).toMatchObject({
      kind: 'call',
      direction: 'outbound',
      durationMin: 30,
      opportunityId: refit.id,
      accountId: cafe.id,
      at: Date.UTC(2024, 1, 1, 10, 30),
    });
    const again = await runImport({ store, files: filesOf('dynamics'), now: NOW + 1 });
    for (const c of Object.values(again.counts)) expect([c.created, c.updated]).toEqual([0, 0]);
  });
});

describe('HubSpot export (Record ID, associations, "$22,700.00", UTF-8 BOM)', () => {
  it('imports companies, contacts, deals and meetings with their associations', async () => {
    const store = await newStore();
    const r = await runImport({ store, files: filesOf('hubspot'), now: NOW });
    expect(r.files.every((f) => f.crm === 'hubspot')).toBe(true);
    expect(created(r.counts)).toEqual({ users: 1, accounts: 2, contacts: 3, opportunities: 3, activities: 2 });
    expect(r.errors.map((e) => [e.file, e.line, e.code])).toEqual([['meetings.csv', 4, 'DS_IMPORT_MISSING']]);
    expect((await store.opportunities.findOne('opp_hs_9301').exec())!.toJSON()).toMatchObject({
      amount: 22700,
      currency: 'USD',
      stage: 'negotiate',
      status: 'open',
      closeDate: Date.UTC(2024, 10, 10),
    });
    expect((await store.opportunities.findOne('opp_hs_9302').exec())!.toJSON()).toMatchObject({ amount: 8250.5, status: 'won' });
    expect((await store.opportunities.findOne('opp_hs_9303').exec())!.status).toBe('lost');
    expect((await store.interactions.findOne('int_hs_11401').exec())!.toJSON()).toMatchObject({
      kind: 'meeting',
      channel: 'video',
      opportunityId: 'opp_hs_9301',
      accountId: 'acc_hs_5101',
      attendeeIds: ['stk_hs_7201', 'stk_hs_7203'],
    });
    // The BOM did not leak into the first header: ids were read.
    expect((await store.accounts.findOne('acc_hs_5101').exec())!.name).toBe('Pinecrest Health');
  });
});

describe('Zoho export (ACCOUNTID, "15 Apr, 2021 00:02:00", semicolons)', () => {
  it('imports with the semicolon delimiter and asks for the stage it does not know', async () => {
    const store = await newStore();
    const r = await runImport({ store, files: filesOf('zoho'), now: NOW });
    expect(r.files.map((f) => [f.crm, f.delimiter])).toEqual(Array(4).fill(['zoho', ';']));
    expect(created(r.counts)).toEqual({ users: 1, accounts: 2, contacts: 2, opportunities: 2, activities: 1 });
    expect(r.errors).toEqual([expect.objectContaining({ file: 'Potentials.csv', line: 4, code: 'DS_IMPORT_UNMAPPED_STAGE' })]);
    expect(r.stages).toEqual(['Closed Won', 'Needs Analysis', 'Pending Board Vote']);
    expect((await store.opportunities.findOne('opp_zoho_zcrm_4000000033001').exec())!.toJSON()).toMatchObject({
      amount: 1_250_000,
      stage: 'discover',
      createdAt: Date.UTC(2021, 3, 15, 0, 2),
      closeDate: Date.UTC(2021, 5, 30),
    });
    const call = (await store.interactions.findOne('int_zoho_zcrm_4000000044001').exec())!.toJSON();
    expect(call.notes).toBe('Discovery call\n\nPain: "legacy" ERP');
    expect(call.opportunityId).toBe('opp_zoho_zcrm_4000000033001');
    // With the stage mapped, the third deal comes in and the others stay as they were.
    const mapped = await runImport({ store, files: filesOf('zoho'), now: NOW, stageMap: { 'Pending Board Vote': 'commit' } });
    expect(mapped.counts['opportunities']).toMatchObject({ created: 1, unchanged: 2, failed: 0 });
  });
});

describe('files as they come', () => {
  it('an empty file and a header alone are reported, not fatal', async () => {
    const store = await newStore();
    const r = await runImport({ store, files: filesOf('edge'), now: NOW });
    expect(r.errors.map((e) => [e.file, e.code])).toEqual([['empty.csv', 'DS_IMPORT_EMPTY_FILE']]);
    expect(r.warnings.map((e) => [e.file, e.code])).toEqual([['header-only.csv', 'DS_IMPORT_HEADER_ONLY']]);
    expect(await store.accounts.count().exec()).toBe(0);
  });

  it('BOM or none, CRLF or LF, tabs, Windows-1252 and quoted newlines give the same records', async () => {
    const text = 'Id,Name,Industry,BillingCity\n001A,"Zürich Büro, AG",Finance,"Zürich"\n001B,"Two\nLines",Retail,Köln\n';
    const variants: [string, Buffer][] = [
      ['plain', Buffer.from(text)],
      ['bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ['crlf', Buffer.from(text.replace(/\n/g, '\r\n'))],
      ['tab', Buffer.from(text.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t'))],
      ['cp1252', Buffer.from(text, 'latin1')],
    ];
    const seen: unknown[] = [];
    for (const [name, bytes] of variants) {
      const store = await createStore({ name: `variant_${name}_${Math.random().toString(36).slice(2)}` });
      try {
        const r = await runImport({ store, files: [{ name: `Account-${name}.csv`, bytes }], now: NOW });
        expect(r.errors, name).toEqual([]);
        seen.push((await store.accounts.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => [d.id, d.name, d.region]));
      } finally {
        // RxDB's free build opens at most 13 collections per process: one store at a time.
        await store.close();
      }
    }
    for (const s of seen)
      expect(s).toEqual([
        ['acc_sf_001A', 'Zürich Büro, AG', 'Zürich'],
        ['acc_sf_001B', 'Two\nLines', 'Köln'],
      ]);
  });

  it('a stray quote is read as text; a quote never closed is reported from the line it opens, rows before it imported', async () => {
    const store = await newStore();
    const stray = Buffer.from('Id,Name,Industry\n001A,Good One,Retail\n001B,"Broken "quote,Retail\n001C,Good Two,Retail\n');
    const r = await runImport({ store, files: [{ name: 'Account.csv', bytes: stray }], now: NOW });
    expect(r.errors).toEqual([]);
    expect(r.counts['accounts']!.created).toBe(3);
    const unclosed = Buffer.from('Id,Name,Industry\n002A,Kept,Retail\n002B,"never closed,Retail\n002C,Lost,Retail\n');
    const r2 = await runImport({ store, files: [{ name: 'Account.csv', bytes: unclosed }], now: NOW });
    expect(r2.errors.map((e) => [e.file, e.line, e.code])).toEqual([['Account.csv', 3, 'DS_IMPORT_UNREADABLE']]);
    expect(r2.counts['accounts']).toMatchObject({ created: 1, failed: 1 });
  });
});

describe('export → import round trip', () => {
  it('exporting a workspace and importing it into an empty one gives the same workspace', async () => {
    const from = await newStore();
    await loadWorkspaceIntoStore(from, generateWorkspaceBatches({ size: 'XS', seed: 3, now: NOW }));
    await runImport({ store: from, files: filesOf('salesforce'), now: NOW });
    const files: ImportFile[] = [];
    const before: Record<string, unknown[]> = {};
    for (const c of EXPORT_COLLECTIONS) {
      files.push({ name: `${c}.csv`, bytes: Buffer.from(await exportCollectionText(from, c)) });
      before[c] = (await from[c].find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toJSON());
    }
    await from.close();
    stores.splice(stores.indexOf(from), 1);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ds-roundtrip-'));
    const to = await createStore({ directory: dir });
    try {
      const r = await runImport({ store: to, files, now: NOW + 5 });
      expect(r.errors).toEqual([]);
      for (const c of EXPORT_COLLECTIONS) {
        const a = before[c]!;
        const b = (await to[c].find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toJSON());
        expect(b.length, c).toBe(a.length);
        const differing = b.findIndex((doc, i) => canonicalJson(doc) !== canonicalJson(a[i]));
        if (differing >= 0) expect(b[differing], c).toEqual(a[differing]);
        expect(differing, c).toBe(-1);
      }
    } finally {
      await to.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
