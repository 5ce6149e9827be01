// Main process (or plain Node): the file work behind the recovery screen — which backups are at
// hand, and moving a damaged workspace file out of the way without deleting a byte of it.
import { open, readdir, rename, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { opensWithKey } from '../store';

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');
/** The screen lists a handful; an older one can still be given by its path. */
const MAX_LISTED = 20;

export interface FoundBackup {
  file: string;
  modifiedAt: number;
  bytes: number;
}

async function startsAsSqlite(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(SQLITE_HEADER);
  } finally {
    await handle.close();
  }
}

/**
 * `*.sqlite` files in these folders that start as plaintext SQLite databases (older backups) or
 * that `key`, the damaged workspace's, opens (backups are encrypted with it), newest first. Only a
 * cheap look: restoring one runs the full check (store/backup.ts checkBackup) first.
 */
export async function findBackups(folders: readonly string[], key: Buffer | null = null): Promise<FoundBackup[]> {
  const found: FoundBackup[] = [];
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue; // a folder that is not there holds no backups
    }
    for (const name of names.filter((n) => n.endsWith('.sqlite'))) {
      const file = path.join(folder, name);
      try {
        const info = await stat(file);
        if (info.isFile() && info.size > 0 && ((await startsAsSqlite(file)) || (key !== null && opensWithKey(file, key))))
          found.push({ file, modifiedAt: info.mtimeMs, bytes: info.size });
      } catch {
        continue; // unreadable: not one we could restore
      }
    }
  }
  return found.sort((a, b) => b.modifiedAt - a.modifiedAt).slice(0, MAX_LISTED);
}

/** Renames the file and its -wal/-shm to `<file>.damaged-<time>`; returns the new name. */
export async function moveAside(file: string, now = Date.now()): Promise<string> {
  const aside = `${file}.damaged-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) await rename(file + suffix, aside + suffix);
  }
  return aside;
}
