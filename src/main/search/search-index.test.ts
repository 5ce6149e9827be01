import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SearchHit } from '@shared/api';
import type { Interaction, Stakeholder } from '@shared/domain';
import { generateWorkspace, generateWorkspaceBatches } from '@shared/seed';
import { createStore, type Store } from '../store';
import { loadWorkspaceIntoStore } from '../store/load-workspace';
import { INDEXED, SearchEngine } from './search-engine';
import { SearchIndex } from './search-index';

const NOW = Date.UTC(2026, 10, 16);
const demo = generateWorkspace({ size: 'XS', seed: 7, now: NOW });

const hitsOf = async (index: SearchIndex, text: string, kind: SearchHit['kind'], limit = 20) =>
  (await index.query({ text, limit, kinds: [kind] })).groups.flatMap((g) => g.hits);

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('SearchIndex on the demo workspace (SQLite store)', () => {
  let dir: string;
  let store: Store;
  let index: SearchIndex;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ds-search-'));
    store = await createStore({ directory: dir, name: 'search' });
    await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: 7, now: NOW }));
    index = new SearchIndex(store, { pageSize: 97 });
    await index.start();
  });
  afterAll(async () => {
    await index.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes everything in the background and says when it is ready', () => {
    const expected =
      demo.accounts.length + demo.stakeholders.length + demo.opportunities.length + demo.interactions.length + demo.workshopnotes.length;
    expect(index.status()).toEqual({ ready: true, indexed: expected, total: expected });
    expect(index.indexedDocuments).toBe(expected);
  });

  it('finds a person by part of a name, prefix and typo tolerant', async () => {
    const person = demo.stakeholders[17] as Stakeholder;
    const [first, last] = person.name.split(' ') as [string, string];
    const byPrefix = await hitsOf(index, `${first.slice(0, 3)} ${last.slice(0, 4)}`, 'person');
    expect(byPrefix.map((h) => h.id)).toContain(person.id);
    // A swapped pair of letters in a long enough last name still finds the person.
    const typo = last.length >= 5 ? `${last.slice(0, 2)}${last[3]}${last[2]}${last.slice(4)}` : last;
    const byTypo = await index.query({ text: `${first} ${typo}`, kinds: ['person'], limit: 20 });
    expect(byTypo.groups.flatMap((g) => g.hits).map((h) => h.id)).toContain(person.id);
    const hit = byPrefix.find((h) => h.id === person.id)!;
    expect(hit.accountId).toBe(person.accountId);
    expect(hit.subtitle).toContain(person.title);
  });

  it('finds a deal by a word of a note, newest first, with the word marked', async () => {
    const note = demo.interactions.find((i) => i.opportunityId && /whiteboard|pain|options|sized/i.test(i.notes)) as Interaction;
    const word = (note.notes.match(/whiteboard|pain|options|sized/i) as RegExpMatchArray)[0];
    const hits = await hitsOf(index, word, 'interaction', 50);
    expect(hits.length).toBeGreaterThan(0);
    const dates = hits.map((h) => h.at ?? 0);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(hits[0]!.snippet).toMatch(new RegExp(`\u0002${word}`, 'i'));
    expect(hits.every((h) => h.opportunityId === undefined || typeof h.title === 'string')).toBe(true);
  });

  it('groups by kind and says when there is more', async () => {
    const view = await index.query({ text: 'an', limit: 2 });
    for (const g of view.groups) expect(g.hits.length).toBeLessThanOrEqual(2);
    expect(view.groups.some((g) => g.more)).toBe(true);
  });

  it('answers nothing, never an error, for text that is not a word or is query syntax', async () => {
    for (const text of ['', '   ', '"', 'AND OR NOT', '*', 'NEAR(a b)', '\u0000', '(((', 'a"b*c']) {
      await expect(index.query({ text })).resolves.toHaveProperty('groups');
    }
    expect((await index.query({ text: '  ' })).groups).toEqual([]);
  });

  it('answers from its thread what the same index built in this thread answers', async () => {
    // The engine fed here from the demo's documents, as the thread is fed from the file.
    const local = new SearchEngine();
    for (const name of INDEXED) local.upsertMany(name, demo[name] as never);
    local.built();
    const person = demo.stakeholders[5] as Stakeholder;
    const texts = [person.name, person.name.slice(0, 4), demo.accounts[3]!.name, 'whiteboard', 'pricing objection', 'procurment', 'an'];
    for (const text of texts) {
      const { groups, corrected } = await index.query({ text, limit: 8 });
      expect({ text, groups, corrected }).toEqual({ text, ...local.query({ text, limit: 8 }) });
    }
    local.close();
  });

  it('keeps current: a new person, a rename and a delete show at once', async () => {
    const account = demo.accounts[0]!;
    await store.stakeholders.insert({
      id: 'st_search_1',
      accountId: account.id,
      name: 'Quintessa Vandermeer',
      title: 'Head of Procurement',
      department: 'Procurement',
      buyingRoles: [],
      stance: 'unknown',
      influence: 3,
      needs: [],
      pains: [],
      updatedAt: NOW,
    } as never);
    await until(async () => (await hitsOf(index, 'quintes', 'person')).length === 1, 'the new person');
    const doc = await store.accounts.findOne(account.id).exec();
    await doc!.incrementalPatch({ name: 'Zyxwv Renamed Holdings' });
    await until(async () => (await hitsOf(index, 'zyxwv', 'account')).length === 1, 'the renamed account');
    expect((await hitsOf(index, 'quintessa', 'person'))[0]!.subtitle).toContain('Zyxwv Renamed Holdings');
    await (await store.stakeholders.findOne('st_search_1').exec())!.remove();
    await until(async () => (await hitsOf(index, 'quintessa', 'person')).length === 0, 'the delete');
  });
});

describe('SearchIndex while the store is written during the build', () => {
  it('ends with every document, whatever the interleaving', async () => {
    const store = await createStore({ name: `search-race-${Date.now()}` });
    await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: 3, now: NOW }));
    const index = new SearchIndex(store, { pageSize: 13 });
    const building = index.start();
    const extra = Array.from({ length: 40 }, (_, n) => ({
      id: `acc_race_${String(n).padStart(2, '0')}`,
      name: `Racecondition ${n} Ltd`,
      industry: 'software',
      region: 'emea',
      segment: 'smb',
      updatedAt: NOW,
    }));
    for (const doc of extra) await store.accounts.insert(doc as never);
    await (await store.accounts.findOne('acc_race_00').exec())!.remove();
    await building;
    await until(async () => (await hitsOf(index, 'racecondition', 'account', 100)).length === 39, 'every written account');
    await index.close();
    await store.remove();
  });
});

describe('SearchIndex on a workspace file written during the build', () => {
  it('reads the file page by page in its thread and ends with every document, deletes kept out', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-search-race-'));
    const store = await createStore({ directory: dir, name: 'race' });
    await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: 5, now: NOW }));
    const index = new SearchIndex(store, { pageSize: 7 });
    const building = index.start();
    const people = await store.stakeholders.find().exec();
    const gone = people.slice(0, 25);
    for (const [n, doc] of gone.entries()) {
      await doc.remove();
      await store.accounts.insert({
        id: `acc_file_race_${String(n).padStart(2, '0')}`,
        name: `Filerace ${n} Ltd`,
        industry: 'software',
        region: 'emea',
        segment: 'smb',
        updatedAt: NOW,
      } as never);
    }
    await building;
    expect(index.status().ready).toBe(true);
    await until(async () => (await hitsOf(index, 'filerace', 'account', 100)).length === 25, 'every written account');
    for (const person of gone) {
      const ids = (await hitsOf(index, person.name, 'person', 100)).map((h) => h.id);
      expect(ids).not.toContain(person.id);
    }
    const kept = people[30]!;
    expect((await hitsOf(index, kept.name, 'person', 100)).map((h) => h.id)).toContain(kept.id);
    await index.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('SearchIndex started after something else', () => {
  it('neither watches nor builds until `after` settles, then builds everything', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-search-after-'));
    const store = await createStore({ directory: dir, name: 'search-after' });
    const index = new SearchIndex(store, { pageSize: 97 });
    try {
      await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: 7, now: NOW }));
      let go!: () => void;
      const built = index.start(new Promise<void>((resolve) => (go = resolve)));
      // Turns of the event loop and a write: nothing starts meanwhile.
      for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
      await store.accounts.insert({ ...demo.accounts[0]!, id: 'acc_written_before' as never, name: 'Zyxwv Before Start' });
      expect(index.begun).toBe(false);
      expect(index.status().ready).toBe(false);
      expect((await index.query({ text: 'Zyxwv', limit: 5 })).groups).toEqual([]);
      go();
      await built;
      expect(index.begun).toBe(true);
      expect(index.status().ready).toBe(true);
      // What was written before the build began is in it (the build reads the file as it is then).
      expect((await hitsOf(index, 'Zyxwv', 'account')).map((h) => h.id)).toEqual(['acc_written_before']);
    } finally {
      index.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
