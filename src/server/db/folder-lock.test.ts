// Sync server (Node): one process at a time on a PGlite folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FolderLockedError, LOCK_FILE, lockDataFolder } from './folder-lock';

describe('lockDataFolder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ds-lock-unit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second holder in plain words, and lets go on release', () => {
    const lock = lockDataFolder(dir, 'server --port 1');
    expect(() => lockDataFolder(dir, 'admin create')).toThrow(FolderLockedError);
    try {
      lockDataFolder(dir, 'admin create');
    } catch (err) {
      expect((err as Error).message).toMatch(
        new RegExp(`in use by another Deep Sales server or CLI \\(process ${process.pid} on .*: server --port 1\\)`),
      );
    }
    lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    lockDataFolder(dir).release();
  });

  it('takes over a lock whose process died', () => {
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), command: 'crashed', at: '' }));
    const lock = lockDataFolder(dir, 'server');
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, command: 'server' });
    lock.release();
  });

  it('never takes over a lock held from another machine (its process cannot be checked)', () => {
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'another-host', command: 'server', at: '' }));
    expect(() => lockDataFolder(dir)).toThrow(/another-host/);
  });
});
