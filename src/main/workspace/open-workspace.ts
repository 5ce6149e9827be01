// Main process (or plain Node): opens the workspace a window works on — the store, the host
// around it and, for a brand-new workspace, the demo data so a first launch is not empty. The
// demo is generated up to the app's today (DS_NOW honoured), so its open deals are current.
//
// A workspace belongs to one place (binding.ts). The demo (or this device's own data) lives in
// `directory`; each team workspace the device signs in to gets a folder of its own under
// `<directory>-teams/<key>`, so signing in from the demo, or out of W1 and in to W2, never
// uploads one workspace into another. The transports hold one Host: the one returned here,
// which forwards to whichever workspace is open and swaps it when the user joins a team.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Subject, type Subscription } from 'rxjs';
import type { CallResult, HostEvent, SyncView } from '../../shared/api';
import { COLLECTION_NAMES } from '../../shared/domain';
import { createHost, type Host } from '../host';
import type { TeamSession, WorkspacePlacer } from '../host/context';
import { createStore, type Store } from '../store';
import { loadWorkspaceIntoStore } from '../store/load-workspace';
import { generateWorkspaceBatches } from '../../shared/seed';
import { appNow, startOfDay } from '../clock';
import { readBinding, sameTeam, teamKey, writeBinding } from './binding';

export interface OpenWorkspaceOptions {
  /** Folder of a persistent workspace; null keeps everything in memory. */
  directory: string | null;
  /** Fill an empty workspace with the demo (XS) data set. */
  seedDemo: boolean;
  seed?: number;
  onProgress?: (fraction: number) => void;
}

export interface OpenWorkspace {
  /** The store open now (it changes when the user joins a team workspace). */
  readonly store: Store;
  host: Host;
  close(): Promise<void>;
}

const ACTIVE_FILE = 'active.json';

/** The main folder's key; team folders use teamKey(). */
const MAIN = 'main';

interface Opened {
  key: string;
  store: Store;
  host: Host;
  events: Subscription;
}

export async function openWorkspace(options: OpenWorkspaceOptions): Promise<OpenWorkspace> {
  const teamsRoot = options.directory ? `${options.directory}-teams` : null;
  /** In memory, a team store per key for this process (reopened when the user comes back). */
  const memoryNames = new Map<string, string>();
  const events = new Subject<HostEvent>();
  let current: Opened;
  const retired: Opened[] = [];

  const placer: WorkspacePlacer = {
    openTeam: (session) => openTeam(session),
  };

  const wrap = (key: string, store: Store, workspaceName: string, dataDirectory: string | null): Opened => {
    const host = createHost({ store, workspaceName, dataDirectory, placer });
    return { key, store, host, events: host.events.subscribe({ next: (e) => events.next(e) }) };
  };
  /** In memory a closed store is gone: every store opened stays open until close(). */
  const memoryStores = new Map<string, Store>();

  async function openTeamStore(key: string): Promise<{ store: Store; directory: string | null }> {
    if (!teamsRoot) {
      let store = memoryStores.get(key);
      if (!store) {
        let name = memoryNames.get(key);
        if (!name) memoryNames.set(key, (name = `team-${key}-${globalThis.crypto.randomUUID().slice(0, 8)}`));
        memoryStores.set(key, (store = await createStore({ name })));
      }
      return { store, directory: null };
    }
    const directory = path.join(teamsRoot, key);
    await mkdir(directory, { recursive: true });
    return { store: await createStore({ directory }), directory };
  }

  /** The main folder's store when it is bound to `session`'s team (it joined that team in place). */
  async function mainIfBoundTo(session: TeamSession): Promise<Store | null> {
    if (current.key === MAIN) return null;
    const main = memoryStores.get(MAIN) ?? (options.directory ? await createStore({ directory: options.directory }) : null);
    if (!main) return null;
    const binding = await readBinding(main);
    if (binding?.kind === 'team' && sameTeam(binding, session)) return main;
    if (!memoryStores.has(MAIN)) await main.close();
    return null;
  }

  async function openTeam(session: TeamSession): Promise<SyncView> {
    const main = await mainIfBoundTo(session);
    const key = main ? MAIN : teamKey(session);
    const { store, directory } = main ? { store: main, directory: options.directory } : await openTeamStore(key);
    const binding = await readBinding(store);
    if (binding === null) {
      await writeBinding(store, { kind: 'team', serverUrl: session.serverUrl, workspaceId: session.workspaceId, workspaceName: session.workspaceName }, appNow());
    }
    const next = wrap(key, store, session.workspaceName, directory);
    const view = await next.host.sync.adopt(session);
    retired.push(current);
    current = next;
    if (teamsRoot) {
      // Atomic: a crash mid-write never leaves a pointer to half a name.
      const tmp = path.join(teamsRoot, `${ACTIVE_FILE}.${process.pid}`);
      await writeFile(tmp, JSON.stringify({ key }));
      await rename(tmp, path.join(teamsRoot, ACTIVE_FILE));
    }
    // Every window refetches: the workspace under it is another one now.
    events.next({ type: 'changed', collections: [...COLLECTION_NAMES] });
    return view;
  }

  async function closeRetired(): Promise<void> {
    for (const old of retired.splice(0)) {
      old.events.unsubscribe();
      await old.host.close();
      if (![...memoryStores.values()].includes(old.store)) await old.store.close();
    }
  }

  // The folder this device used last: a team's, when it joined one; else the main one.
  const activeKey = teamsRoot && existsSync(path.join(teamsRoot, ACTIVE_FILE))
    ? (JSON.parse(await readFile(path.join(teamsRoot, ACTIVE_FILE), 'utf8')) as { key?: string }).key
    : undefined;
  if (activeKey && /^[0-9a-f]{20}$/.test(activeKey) && teamsRoot && existsSync(path.join(teamsRoot, activeKey))) {
    const { store, directory } = await openTeamStore(activeKey);
    const binding = await readBinding(store);
    current = wrap(activeKey, store, binding?.kind === 'team' ? binding.workspaceName : 'Team workspace', directory);
  } else {
    const store = await createStore(options.directory ? { directory: options.directory } : {});
    if (!options.directory) memoryStores.set(MAIN, store);
    if (options.seedDemo && (await store.accounts.count().exec()) === 0 && (await readBinding(store)) === null) {
      await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: options.seed ?? 7, now: startOfDay(appNow()) }), options.onProgress);
      // Marked as the demo: it is never uploaded to a team (signing in opens the team's own).
      await writeBinding(store, { kind: 'demo' }, appNow());
    }
    const binding = await readBinding(store);
    current = wrap(MAIN, store, binding?.kind === 'demo' ? 'Demo workspace' : 'Workspace', options.directory);
  }
  await current.host.sync.resume();

  const host: Host = {
    async invoke(method: string, input: unknown): Promise<CallResult> {
      const result = await current.host.invoke(method, input);
      // A call that switched workspaces has answered from the old host; close that one now.
      if (retired.length > 0) await closeRetired();
      return result;
    },
    events,
    get context() {
      return current.host.context;
    },
    get sync() {
      return current.host.sync;
    },
    async close() {
      await closeRetired();
      current.events.unsubscribe();
      await current.host.close();
      events.complete();
    },
  };
  return {
    get store() {
      return current.store;
    },
    host,
    async close() {
      await host.close();
      const stores = new Set([current.store, ...memoryStores.values()]);
      for (const store of stores) await store.close();
    },
  };
}
