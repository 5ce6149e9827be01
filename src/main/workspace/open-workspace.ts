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
import { ApiError, type CallResult, type HostEvent, type StoreHealthView, type StoreRecoverInput, type SyncView } from '@shared/api';
import { COLLECTION_NAMES } from '@shared/domain';
import { createHost, teamOfFileSecretName, tokenSecretName, type Host } from '../host';
import type { TeamSession, WorkspacePlacer } from '../host';
import { clearFailure, createStore, databaseFilePath, failureOf, isStoreCorruption, keyOfFile, type Store } from '../store';
import { BackupError, checkBackup, restoreStore } from '../store/backup';
import { findBackups, moveAside } from './recovery';
import { loadWorkspaceIntoStore } from '../store/load-workspace';
import { generateWorkspaceBatches } from '@shared/seed';
import { appNow, startOfDay } from '../clock';
import { readBinding, sameTeam, teamKey, writeBinding } from './binding';
import { memorySecretStore, type SecretStore } from '../security/secrets';
import { makePrivate } from './private-files';
import { databaseKeyFor, folderSecretStore, nameKeyById } from './database-key';

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
  /**
   * Folders where backups are looked for when the store is damaged, besides `<directory>-backups`
   * (the desktop app adds the Documents folder, File → Back Up's default).
   */
  backupFolders?: string[];
}

export interface OpenWorkspace {
  /** The store open now (it changes when the user joins a team workspace). */
  readonly store: Store;
  /** The open store's file (folder and database name), null in memory; set even when it failed to open. */
  readonly file: { directory: string; name: string } | null;
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
  /** Where its file is (null in memory). */
  file: { directory: string; name: string } | null;
  /** Set when the file could not be opened: `store` is then an empty stand-in in memory. */
  failure: Error | null;
}

async function isEmptyWorkspace(store: Store): Promise<boolean> {
  return (await store.accounts.count().exec()) === 0 && (await readBinding(store)) === null;
}

/** Refusals that the recovery screen handles; any other error at open stays a start failure. */
function isOpenRefusal(error: unknown): error is Error {
  return isStoreCorruption(error) || (error as { code?: unknown } | null)?.code === 'DS_SQLITE_FOREIGN';
}

export async function openWorkspace(options: OpenWorkspaceOptions): Promise<OpenWorkspace> {
  const teamsRoot = options.directory ? `${options.directory}-teams` : null;
  const baseName = options.name ?? 'workspace';
  /** In memory, a team store's name for this process (RxDB's memory storage keeps it by name). */
  const memoryNames = new Map<string, string>();
  const events = new Subject<HostEvent>();
  const secrets = options.secrets ?? (options.directory ? folderSecretStore(options.directory) : memorySecretStore());
  let current: Opened;

  const placer: WorkspacePlacer = {
    openTeam: (session) => openTeam(session),
    health: () => health(),
    recover: (input) => recover(input),
  };

  const wrap = (key: string, store: Store, workspaceName: string, dataDirectory: string | null, failure: Error | null = null): Opened => {
    const host = createHost({ store, workspaceName, dataDirectory, placer, secrets, ...(failure ? { openFailure: failure } : {}) });
    const file = dataDirectory ? { directory: dataDirectory, name: storeNameOf(key) } : null;
    return { key, store, host, file, failure, events: host.events.subscribe({ next: (e) => events.next(e) }) };
  };

  const storeNameOf = (key: string): string => (key === MAIN ? baseName : `${baseName}-team-${key}`);
  const directoryOf = (key: string): string | null => (key === MAIN ? options.directory : teamsRoot ? path.join(teamsRoot, key) : null);

  /**
   * Opens the store of `key`; a file that is damaged, empty or not ours is refused untouched and
   * an empty stand-in in memory takes its place, whose host answers every call DS_STORE_CORRUPT
   * but the recovery screen's (workspace.health / workspace.recover).
   */
  async function openOrRefuse(key: string): Promise<{ opened: { store: Store; directory: string | null } | null; failure: Error | null }> {
    try {
      return { opened: await openStore(key), failure: null };
    } catch (error) {
      if (!isOpenRefusal(error)) throw error;
      console.error(
        `[workspace] ${(error as { code?: string }).code ?? 'DS_SQLITE_CORRUPT'} the workspace file was refused`,
        error.message,
      );
      return { opened: null, failure: error };
    }
  }

  async function standIn(key: string, failure: Error): Promise<Opened> {
    const store = await createStore({ name: `${storeNameOf(key)}-refused-${globalThis.crypto.randomUUID().slice(0, 8)}` });
    return wrap(key, store, 'Damaged workspace', directoryOf(key), failure);
  }

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

  /**
   * Folder 0700 before SQLite writes in it, and its files 0600 once it has (private-files.ts);
   * the file encrypted with its key from the secret store (database-key.ts).
   */
  async function privateStore(directory: string, name: string): Promise<Store> {
    await makePrivate(directory);
    const file = databaseFilePath(directory, name);
    const store = await createStore({ directory, name, key: await databaseKeyFor(secrets, file) });
    await nameKeyById(secrets, file);
    await makePrivate(directory);
    return store;
  }

  async function shut(opened: Opened): Promise<void> {
    opened.events.unsubscribe();
    await opened.host.close();
    try {
      await opened.store.close();
    } catch (error) {
      // A damaged store may fail its last writes on close; its file is moved aside next anyway.
      if (!opened.failure && !isStoreCorruption(error)) throw error;
      console.warn('[workspace] DS_SQLITE_CORRUPT closing a damaged store', (error as Error).message);
    }
  }

  function problemOf(opened: Opened): Error | null {
    if (opened.failure) return opened.failure;
    return opened.file ? (failureOf(databaseFilePath(opened.file.directory, opened.file.name)) ?? null) : null;
  }

  /** The team this file syncs with and its saved sign-in, when both are on this device. */
  async function teamOf(opened: Opened): Promise<TeamSession | null> {
    if (!opened.file) return null;
    // An unreadable secret store (a reset keychain) only means no pull is offered: restore still is.
    const saved = await secrets.get(teamOfFileSecretName(databaseFilePath(opened.file.directory, opened.file.name))).catch(() => null);
    if (!saved) return null;
    const team = JSON.parse(saved) as Omit<TeamSession, 'token'>;
    const token = await secrets.get(tokenSecretName(team)).catch(() => null);
    return token ? { ...team, token } : null;
  }

  async function health(): Promise<StoreHealthView> {
    const opened = current;
    const problem = problemOf(opened);
    if (!problem || !opened.file)
      return {
        state: 'ok',
        problem: null,
        file: opened.file ? databaseFilePath(opened.file.directory, opened.file.name) : null,
        backups: [],
        team: null,
      };
    const team = await teamOf(opened);
    return {
      state: 'damaged',
      problem: { code: (problem as { code?: string }).code ?? 'DS_SQLITE_CORRUPT', message: problem.message },
      file: databaseFilePath(opened.file.directory, opened.file.name),
      backups: await findBackups(
        [`${options.directory ?? opened.file.directory}-backups`, ...(options.backupFolders ?? [])],
        keyOfFile(databaseFilePath(opened.file.directory, opened.file.name)),
      ),
      team: team ? { serverUrl: team.serverUrl, workspaceName: team.workspaceName } : null,
    };
  }

  /**
   * The way out of a damaged store: its file is closed and kept beside the workspace (never
   * deleted), then a checked backup takes its place, or an empty file is bound to the team and
   * the team's workspace is pulled into it with the sign-in this device kept.
   */
  async function recover(input: StoreRecoverInput): Promise<StoreHealthView> {
    const damaged = current;
    const file = damaged.file;
    if (!problemOf(damaged) || !file) {
      throw new ApiError(
        'DS_STORE_RECOVERY_FAILED',
        'The workspace is not damaged; to go back to a backup use File → Restore from Backup.',
      );
    }
    const target = databaseFilePath(file.directory, file.name);
    const team = input.action === 'pullFromTeam' ? await teamOf(damaged) : null;
    if (input.action === 'pullFromTeam' && !team) {
      throw new ApiError('DS_STORE_RECOVERY_FAILED', 'This device has no saved sign-in for a team server; restore a backup instead.');
    }
    if (input.action === 'restore') {
      try {
        await checkBackup(input.file, target);
      } catch (error) {
        if (error instanceof BackupError) throw new ApiError('DS_STORE_RECOVERY_FAILED', error.message);
        throw error;
      }
    }
    await shut(damaged);
    if (input.action === 'restore') await restoreStore(file.directory, file.name, input.file);
    else {
      await moveAside(target);
      clearFailure(target);
    }
    const reopened = await openOrRefuse(damaged.key);
    if (!reopened.opened) current = await standIn(damaged.key, reopened.failure ?? new Error('refused'));
    else {
      const binding = await readBinding(reopened.opened.store);
      current = wrap(
        damaged.key,
        reopened.opened.store,
        binding?.kind === 'team' ? binding.workspaceName : (team?.workspaceName ?? 'Workspace'),
        reopened.opened.directory,
      );
      if (team) await current.host.sync.adopt(team);
      else await current.host.sync.resume();
    }
    events.next({ type: 'changed', collections: [...COLLECTION_NAMES] });
    return health();
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
        await writeBinding(
          opened.store,
          { kind: 'team', serverUrl: session.serverUrl, workspaceId: session.workspaceId, workspaceName: session.workspaceName },
          appNow(),
        );
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
  const activeKey =
    teamsRoot && existsSync(path.join(teamsRoot, ACTIVE_FILE))
      ? (JSON.parse(await readFile(path.join(teamsRoot, ACTIVE_FILE), 'utf8')) as { key?: string }).key
      : undefined;
  const startKey =
    activeKey && /^[0-9a-f]{20}$/.test(activeKey) && teamsRoot && existsSync(path.join(teamsRoot, activeKey)) ? activeKey : MAIN;
  const start = await openOrRefuse(startKey);
  if (!start.opened) {
    current = await standIn(startKey, start.failure ?? new Error('refused'));
  } else if (startKey !== MAIN) {
    const { store, directory } = start.opened;
    const binding = await readBinding(store);
    current = wrap(startKey, store, binding?.kind === 'team' ? binding.workspaceName : 'Team workspace', directory);
  } else {
    const { store } = start.opened;
    // A damaged page met here marks the file (the host then answers DS_STORE_CORRUPT): no demo.
    const empty = await isEmptyWorkspace(store).catch((error: unknown) => {
      if (isStoreCorruption(error)) return false;
      throw error;
    });
    if (options.seedDemo && empty) {
      await loadWorkspaceIntoStore(
        store,
        generateWorkspaceBatches({ size: 'XS', seed: options.seed ?? 7, now: startOfDay(appNow()) }),
        options.onProgress,
      );
      // Marked as the demo: it is never uploaded to a team (signing in opens the team's own).
      await writeBinding(store, { kind: options.seedAs ?? 'demo' }, appNow());
    }
    // A damaged page met here has marked the file (the host answers DS_STORE_CORRUPT); only the name is lost.
    const binding = await readBinding(store).catch((error: unknown) => {
      if (isStoreCorruption(error)) return null;
      throw error;
    });
    const name = binding?.kind === 'demo' ? 'Demo workspace' : binding?.kind === 'team' ? binding.workspaceName : 'Workspace';
    current = wrap(MAIN, store, name, options.directory);
  }
  if (!current.failure) {
    await current.host.sync.resume().catch((error: unknown) => {
      // The file was damaged after all (the read marked it): the host now answers DS_STORE_CORRUPT.
      if (!isStoreCorruption(error)) throw error;
    });
  }

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
    get file() {
      return current.file;
    },
    host,
    async close() {
      await host.close();
      await current.store.close();
    },
  };
}
