import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rotatingLog, teeConsole } from './log-file';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('log file', () => {
  it('rotates at the size limit and keeps a bounded number of files', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ds-log-'));
    const log = rotatingLog({ directory: path.join(dir, 'logs'), maxBytes: 200, keep: 3, now: () => Date.UTC(2026, 0, 2) });
    for (let i = 0; i < 40; i++) log.write('info', [`line ${i}`, { n: i }]);
    const files = (await readdir(path.join(dir, 'logs'))).sort();
    expect(files).toEqual(['main.log', 'main.log.1', 'main.log.2']);
    for (const f of files) expect((await stat(path.join(dir, 'logs', f))).size).toBeLessThanOrEqual(200);
    const last = await readFile(log.file, 'utf8');
    expect(last).toContain('2026-01-02T00:00:00.000Z INFO line 39 { n: 39 }');
    expect(await readFile(`${log.file}.2`, 'utf8')).not.toContain('line 0 ');
    if (process.platform !== 'win32') {
      expect((await stat(log.file)).mode & 0o777).toBe(0o600);
      expect((await stat(path.join(dir, 'logs'))).mode & 0o777).toBe(0o700);
    }
  });

  it('copies console warnings and errors into the file', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ds-log-'));
    const log = rotatingLog({ directory: dir });
    const untee = teeConsole(log);
    try {
      console.warn('[sync] DS_SYNC_OFFLINE', 'no network');
    } finally {
      untee();
    }
    console.warn('after untee: not logged');
    const text = await readFile(log.file, 'utf8');
    expect(text).toMatch(/ WARN \[sync\] DS_SYNC_OFFLINE no network\n$/);
  });
});
