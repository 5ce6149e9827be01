// Sync server (Node): one process at a time on a PGlite data folder. PGlite is an embedded
// PostgreSQL without a postmaster: two processes opening one folder each believe they own it and
// overwrite each other's pages (a CLI run beside the server left a folder where the right
// password was refused, then "duplicate key", then "not a member"). The server and every CLI
// command take this lock before opening the folder; a second process is refused in plain words
// and the first one keeps working. A lock left by a process that died is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'deep-sales-server.lock';

export class FolderLockedError extends Error {
  readonly code = 'DS_SYNC_DATA_FOLDER_IN_USE';
  constructor(
    readonly dataDir: string,
    readonly holder: { pid: number; host: string; command: string },
  ) {
    super(
      `DS_SYNC_DATA_FOLDER_IN_USE: the data folder ${dataDir} is in use by another Deep Sales server or CLI ` +
        `(process ${holder.pid} on ${holder.host}: ${holder.command}). Only one process may open it at a time. ` +
        "Stop that process and run this again, or use the running server (its admin routes or the app's Settings).",
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface FolderLock {
  release(): void;
}

/** Takes the folder's lock or throws FolderLockedError. Creates the folder if needed. */
export function lockDataFolder(dataDir: string, command = process.argv.slice(2).join(' ') || 'server'): FolderLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me = { pid: process.pid, host: os.hostname(), command, at: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx'); // exclusive create: atomic on local file systems
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          unlinkSync(file);
        } catch (err) {
          // Already gone (someone removed the folder): nothing left to release.
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      };
      process.on('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder: typeof me | undefined;
    try {
      holder = JSON.parse(readFileSync(file, 'utf8')) as typeof me;
    } catch (err) {
      // Half-written by a process that is creating it right now, or removed meanwhile: look again.
      if (attempt < 2) continue;
      throw err;
    }
    // Same host and the holder is gone: a crash left the lock behind; take it over.
    if (holder.host === me.host && !alive(holder.pid)) {
      try {
        unlinkSync(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // another process took it over first
      }
      continue;
    }
    throw new FolderLockedError(dataDir, holder);
  }
  throw new Error(`DS_SYNC_DATA_FOLDER_IN_USE: could not take the lock on ${dataDir}; try again.`);
}
