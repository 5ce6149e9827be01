// Search worker thread (Node, worker_threads): the workspace's full-text index itself.
//
// SQLite FTS5, not a JavaScript index: an L workspace holds a million interaction notes, and
// MiniSearch measured 71 MB of heap and 4.6 s per 100k of them (so ~700 MB and 45 s for L) where
// FTS5 keeps the postings compact. For a workspace on disk the index is a scratch file beside the
// workspace's (search-index.ts names it and removes it), not an in-memory database: in memory an
// L index held ~485 MiB of the app's resident memory; in a file only its page cache is resident
// (INDEX_CACHE_KIB) and the OS keeps the rest in its file cache, which it can reclaim. The file
// holds note text, so it is encrypted like the workspace (store/sqlite/database.ts), under a
// random key made here for this one file and held only in this thread's memory: nobody, this app
// included, can read a file left behind by a crash, and it is deleted on the next open. The
// journal is in memory and syncing off: the file is rebuilt on every open, so it never needs to
// survive a crash.
// Two tables:
//  - one table per kind of entity (accounts, people, opportunities), ranked by bm25 with names
//    weighted 10× (one table per kind, so a keystroke ranks only the matches of the kind it lists,
//    not every entity's three times);
//  - `notes` (interaction notes, workshop notes) whose rowid grows with the note's date, so
//    "most recent first" is FTS5's own rowid order and a common word stops after `limit` rows
//    instead of ranking hundreds of thousands.
// Prefix matching comes from FTS5 (`word*`, with prefix indexes for 2 and 3 letters); typo
// tolerance from a vocabulary of every indexed word (src/shared/search/text.ts). Names shown in
// results (account and deal names) are looked up when answering, so a renamed account never
// leaves stale subtitles behind.
//
// Pure of any store: documents come in through `upsert`/`remove` (worker.ts feeds it from the
// workspace file and from the host's change events), so it runs in the search thread and never
// on the main thread, whose event loop an L build held up to 334 ms at a time.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { Database, DATABASE_KEY_BYTES, openDatabase } from '../store/snapshot';
import type { SearchGroup, SearchHit, SearchInput, SearchKind, SearchView } from '@shared/api';
import { SEARCH_KINDS, SNIPPET_CLOSE, SNIPPET_OPEN } from '@shared/api';
import type { Account, AccountId, Interaction, Opportunity, OpportunityId, Stakeholder, WorkshopNote } from '@shared/domain';
import { fuzzyCandidates, matchExpression, searchTerms } from '@shared/search/text';

export type Indexed = 'accounts' | 'stakeholders' | 'opportunities' | 'interactions' | 'workshopnotes';
export const INDEXED: readonly Indexed[] = ['accounts', 'opportunities', 'stakeholders', 'workshopnotes', 'interactions'];
const KIND_OF: Record<Indexed, SearchKind> = {
  accounts: 'account',
  stakeholders: 'person',
  opportunities: 'opportunity',
  interactions: 'interaction',
  workshopnotes: 'note',
};
const NOTE_KINDS = new Set<SearchKind>(['interaction', 'note']);
type EntityKind = 'account' | 'person' | 'opportunity';
const ENTITY_TABLES: Record<EntityKind, string> = { account: 'account_entities', person: 'person_entities', opportunity: 'deal_entities' };
const ENTITY_KINDS = Object.keys(ENTITY_TABLES) as EntityKind[];
/**
 * Words shorter than this are left out of a note search (when a longer word remains): the note
 * tables index prefixes of 2 and 3 letters, and FTS5 answers a one-letter prefix without an index
 * by merging the postings of every word that starts with that letter over a million notes (the
 * keystroke after "Olivia " took 300–900 ms on L at load 12–17). Entities index 1-letter prefixes.
 */
const MIN_NOTE_WORD = 2;

const DEFAULT_LIMIT = 5;
/** Words of a query that count; the rest is ignored (nobody types more into a search box). */
const MAX_WORDS = 8;

interface Row {
  rid: number | bigint;
  id: string;
  kind: SearchKind;
  account_id: string;
  opportunity_id: string | null;
  title: string;
  detail: string;
  at: number | null;
  rev: number;
}

export function revHeight(rev: string | undefined): number {
  const n = Number.parseInt(rev ?? '0', 10);
  return Number.isFinite(n) ? n : 0;
}

/** A document as stored (its fields plus RxDB's `_rev`). */
export type IndexedDoc = Record<string, unknown> & { _rev?: string };

/**
 * The index file's page cache (KiB). FTS5 queries read a few posting lists and the items' rows,
 * so a small cache keeps a keystroke's pages; pages it misses come decrypted from the OS's file
 * cache (see the README's search rows for the keystroke figures with it).
 */
export const INDEX_CACHE_KIB = 16_384;
// Tried: 64 MiB while building, shrunk to 16 once built. The pages SQLite frees stay in the
// thread's malloc arena, so the process kept them (L: 154 MiB of RSS growth vs 102) for no build
// time that could be told from this machine's load.

export interface IndexFile {
  /** A path that does not exist yet; the engine creates it (0600) and deletes it on close. */
  path: string;
  cacheKiB?: number;
}

/** A new, private, encrypted scratch database at `file.path` whose key only this call knows. */
function openIndexFile(file: IndexFile): Database.Database {
  // Created empty and private first, whatever the umask ('wx': never someone else's file); SQLite
  // takes an empty file for a new database.
  writeFileSync(file.path, '', { mode: 0o600, flag: 'wx' });
  const key = randomBytes(DATABASE_KEY_BYTES);
  try {
    const db = openDatabase(file.path, { fileMustExist: true, key });
    db.pragma(`cache_size = -${file.cacheKiB ?? INDEX_CACHE_KIB}`);
    // One connection ever: no file locks to take per statement, and no other reader to allow.
    db.pragma('locking_mode = EXCLUSIVE');
    return db;
  } catch (error) {
    rmSync(file.path, { force: true });
    throw error;
  } finally {
    key.fill(0);
  }
}

export class SearchEngine {
  private readonly db: Database.Database;
  private readonly vocabulary = new Set<string>();
  private readonly accountNames = new Map<string, string>();
  private readonly dealNames = new Map<string, string>();
  /**
   * Revisions of documents deleted while the index is being built: a page of the build read
   * before the delete may still carry the document, and must not bring it back.
   */
  private tombstones: Map<string, number> | null = new Map();
  private closed = false;

  private readonly stmt;

  /** `file`: where the index lives (a workspace on disk); without it, in memory (a store in memory). */
  constructor(private readonly file: IndexFile | null = null) {
    this.db = file ? openIndexFile(file) : new Database(':memory:');
    // No journal file: the index is rebuilt on every open, so a transaction only needs undoing
    // in memory. (OFF, which the in-memory index used, is refused for an encrypted file:
    // SQLite3MultipleCiphers answers 'delete' and writes a -journal beside it.)
    this.db.pragma('journal_mode = MEMORY');
    this.db.pragma('synchronous = OFF');
    this.db.exec(`
      CREATE TABLE items(
        rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, account_id TEXT NOT NULL,
        opportunity_id TEXT, title TEXT NOT NULL, detail TEXT NOT NULL, at INTEGER, rev INTEGER NOT NULL);
${ENTITY_KINDS.map((k) => `CREATE VIRTUAL TABLE ${ENTITY_TABLES[k]} USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');`).join('\n')}
      CREATE VIRTUAL TABLE interaction_notes USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      CREATE VIRTUAL TABLE workshop_notes USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
    `);
    this.stmt = {
      byId: this.db.prepare<[string], Row>('SELECT * FROM items WHERE id = ?'),
      ridTaken: this.db.prepare<[number], { rid: number }>('SELECT rid FROM items WHERE rid = ?'),
      insertItem: this.db.prepare(
        'INSERT INTO items(rid, id, kind, account_id, opportunity_id, title, detail, at, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      deleteItem: this.db.prepare('DELETE FROM items WHERE rid = ?'),
      insertEntity: this.perEntityKind((t) => this.db.prepare(`INSERT INTO ${t}(rowid, title, body) VALUES (?, ?, ?)`)),
      deleteEntity: this.perEntityKind((t) => this.db.prepare(`DELETE FROM ${t} WHERE rowid = ?`)),
      insertNote: {
        interaction: this.db.prepare('INSERT INTO interaction_notes(rowid, body) VALUES (?, ?)'),
        note: this.db.prepare('INSERT INTO workshop_notes(rowid, body) VALUES (?, ?)'),
      },
      deleteNote: {
        interaction: this.db.prepare('DELETE FROM interaction_notes WHERE rowid = ?'),
        note: this.db.prepare('DELETE FROM workshop_notes WHERE rowid = ?'),
      },
      entityHits: this.perEntityKind((t) =>
        this.db.prepare<[string, number], Row>(`
          SELECT i.* FROM ${t} JOIN items i ON i.rid = ${t}.rowid
          WHERE ${t} MATCH ? ORDER BY bm25(${t}, 10.0, 1.0) LIMIT ?`),
      ),
      noteHits: {
        interaction: this.notesQuery('interaction_notes'),
        note: this.notesQuery('workshop_notes'),
      },
    };
    this.nextEntityRid = 1;
  }

  private perEntityKind<T>(make: (table: string) => T): Record<EntityKind, T> {
    return { account: make(ENTITY_TABLES.account), person: make(ENTITY_TABLES.person), opportunity: make(ENTITY_TABLES.opportunity) };
  }

  private notesQuery(table: string) {
    return this.db.prepare<[string, string, string, number], Row & { snip: string }>(`
      SELECT i.*, snippet(${table}, 0, ?, ?, '…', 12) AS snip FROM ${table} JOIN items i ON i.rid = ${table}.rowid
      WHERE ${table} MATCH ? ORDER BY ${table}.rowid DESC LIMIT ?`);
  }

  /** Entities get small rowids (counted up); notes get rowids from their date (see noteRid). */
  private nextEntityRid: number;

  /** The build has read everything: deletes no longer need remembering. */
  built(): void {
    this.tombstones = null;
  }

  /** Closes the index and deletes its file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
    if (this.file) rmSync(this.file.path, { force: true });
  }

  query(input: SearchInput): Omit<SearchView, 'indexing'> {
    const limit = input.limit ?? DEFAULT_LIMIT;
    const kinds = input.kinds?.length ? input.kinds : SEARCH_KINDS;
    const words = searchTerms(input.text).slice(0, MAX_WORDS);
    let corrected = false;
    const candidates = new Map<string, string[]>();
    const fuzzy = (w: string) => {
      let found = candidates.get(w);
      if (!found) {
        found = fuzzyCandidates(w, this.vocabulary);
        candidates.set(w, found);
        if (found.length && !this.hasPrefix(w)) corrected = true;
      }
      return found;
    };
    const expression = matchExpression(words, fuzzy);
    if (!expression || this.closed) return { groups: [], corrected: false };
    const groups: SearchGroup[] = [];
    // Notes are searched from the third letter on: one or two letters match most of them.
    const longest = Math.max(...words.map((w) => w.length));
    const noteExpression =
      longest < 3
        ? null
        : matchExpression(
            words.filter((w) => w.length >= MIN_NOTE_WORD),
            fuzzy,
          );
    for (const kind of kinds) {
      const isNote = kind === 'interaction' || kind === 'note';
      if (isNote && !noteExpression) continue;
      const rows = isNote
        ? this.stmt.noteHits[kind].all(SNIPPET_OPEN, SNIPPET_CLOSE, noteExpression!, limit + 1)
        : this.stmt.entityHits[kind].all(expression, limit + 1);
      if (rows.length) groups.push({ kind, hits: rows.slice(0, limit).map((r) => this.hit(r)), more: rows.length > limit });
    }
    return { groups, corrected };
  }

  private hasPrefix(word: string): boolean {
    for (const term of this.vocabulary) if (term.startsWith(word)) return true;
    return false;
  }

  private hit(r: Row & { snip?: string }): SearchHit {
    const account = this.accountNames.get(r.account_id) ?? '';
    const deal = r.opportunity_id ? this.dealNames.get(r.opportunity_id) : undefined;
    // Ids come back from the index's own table as plain text: branded here, where they leave it.
    const base = {
      kind: r.kind,
      id: r.id,
      accountId: r.account_id as AccountId,
      ...(r.opportunity_id ? { opportunityId: r.opportunity_id as OpportunityId } : {}),
    };
    switch (r.kind) {
      case 'account':
        return { ...base, title: r.title, subtitle: r.detail };
      case 'person':
        return { ...base, title: r.title, subtitle: [r.detail, account].filter(Boolean).join(' · ') };
      case 'opportunity':
        return { ...base, title: r.title, subtitle: [account, r.detail].filter(Boolean).join(' · ') };
      default:
        return {
          ...base,
          title: deal ?? account,
          subtitle: [r.detail, deal ? account : ''].filter(Boolean).join(' · '),
          ...(r.snip ? { snippet: r.snip } : {}),
          ...(r.at !== null ? { at: r.at } : {}),
        };
    }
  }

  /** Indexes documents of one collection in one transaction. */
  upsertMany(name: Indexed, docs: readonly IndexedDoc[]): void {
    if (this.closed) return;
    this.db.transaction(() => {
      for (const doc of docs) this.upsert(name, doc);
    })();
  }

  /** Drops a document (deleted at revision `rev`) from the index. */
  remove(id: string, rev: string | undefined): void {
    if (this.closed) return;
    this.tombstones?.set(id, Math.max(revHeight(rev), this.tombstones.get(id) ?? 0));
    const existing = this.stmt.byId.get(id);
    if (existing) this.dropRow(existing);
  }

  private dropRow(row: Row): void {
    if (row.kind === 'interaction' || row.kind === 'note') this.stmt.deleteNote[row.kind].run(row.rid);
    else this.stmt.deleteEntity[row.kind as EntityKind].run(row.rid);
    this.stmt.deleteItem.run(row.rid);
  }

  /** Indexes a document unless the index already holds the same or a later revision of it. */
  upsert(name: Indexed, doc: IndexedDoc): void {
    if (this.closed) return;
    const id = String(doc['id']);
    const rev = revHeight(doc._rev);
    const deletedAt = this.tombstones?.get(id);
    if (deletedAt !== undefined && deletedAt >= rev) return;
    const existing = this.stmt.byId.get(id);
    if (existing && existing.rev > rev) return;
    if (existing) this.dropRow(existing);
    const kind = KIND_OF[name];
    const entry = describe(name, doc);
    for (const w of searchTerms(`${entry.title} ${entry.body}`)) if (w.length > 1 && w.length < 40) this.vocabulary.add(w);
    if (name === 'accounts') this.accountNames.set(id, entry.title);
    if (name === 'opportunities') this.dealNames.set(id, entry.title);
    if (kind === 'interaction' || kind === 'note') {
      const rid = this.noteRid(entry.at ?? 0, existing);
      this.stmt.insertItem.run(rid, id, kind, entry.accountId, entry.opportunityId, entry.title, entry.detail, entry.at, rev);
      this.stmt.insertNote[kind].run(rid, entry.body);
    } else {
      const rid = existing && !NOTE_KINDS.has(existing.kind) ? existing.rid : this.nextEntityRid++;
      this.stmt.insertItem.run(rid, id, kind, entry.accountId, entry.opportunityId, entry.title, entry.detail, entry.at, rev);
      this.stmt.insertEntity[kind as EntityKind].run(rid, entry.title, entry.body);
    }
  }

  /**
   * A note's rowid: its date in ms × 1000 plus a free slot, so rowid order is date order. Entity
   * rowids count up from 1 and stay far below (dates before 1970 are clamped to 0).
   */
  private noteRid(at: number, existing: Row | undefined): number {
    const base = Math.max(0, Math.floor(at)) * 1000 + 1_000_000_000;
    if (existing && Number(existing.rid) >= base && Number(existing.rid) < base + 1000) return Number(existing.rid);
    for (let slot = 0; slot < 1000; slot++) if (!this.stmt.ridTaken.get(base + slot)) return base + slot;
    // A thousand notes in one millisecond: fall back to any free rowid after them.
    let rid = base + 1000;
    while (this.stmt.ridTaken.get(rid)) rid++;
    return rid;
  }
}

interface Entry {
  title: string;
  body: string;
  detail: string;
  accountId: string;
  opportunityId: string | null;
  at: number | null;
}

const KIND_WORDS: Record<Interaction['kind'], string> = {
  meeting: 'Meeting',
  call: 'Call',
  email: 'E-mail',
  event: 'Event',
  content: 'Content',
  web_visit: 'Web visit',
  support_case: 'Support case',
};

/** What of a document is searched, and what a hit shows. */
function describe(name: Indexed, raw: Record<string, unknown>): Entry {
  switch (name) {
    case 'accounts': {
      const a = raw as unknown as Account;
      return {
        title: a.name,
        body: [a.industry, a.region, a.website ?? ''].join(' '),
        detail: [a.industry, a.region].filter(Boolean).join(' · '),
        accountId: a.id,
        opportunityId: null,
        at: null,
      };
    }
    case 'stakeholders': {
      const s = raw as unknown as Stakeholder;
      return {
        title: s.name,
        body: [s.title, s.department, s.email ?? '', s.notes ?? ''].join(' '),
        detail: s.title,
        accountId: s.accountId,
        opportunityId: null,
        at: null,
      };
    }
    case 'opportunities': {
      const o = raw as unknown as Opportunity;
      return {
        title: o.name,
        body: [o.stage, o.status, ...Object.values(o.crm ?? {})].join(' '),
        detail: o.status === 'open' ? o.stage : o.status,
        accountId: o.accountId,
        opportunityId: o.id,
        at: null,
      };
    }
    case 'interactions': {
      const i = raw as unknown as Interaction;
      return {
        title: '',
        body: i.notes,
        detail: KIND_WORDS[i.kind],
        accountId: i.accountId,
        opportunityId: i.opportunityId ?? null,
        at: i.at,
      };
    }
    case 'workshopnotes': {
      const n = raw as unknown as WorkshopNote;
      return { title: '', body: n.text, detail: 'Workshop note', accountId: n.accountId, opportunityId: n.opportunityId, at: n.createdAt };
    }
  }
}
