// Main process (Electron): app lifecycle, the window, menus and dialogs. Everything it serves
// comes from the host, which runs the same way in plain Node for the web preview; every
// decision here (CSP, navigation, permissions, window place, menus, failure words) is a pure
// module in ./electron with its unit test, and this file only wires them to Electron.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, safeStorage, screen, session, shell } from 'electron';
import { IPC_EVENT, type AppCommand, type HostEvent } from '@shared/api';
import { attachPresentationWindows } from './electron/presentation-window';
import { openWorkspace, type OpenWorkspace } from './workspace/open-workspace';
import { mainWindowOptions } from './electron/window-options';
import { applyChromiumSwitches } from './electron/chromium-switches';
import { limitHeapGrowth } from './heap-growth';
import { wireIpc } from './electron/ipc';
import { databaseFilePath, NATIVE_BINDING_ENV } from './store';
import { backupStore, checkBackup, restoreStore } from './store/backup';
import { readDesktopConfig, withOpened, workspaceToOpen, writeDesktopConfig } from './electron/workspace-config';
import { checkWorkspaceFolder, WorkspaceFolderError } from './workspace/workspace-folder';
import { rendererTarget } from './electron/renderer-target';
import { guardContents, guardSession, openExternally } from './electron/session-guards';
import { aboutText, appMenuTemplate } from './electron/app-menu';
import { clampToDisplays, readWindowState, writeWindowState } from './electron/window-state';
import { rotatingLog, teeConsole } from './electron/log-file';
import { startFailureMessage } from './electron/start-failure';
import { fileSecretStore, keyFileSecretStore, osKeychainCipher, type SecretStore } from './security/secrets';
import { appNow } from './clock';

// Files the app writes (workspace, logs, window state, secrets) are the user's alone.
if (process.platform !== 'win32') process.umask(0o077);

// Chromium reads these once, as it starts its services: before `app.whenReady`, or not at all.
applyChromiumSwitches(app.commandLine);
// V8's heaps in this process collect at a fixed growth past what they kept (heap-growth.ts).
limitHeapGrowth();

// SQLite (better-sqlite3-multiple-ciphers) built for Electron's ABI: in the package's resources, or in out/native after
// `npm start` rebuilt it. Set before any store or worker opens a database.
function electronSqliteBinding(): string | undefined {
  const candidates = [
    path.join(process.resourcesPath ?? '', 'native/better_sqlite3.node'),
    path.join(app.getAppPath(), 'out/native/node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'),
  ];
  return candidates.find((file) => existsSync(file));
}
const binding = process.env[NATIVE_BINDING_ENV] ?? electronSqliteBinding();
// process.env turns undefined into the string "undefined", so only set a real path.
if (binding) process.env[NATIVE_BINDING_ENV] = binding;

const PRELOAD = path.join(import.meta.dirname, '../preload/index.cjs');
const RENDERER_FILE = path.join(import.meta.dirname, '../renderer/index.html');
/** The app's own renderer: exactly this file, or electron-vite's dev server when not packaged. */
const target = rendererTarget({
  packaged: app.isPackaged,
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  rendererFile: RENDERER_FILE,
});

let workspace: OpenWorkspace | null = null;
/** The workspace folder open now (a team's store lives under `<folder>-teams`). */
let folder: string | null = null;
let mainWindow: BrowserWindow | null = null;
let secrets: SecretStore | null = null;
let logFile: string | null = null;

/** Home of the sync token and the workspace files' keys: the OS keychain, or a 0600 key file where there is none (security/secrets.ts). */
function secretStore(): SecretStore {
  secrets ??= (() => {
    const directory = path.join(app.getPath('userData'), 'secrets');
    const cipher = osKeychainCipher(safeStorage);
    if (!cipher) console.warn('[main] DS_SECRETS_NO_KEYCHAIN: no OS keychain; the sync token is sealed with a 0600 key file');
    return cipher ? fileSecretStore(directory, cipher) : keyFileSecretStore(directory);
  })();
  return secrets;
}

async function open(directory: string, seedDemo: boolean): Promise<void> {
  // A damaged workspace still opens: its host answers DS_STORE_CORRUPT and the window shows the
  // recovery screen, which lists backups in File → Back Up's default folder too.
  workspace = await openWorkspace({ directory, seedDemo, secrets: secretStore(), backupFolders: [app.getPath('documents')] });
  folder = directory;
}

async function closeWorkspace(): Promise<void> {
  for (const window of BrowserWindow.getAllWindows()) window.destroy();
  await workspace?.close();
  workspace = null;
}

/** Opens `directory` (checked first: a file or a foreign folder is refused in plain words) in place of the current workspace. */
async function switchWorkspace(directory: string, seedDemo: boolean): Promise<void> {
  try {
    await checkWorkspaceFolder(directory, { create: true });
  } catch (error) {
    if (!(error instanceof WorkspaceFolderError)) throw error;
    dialog.showErrorBox('This folder cannot be opened', `${error.message} (${error.code})`);
    return;
  }
  const config = withOpened(await readDesktopConfig(app.getPath('userData')), directory);
  await writeDesktopConfig(app.getPath('userData'), config);
  await closeWorkspace();
  await open(directory, seedDemo);
  await buildMenu();
  await createWindow();
}

async function pickFolder(title: string, seedDemo: boolean): Promise<void> {
  const picked = await dialog.showOpenDialog({ title, properties: ['openDirectory', 'createDirectory'] });
  const chosen = picked.filePaths[0];
  if (!picked.canceled && chosen) await switchWorkspace(chosen, seedDemo);
}

/** The store open now: its folder and database name (a team's store has its own). */
function openStoreFile(): { directory: string; name: string } | null {
  return workspace?.file ?? null;
}

async function backupWorkspace(): Promise<void> {
  const store = openStoreFile();
  if (!store) return;
  const picked = await dialog.showSaveDialog({
    title: 'Back up workspace',
    defaultPath: path.join(app.getPath('documents'), `deep-sales-backup-${new Date(appNow()).toISOString().slice(0, 10)}.sqlite`),
    filters: [{ name: 'Deep Sales backup', extensions: ['sqlite'] }],
  });
  if (picked.canceled || !picked.filePath) return;
  try {
    const { bytes } = await backupStore(store.directory, store.name, picked.filePath);
    await dialog.showMessageBox({
      type: 'info',
      message: 'Workspace backed up',
      detail: `${picked.filePath} (${(bytes / 1024 / 1024).toFixed(1)} MB). It is encrypted with this workspace's key and holds no sign-in token: it restores into this workspace on this computer.`,
    });
  } catch (error) {
    console.error('[main] DS_BACKUP_FAILED', error);
    dialog.showErrorBox('The backup could not be written', (error as Error).message);
  }
}

async function restoreWorkspace(): Promise<void> {
  const store = openStoreFile();
  if (!store || !folder) return;
  const picked = await dialog.showOpenDialog({
    title: 'Restore workspace from a backup',
    properties: ['openFile'],
    filters: [{ name: 'Deep Sales backup', extensions: ['sqlite'] }],
  });
  const file = picked.filePaths[0];
  if (picked.canceled || !file) return;
  try {
    await checkBackup(file, databaseFilePath(store.directory, store.name));
  } catch (error) {
    dialog.showErrorBox('This file cannot be restored', (error as Error).message);
    return;
  }
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    buttons: ['Restore', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Replace the open workspace with this backup?',
    detail: `Everything now in the workspace is replaced by ${path.basename(file)}. The current file is kept as ${store.name}.sqlite.before-restore in ${store.directory}. Changes not yet synced to your team are only in that file.`,
  });
  if (response !== 0) return;
  const reopen = folder;
  await closeWorkspace();
  try {
    await restoreStore(store.directory, store.name, file);
  } catch (error) {
    console.error('[main] DS_BACKUP_INVALID', error);
    dialog.showErrorBox('The backup could not be restored', `${(error as Error).message}\n\nThe workspace was left as it was.`);
  }
  // Reopening what is there now (the backup, or the untouched workspace) failing is a start failure.
  try {
    await open(reopen, false);
    await buildMenu();
    await createWindow();
  } catch (error) {
    failed(error);
  }
}

function sendCommand(command: AppCommand): void {
  const window = mainWindow;
  if (!window || window.isDestroyed()) return;
  const event: HostEvent = { type: 'command', command };
  window.webContents.send(IPC_EVENT, event);
}

async function showAbout(): Promise<void> {
  const words = aboutText({
    app: app.getVersion(),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    node: process.versions.node,
    v8: process.versions.v8,
    os: `${os.type()} ${os.release()} (${process.arch})`,
  });
  await dialog.showMessageBox({ type: 'info', title: words.title, message: words.message, detail: words.detail, buttons: ['OK'] });
}

async function buildMenu(): Promise<void> {
  const config = await readDesktopConfig(app.getPath('userData'));
  const template = appMenuTemplate({
    platform: process.platform,
    packaged: app.isPackaged,
    config,
    actions: {
      newWorkspace: () => void pickFolder('New workspace folder (choose an empty folder)', false).catch(failed),
      openWorkspace: () => void pickFolder('Open workspace folder', false).catch(failed),
      openRecent: (recent) => void switchWorkspace(recent, false).catch(failed),
      backup: () => void backupWorkspace().catch(failed),
      restore: () => void restoreWorkspace().catch(failed),
      command: sendCommand,
      about: () => void showAbout(),
      openLogFolder: () => void shell.openPath(path.join(app.getPath('userData'), 'logs')),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as Electron.MenuItemConstructorOptions[]));
}

/** Primary display first: a window from a display that is gone comes back there. */
function workAreas() {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

function rememberPlace(window: BrowserWindow): void {
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    writeWindowState(app.getPath('userData'), { ...bounds, maximized: window.isMaximized() }).catch((error: unknown) => {
      console.warn('[main] DS_WINDOW_STATE_NOT_SAVED', error);
    });
  });
}

async function createWindow(): Promise<void> {
  const userData = app.getPath('userData');
  if (!workspace) {
    const directory = workspaceToOpen(await readDesktopConfig(userData), userData);
    // The default folder starts with the demo; a folder the user chose starts as it is.
    await open(directory, directory === path.join(userData, 'workspace'));
    await buildMenu();
  }
  const host = workspace!.host;
  const { maximized, ...bounds } = clampToDisplays(await readWindowState(userData), workAreas());
  const window = new BrowserWindow(mainWindowOptions(PRELOAD, bounds));
  mainWindow = window;
  rememberPlace(window);
  const unwire = wireIpc(host, window, target);
  window.on('closed', () => {
    unwire();
    if (mainWindow === window) mainWindow = null;
  });
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  // The workshop's presentation window opens as a second window (on a second display when there
  // is one); https links open in the user's browser, never inside the app's privileged window.
  attachPresentationWindows(window, host, target, PRELOAD, ({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  if (target.kind === 'dev') await window.loadURL(target.url);
  else await window.loadFile(RENDERER_FILE);
}

/** A second launch focuses the first instead of opening the workspace twice. */
function focusMainWindow(): void {
  const window = mainWindow;
  if (!window || window.isDestroyed()) {
    if (app.isReady()) void createWindow().catch(failed);
    return;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** A window that cannot be created is said in plain words, then the app exits. */
function failed(error: unknown): void {
  console.error('[main] DS_START_FAILED', error);
  const { title, content } = startFailureMessage(error, logFile);
  dialog.showErrorBox(title, content);
  app.exit(1);
}

function start(): void {
  try {
    const log = rotatingLog({ directory: path.join(app.getPath('userData'), 'logs') });
    logFile = log.file;
    teeConsole(log);
  } catch (error) {
    // No log file (a read-only profile): the app still runs, printing to its console only.
    console.error('[main] DS_LOG_UNAVAILABLE', error);
  }
  console.info(
    `[main] Deep Sales ${app.getVersion()} starting (Electron ${process.versions.electron}, ${target.kind === 'dev' ? 'dev server' : 'packaged renderer'})`,
  );
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardContents(contents, target));
  app
    .whenReady()
    .then(async () => {
      guardSession(session.defaultSession, target);
      await createWindow();
    })
    .catch(failed);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow().catch(failed);
  });
  app.on('will-quit', () => {
    void workspace?.close();
  });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
