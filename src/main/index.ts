// Main process (Electron): app lifecycle and the window. Everything it serves comes from the
// host, which runs the same way in plain Node for the web preview.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import { attachPresentationWindows } from './electron/presentation-window';
import { openWorkspace, type OpenWorkspace } from './workspace/open-workspace';
import { mainWindowOptions } from './electron/window-options';
import { wireIpc } from './electron/ipc';
import { NATIVE_BINDING_ENV } from './store';
import { readDesktopConfig, withOpened, workspaceMenuItems, workspaceToOpen, writeDesktopConfig } from './electron/workspace-config';
import { checkWorkspaceFolder, WorkspaceFolderError } from './workspace/workspace-folder';

// better-sqlite3 built for Electron's ABI: in the package's resources, or in out/native after
// `npm start` rebuilt it. Set before any store or worker opens a database.
function electronSqliteBinding(): string | undefined {
  const candidates = [
    path.join(process.resourcesPath ?? '', 'native/better_sqlite3.node'),
    path.join(app.getAppPath(), 'out/native/node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
  ];
  return candidates.find((file) => existsSync(file));
}
const binding = process.env[NATIVE_BINDING_ENV] ?? electronSqliteBinding();
// process.env turns undefined into the string "undefined", so only set a real path.
if (binding) process.env[NATIVE_BINDING_ENV] = binding;

let workspace: OpenWorkspace | null = null;

/** Opens `folder` (checked first: a file or a foreign folder is refused in plain words) in place of the current workspace. */
async function switchWorkspace(folder: string, seedDemo: boolean): Promise<void> {
  try {
    await checkWorkspaceFolder(folder, { create: true });
  } catch (error) {
    if (!(error instanceof WorkspaceFolderError)) throw error;
    dialog.showErrorBox('This folder cannot be opened', `${error.message} (${error.code})`);
    return;
  }
  const config = withOpened(await readDesktopConfig(app.getPath('userData')), folder);
  await writeDesktopConfig(app.getPath('userData'), config);
  for (const window of BrowserWindow.getAllWindows()) window.destroy();
  await workspace?.close();
  workspace = await openWorkspace({ directory: folder, seedDemo });
  await buildMenu();
  await createWindow();
}

async function pickFolder(title: string, seedDemo: boolean): Promise<void> {
  const picked = await dialog.showOpenDialog({ title, properties: ['openDirectory', 'createDirectory'] });
  const folder = picked.filePaths[0];
  if (!picked.canceled && folder) await switchWorkspace(folder, seedDemo);
}

async function buildMenu(): Promise<void> {
  const config = await readDesktopConfig(app.getPath('userData'));
  const items = workspaceMenuItems(config, {
    newWorkspace: () => void pickFolder('New workspace folder (choose an empty folder)', false),
    openWorkspace: () => void pickFolder('Open workspace folder', false),
    openRecent: (folder) => void switchWorkspace(folder, false),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate([
    { label: 'File', submenu: [...items, { type: 'separator' }, { role: 'quit' }] },
    { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' },
  ]));
}

async function createWindow(): Promise<void> {
  if (!workspace) {
    const userData = app.getPath('userData');
    const folder = workspaceToOpen(await readDesktopConfig(userData), userData);
    // The default folder starts with the demo; a folder the user chose starts as it is.
    workspace = await openWorkspace({ directory: folder, seedDemo: folder === path.join(userData, 'workspace') });
    await buildMenu();
  }
  const window = new BrowserWindow(mainWindowOptions(path.join(import.meta.dirname, '../preload/index.cjs')));
  const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
  const unwire = wireIpc(workspace.host, window, devServerUrl);
  window.on('closed', unwire);
  window.once('ready-to-show', () => window.show());
  // The workshop's presentation window opens as a second window (on a second display when there
  // is one); other links open in the user's browser, never inside the app's privileged window.
  attachPresentationWindows(window, workspace.host, devServerUrl, path.join(import.meta.dirname, '../preload/index.cjs'), ({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (devServerUrl) await window.loadURL(devServerUrl);
  else await window.loadFile(path.join(import.meta.dirname, '../renderer/index.html'));
}

app.whenReady().then(createWindow, (error: unknown) => {
  console.error('[main] DS_START_FAILED', error);
  app.exit(1);
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) void createWindow();
});
app.on('will-quit', () => {
  void workspace?.close();
});
