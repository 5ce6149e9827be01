// Main process (Electron glue, no Electron import): which workspace folder the desktop app opens,
// remembered between launches in a small JSON file in the app's user-data folder, and the File
// menu that opens or creates one. Pure apart from reading and writing that one file, so it is
// unit-tested without Electron (workspace-config.test.ts); index.ts wires it to dialogs.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const CONFIG_FILE = 'deep-sales.json';

export const DesktopConfig = z.object({
  /** Absolute path of the workspace folder last opened. */
  workspace: z.string().min(1).max(4096).optional(),
  recent: z.array(z.string().min(1).max(4096)).max(10).default([]),
});
export type DesktopConfig = z.infer<typeof DesktopConfig>;

/** The config in `userData`, or the defaults when it is missing or unreadable (never fatal at launch). */
export async function readDesktopConfig(userData: string): Promise<DesktopConfig> {
  try {
    const parsed = DesktopConfig.safeParse(JSON.parse(await readFile(path.join(userData, CONFIG_FILE), 'utf8')));
    return parsed.success ? parsed.data : { recent: [] };
  } catch {
    // Missing (first launch) or not JSON (edited by hand): start from the default workspace.
    return { recent: [] };
  }
}

export async function writeDesktopConfig(userData: string, config: DesktopConfig): Promise<void> {
  await mkdir(userData, { recursive: true });
  await writeFile(path.join(userData, CONFIG_FILE), `${JSON.stringify(DesktopConfig.parse(config), null, 2)}\n`);
}

/** The folder to open at launch: the one last opened, else `workspace` in user data. */
export function workspaceToOpen(config: DesktopConfig, userData: string): string {
  return config.workspace ?? path.join(userData, 'workspace');
}

/** The config after opening `folder`: it becomes the workspace and heads the recent list. */
export function withOpened(config: DesktopConfig, folder: string): DesktopConfig {
  return { workspace: folder, recent: [folder, ...config.recent.filter((f) => f !== folder)].slice(0, 10) };
}

export interface MenuActions {
  newWorkspace: () => void;
  openWorkspace: () => void;
  openRecent: (folder: string) => void;
}

/** The File menu's workspace items (Electron MenuItemConstructorOptions-shaped). */
export function workspaceMenuItems(config: DesktopConfig, actions: MenuActions) {
  return [
    { label: 'New Workspace Folder…', accelerator: 'CmdOrCtrl+Shift+N', click: actions.newWorkspace },
    { label: 'Open Workspace Folder…', accelerator: 'CmdOrCtrl+O', click: actions.openWorkspace },
    {
      label: 'Open Recent',
      enabled: config.recent.length > 0,
      submenu: config.recent.map((folder) => ({ label: folder, click: () => actions.openRecent(folder) })),
    },
  ];
}
