// Main process or plain Node: a workspace folder is private to the user — the folder 0700, every
// file in it 0600 — whatever the umask was when an older version (or SQLite) created them.
// SQLite gives a new -wal/-shm the mode of its database file, so tightening the database file
// once keeps its side files private from then on. No-op on Windows, where the user profile's ACLs
// do this job.
import { chmod, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

export const FOLDER_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Creates `directory` if needed and makes it and everything under it (`depth` levels) private. */
export async function makePrivate(directory: string, depth = 2): Promise<void> {
  await mkdir(directory, { recursive: true, mode: FOLDER_MODE });
  if (process.platform === 'win32') return;
  await chmod(directory, FOLDER_MODE);
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory() && depth > 1) await makePrivate(full, depth - 1);
    else if (entry.isFile()) await chmod(full, FILE_MODE);
  }
}
