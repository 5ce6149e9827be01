// The search index's scratch file, on real SQLite3MultipleCiphers files: beside the workspace
// file, private, encrypted under a key nobody else has (opening it with no key or another key
// fails, and no indexed text is in its bytes), gone when search closes or its thread stops, and
// files left by a process that is gone removed on the next open.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { generateWorkspace, generateWorkspaceBatches } from '@shared/seed';
import { createStore, type Store } from '../store';
import { loadWorkspaceIntoStore } from '../store/load-workspace';
import { openDatabase } from '../store/snapshot';
import { INDEXED, SearchEngine } from './search-engine';
import { removeStaleIndexFiles, SearchIndex } from './search-index';

const NOW = Date.UTC(2026, 10, 16);
const NAME = 'idx';
const SQLITE_HEADER = 'SQLite format 3\u0000';
/** A word no generated document holds, so finding its bytes in a file means plaintext. */
const MARKER = 'Quintessaxylophone';

let dir = '';
let store: Store | null = null;
let index: SearchIndex | null = null;
afterEach(async () => {
  await index?.close();
  index = null;
  await store?.close();
  store = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

const indexFiles = (folder: string) => readdirSync(folder).filter((n) => n.startsWith(`${NAME}.sqlite-search-`));

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const WORKSPACE_KEY = randomBytes(32);

async function workspaceOnDisk(): Promise<{ folder: string; store: Store }> {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ds-search-file-'));
  const folder = path.join(dir, 'workspace');
  const opened = await createStore({ directory: folder, name: NAME, key: WORKSPACE_KEY });
  await loadWorkspaceIntoStore(opened, generateWorkspaceBatches({ size: 'XS', seed: 11, now: NOW }));
  store = opened;
  return { folder, store: opened };
}

/** What opening `file` with `key` answers at its first read. */
function firstRead(file: string, key: Buffer | null): string {
  try {
    const db = openDatabase(file, { readonly: true, fileMustExist: true, key });
    try {
      return `${db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number} objects`;
    } finally {
      db.close();
    }
  } catch (error) {
    return (error as Error).message;
  }
}

/** A pid no process has now: a child's, after it ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the search index of a workspace on disk', () => {
  it('lives in one private, encrypted file beside the workspace that no key but its own opens, removed on close', async () => {
    const { folder, store: s } = await workspaceOnDisk();
    index = new SearchIndex(s, { pageSize: 50 });
    await index.start();
    const account = generateWorkspace({ size: 'XS', seed: 11, now: NOW }).accounts[0]!;
    await s.stakeholders.insert({
      id: 'st_marker',
      accountId: account.id,
      name: `${MARKER} Vandermeer`,
      title: 'Head of Procurement',
      department: 'Procurement',
      buyingRoles: [],
      stance: 'unknown',
      influence: 3,
      needs: [],
      pains: [],
      updatedAt: NOW,
    } as never);
    await until(async () => (await index!.query({ text: MARKER, kinds: ['person'] })).groups.length === 1, 'the marked person');

    const files = indexFiles(folder);
    expect(files, files.join()).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^${NAME}\\.sqlite-search-${process.pid}-[0-9a-f]{12}$`));
    const file = path.join(folder, files[0]!);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(100_000);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe(SQLITE_HEADER);
    expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
    expect(bytes.includes(Buffer.from(account.name))).toBe(false);
    // While open, the thread holds it locked; a copy of its bytes opens with no key, the
    // workspace's own or a random one: none reads it.
    expect(firstRead(file, null)).toMatch(/locked/i);
    const copy = path.join(dir, 'copy');
    copyFileSync(file, copy);
    expect(firstRead(copy, null)).toMatch(/not a database/i);
    expect(firstRead(copy, WORKSPACE_KEY)).toMatch(/not a database/i);
    expect(firstRead(copy, randomBytes(32))).toMatch(/not a database/i);

    await index.close();
    index = null;
    expect(indexFiles(folder)).toEqual([]);
  });

  it('removes the file of a thread that stopped, and the restarted thread makes a new one', async () => {
    const { folder, store: s } = await workspaceOnDisk();
    index = new SearchIndex(s);
    await index.start();
    const [first] = indexFiles(folder);
    expect(first).toBeDefined();
    // Internals on purpose: a thread that dies the hard way (an out-of-memory, a native crash).
    await (index as unknown as { worker: Worker }).worker.terminate();
    await until(() => {
      const now = indexFiles(folder);
      return now.length === 1 && now[0] !== first;
    }, 'the restarted thread and its new file');
    await until(async () => (await index!.query({ text: 'procurement' })).indexing.ready, 'the rebuilt index');
    expect(existsSync(path.join(folder, first!))).toBe(false);
  });

  it('on open deletes files left by processes that are gone, and keeps those of live ones', async () => {
    const { folder, store: s } = await workspaceOnDisk();
    const leftBy = (pid: number) => `${NAME}.sqlite-search-${pid}-0123456789ab`;
    const dead = leftBy(deadPid());
    const live = leftBy(process.ppid);
    const other = `other.sqlite-search-${deadPid()}-0123456789ab`;
    for (const name of [dead, live, other]) writeFileSync(path.join(folder, name), 'left behind');
    index = new SearchIndex(s);
    await index.start();
    const names = readdirSync(folder);
    expect(names).not.toContain(dead);
    expect(names).toContain(live);
    expect(names).toContain(other); // another workspace's name in the same folder: not ours to judge
    expect(await removeStaleIndexFiles(path.join(folder, `${NAME}.sqlite`))).toEqual([]);
  });
});

describe('SearchEngine in a file', () => {
  it('answers as the same index in memory does, and refuses a path that exists', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ds-search-engine-'));
    const demo = generateWorkspace({ size: 'XS', seed: 3, now: NOW });
    const file = path.join(dir, 'index');
    const inFile = new SearchEngine({ path: file, cacheKiB: 64 });
    const inMemory = new SearchEngine();
    for (const engine of [inFile, inMemory]) {
      for (const name of INDEXED) engine.upsertMany(name, demo[name] as never);
      engine.built();
    }
    for (const text of [demo.stakeholders[4]!.name, 'whiteboard', 'procurment', 'an', demo.accounts[1]!.name.slice(0, 3)])
      expect(inFile.query({ text, limit: 10 })).toEqual(inMemory.query({ text, limit: 10 }));
    expect(() => new SearchEngine({ path: file })).toThrow(/EEXIST/);
    inFile.close();
    inMemory.close();
    expect(existsSync(file)).toBe(false);
  });
});
