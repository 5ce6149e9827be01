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
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Subject, type Subscription } from 'rxjs';
import type { CallResult, HostEvent, SyncView } from '@shared/api';
import { COLLECTION_NAMES } from '@shared/domain';
import { createHost, type Host } from '../host';
import type { TeamSession, WorkspacePlacer } from '../host';
import { createStore, type Store } from '../store';
import { loadWorkspaceIntoStore } from '../store/load-workspace';
import { generateWorkspaceBatches } from '@shared/seed';
import { appNow, startOfDay } from '../clock';
import { readBinding, sameTeam, teamKey, writeBinding } from './binding';
import { keyFileSecretStore, memorySecretStore, type SecretStore } from '../security/secrets';
import { makePrivate } from './private-files';

export interface OpenWorkspaceOptions {
  /** Folder of a persistent workspace; null keeps everything in memory. */
  directory: string | null;
  /** Fill an empty workspace with the demo (XS) data set. */
  seedDemo: boolean;
  /**
   * What the seeded data is: the demo (default; never uploaded to a team) or this device's own
   * data (`local`: joining a team asks whether to upload it), to try that path with real data.
   */
  seedAs?: 'demo' | 'local';
  seed?: number;
  /**
   * The store's database name (its SQLite file is `<directory>/<name>.sqlite`); team stores are
   * named after it. One process opens one name once (RxDB closes duplicates), so tests that run
   * two devices in one process give each its own.
   */
  name?: string;
  onProgress?: (fraction: number) => void;
  /**
   * Where sync tokens are kept: the desktop app passes the OS keychain's; by default a 0600 key
   * file in `<directory>-secrets` (outside the workspace folders), in memory without a directory.
   */
  secrets?: SecretStore;
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
  const baseName = options.name ?? 'workspace';
  /** In memory, a team store's name for this process (RxDB's memory storage keeps it by name). */
  const memoryNames = new Map<string, string>();
  const events = new Subject<HostEvent>();
  const secrets = options.secrets ?? (options.directory ? keyFileSecretStore(`${options.directory}-secrets`) : memorySecretStore());
  let current: Opened;

  const placer: WorkspacePlacer = {
    openTeam: (session) => openTeam(session),
  };

  const wrap = (key: string, store: Store, workspaceName: string, dataDirectory: string | null): Opened => {
    const host = createHost({ store, workspaceName, dataDirectory, placer, secrets });
    return { key, store, host, events: host.events.subscribe({ next: (e) => events.next(e) }) };
  };

  async function openStore(key: string): Promise<{ store: Store; directory: string | null }> {
    if (key === MAIN) {
      if (!options.directory) return { store: await createStore({ name: baseName }), directory: null };
      return { store: await privateStore(options.directory, baseName), directory: options.directory };
    }
    if (!teamsRoot) {
      let name = memoryNames.get(key);
      if (!name) memoryNames.set(key, (name = `${baseName}-team-${key}-${globalThis.crypto.randomUUID().slice(0, 8)}`));
      return { store: await createStore({ name }), directory: null };
    }
    await makePrivate(teamsRoot, 1);
    const directory = path.join(teamsRoot, key);
    return { store: await privateStore(directory, `${baseName}-team-${key}`), directory };
  }

  /** Folder 0700 before SQLite writes in it, and its files 0600 once it has (private-files.ts). */
  async function privateStore(directory: string, name: string): Promise<Store> {
    await makePrivate(directory);
    const store = await createStore({ directory, name });
    await makePrivate(directory);
    return store;
  }

  async function shut(opened: Opened): Promise<void> {
    opened.events.unsubscribe();
    await opened.host.close();
    await opened.store.close();
  }

  /**
   * The open workspace is closed before another opens: the free RxDB allows 13 open
   * collections per process and a workspace has ten. The call that asked for the switch has
   * answered from the old host by the time anything else reads it.
   */
  async function openTeam(session: TeamSession): Promise<SyncView> {
    const previous = current;
    await shut(previous);
    try {
      // The main folder joined this team in place earlier: go back to it, not to a new folder.
      let key = teamKey(session);
      let opened = previous.key === MAIN ? null : await openStore(MAIN);
      const mainBinding = opened ? await readBinding(opened.store) : null;
      if (opened && mainBinding?.kind === 'team' && sameTeam(mainBinding, session)) key = MAIN;
      else {
        await opened?.store.close();
        opened = await openStore(key);
      }
      if ((await readBinding(opened.store)) === null) {
        await writeBinding(opened.store, { kind: 'team', serverUrl: session.serverUrl, workspaceId: session.workspaceId, workspaceName: session.workspaceName }, appNow());
      }
      const next = wrap(key, opened.store, session.workspaceName, opened.directory);
      const view = await next.host.sync.adopt(session);
      current = next;
      if (teamsRoot) {
        // Atomic: a crash mid-write never leaves a pointer to half a name.
        const tmp = path.join(teamsRoot, `${ACTIVE_FILE}.${process.pid}`);
        await writeFile(tmp, JSON.stringify({ key }), { mode: 0o600 });
        await rename(tmp, path.join(teamsRoot, ACTIVE_FILE));
      }
      // Every window refetches: the workspace under it is another one now.
      events.next({ type: 'changed', collections: [...COLLECTION_NAMES] });
      return view;
    } catch (error) {
      // Could not open the team's workspace: the previous one opens again, as it was.
      const back = await openStore(previous.key);
      current = wrap(previous.key, back.store, previous.host.context.workspaceName, back.directory);
      await current.host.sync.resume();
      throw error;
    }
  }

  // The folder this device used last: a team's, when it joined one; else the main one.
  const activeKey = teamsRoot && existsSync(path.join(teamsRoot, ACTIVE_FILE))
    ? (JSON.parse(await readFile(path.join(teamsRoot, ACTIVE_FILE), 'utf8')) as { key?: string }).key
    : undefined;
  if (activeKey && /^[0-9a-f]{20}$/.test(activeKey) && teamsRoot && existsSync(path.join(teamsRoot, activeKey))) {
    const { store, directory } = await openStore(activeKey);
    const binding = await readBinding(store);
    current = wrap(activeKey, store, binding?.kind === 'team' ? binding.workspaceName : 'Team workspace', directory);
  } else {
    const { store } = await openStore(MAIN);
    if (options.seedDemo && (await store.accounts.count().exec()) === 0 && (await readBinding(store)) === null) {
      await loadWorkspaceIntoStore(store, generateWorkspaceBatches({ size: 'XS', seed: options.seed ?? 7, now: startOfDay(appNow()) }), options.onProgress);
      // Marked as the demo: it is never uploaded to a team (signing in opens the team's own).
      await writeBinding(store, { kind: options.seedAs ?? 'demo' }, appNow());
    }
    const binding = await readBinding(store);
    const name = binding?.kind === 'demo' ? 'Demo workspace' : binding?.kind === 'team' ? binding.workspaceName : 'Workspace';
    current = wrap(MAIN, store, name, options.directory);
  }
  await current.host.sync.resume();

  const host: Host = {
    invoke: (method: string, input: unknown): Promise<CallResult> => current.host.invoke(method, input),
    events,
    get context() {
      return current.host.context;
    },
    get sync() {
      return current.host.sync;
    },
    get scoring() {
      return current.host.scoring;
    },
    async close() {
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
      await current.store.close();
    },
  };
}
