// Main process (Electron glue, no Electron import, so a unit test pins it): the native menus as
// a plain template (Electron's MenuItemConstructorOptions shape) — the usual shortcuts of each
// platform through Electron's roles, plus the app's own: Log interaction (Ctrl/⌘+L) and Search
// (Ctrl/⌘+K), which go to the page as `command` host events because a menu accelerator takes
// the key before the page sees it. Developer tools only when not packaged.
import type { AppCommand } from '@shared/api';
import { workspaceMenuItems, type DesktopConfig, type MenuActions } from './workspace-config';

export const APP_NAME = 'Deep Sales';

export interface AppMenuActions extends MenuActions {
  backup: () => void;
  restore: () => void;
  command: (command: AppCommand) => void;
  about: () => void;
  openLogFolder: () => void;
}

export interface MenuItem {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuItem[];
}

const SEPARATOR: MenuItem = { type: 'separator' };

export function appMenuTemplate(options: {
  platform: NodeJS.Platform;
  packaged: boolean;
  config: DesktopConfig;
  actions: AppMenuActions;
}): MenuItem[] {
  const { platform, packaged, config, actions } = options;
  const mac = platform === 'darwin';
  const about: MenuItem = { label: `About ${APP_NAME}`, click: actions.about };
  const file: MenuItem = {
    label: 'File',
    submenu: [
      ...(workspaceMenuItems(config, actions) as MenuItem[]),
      SEPARATOR,
      { label: 'Back Up Workspace…', accelerator: 'CmdOrCtrl+Shift+B', click: actions.backup },
      { label: 'Restore Workspace from Backup…', click: actions.restore },
      SEPARATOR,
      mac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' },
    ],
  };
  const go: MenuItem = {
    label: 'Go',
    submenu: [
      { label: 'Log Interaction…', accelerator: 'CmdOrCtrl+L', click: () => actions.command('log') },
      { label: 'Search…', accelerator: 'CmdOrCtrl+K', click: () => actions.command('search') },
    ],
  };
  const view: MenuItem = {
    label: 'View',
    submenu: [
      ...(packaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, SEPARATOR]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      SEPARATOR,
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItem = {
    role: 'help',
    submenu: [...(mac ? [] : [about, SEPARATOR]), { label: 'Show Log Files', click: actions.openLogFolder }],
  };
  const appMenu: MenuItem = {
    label: APP_NAME,
    submenu: [
      about,
      SEPARATOR,
      { role: 'services' },
      SEPARATOR,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      SEPARATOR,
      { role: 'quit' },
    ],
  };
  return [...(mac ? [appMenu] : []), file, { role: 'editMenu' }, go, view, { role: 'windowMenu' }, help];
}

export interface AboutVersions {
  app: string;
  electron: string;
  chrome: string;
  node: string;
  v8: string;
  os: string;
}

/** Help → About: the words of the dialog. */
export function aboutText(versions: AboutVersions): { title: string; message: string; detail: string } {
  return {
    title: `About ${APP_NAME}`,
    message: `${APP_NAME} ${versions.app}`,
    detail: [
      `Electron ${versions.electron}`,
      `Chromium ${versions.chrome}`,
      `Node.js ${versions.node}`,
      `V8 ${versions.v8}`,
      `OS ${versions.os}`,
    ].join('\n'),
  };
}
