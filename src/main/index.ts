// Main process (Electron): app lifecycle and the window. Everything it serves comes from the
// host, which runs the same way in plain Node for the web preview.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, shell } from 'electron';
import { attachPresentationWindows } from './electron/presentation-window';
import { openWorkspace, type OpenWorkspace } from './workspace/open-workspace';
import { mainWindowOptions } from './electron/window-options';
import { wireIpc } from './electron/ipc';
import { NATIVE_BINDING_ENV } from './store/sqlite/native-binding';

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

async function createWindow(): Promise<void> {
  workspace ??= await openWorkspace({ directory: path.join(app.getPath('userData'), 'workspace'), seedDemo: true });
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
