// Main process (or plain Node for scripts): what a workspace folder is and whether a path may be
// opened as one. A workspace folder holds the store's SQLite file (workspace.sqlite, plus its
// WAL while open). An empty or missing folder becomes a new workspace; a file, or a folder of
// other things, is refused with a coded error in plain words instead of a stack trace.
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { databaseFilePath } from '../store';

export const WORKSPACE_DB_NAME = 'workspace';

export class WorkspaceFolderError extends Error {
  constructor(
    readonly code: 'DS_WORKSPACE_NOT_A_FOLDER' | 'DS_WORKSPACE_FOREIGN' | 'DS_WORKSPACE_UNREADABLE',
    message: string,
  ) {
    super(message);
    this.name = 'WorkspaceFolderError';
  }
}

/** Files a folder may hold and still count as empty (desktop bookkeeping). */
const IGNORABLE = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

export function workspaceDatabaseFile(directory: string): string {
  return databaseFilePath(directory, WORKSPACE_DB_NAME);
}

/**
 * 'existing' when `directory` holds a workspace, 'new' when it is missing or empty (created when
 * `create`); throws WorkspaceFolderError otherwise.
 */
export async function checkWorkspaceFolder(directory: string, options: { create: boolean }): Promise<'new' | 'existing'> {
  let info;
  try {
    info = await stat(directory);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      if (options.create) await mkdir(directory, { recursive: true });
      return 'new';
    }
    if (code === 'ENOTDIR') {
      throw new WorkspaceFolderError(
        'DS_WORKSPACE_NOT_A_FOLDER',
        `${directory} is inside a file, not a folder. Give a folder for the workspace.`,
      );
    }
    throw new WorkspaceFolderError(
      'DS_WORKSPACE_UNREADABLE',
      `${directory} cannot be read (${code ?? 'error'}). Check that it exists and that you may read it.`,
    );
  }
  if (!info.isDirectory()) {
    throw new WorkspaceFolderError(
      'DS_WORKSPACE_NOT_A_FOLDER',
      `${directory} is a file, not a workspace folder. Give the folder a workspace lives in (npm run seed -- --size S --seed 1 --out DIR/ writes one), or a new folder to start an empty one.`,
    );
  }
  const names = (await readdir(directory)).filter((n) => !IGNORABLE.has(n));
  if (names.includes(path.basename(workspaceDatabaseFile(directory)))) return 'existing';
  if (names.length === 0) return 'new';
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '');
  throw new WorkspaceFolderError(
    'DS_WORKSPACE_FOREIGN',
    `${directory} is not a Deep Sales workspace: it holds other files (${shown}) and no ${path.basename(workspaceDatabaseFile(directory))}. Choose an empty folder or a workspace folder.`,
  );
}
