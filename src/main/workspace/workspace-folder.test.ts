import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspaceFolder, workspaceDatabaseFile } from './workspace-folder';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'ds-wsf-'));

describe('workspace folders', () => {
  it('a missing or empty folder is a new workspace; one with the store is an existing one', async () => {
    const dir = tmp();
    expect(await checkWorkspaceFolder(path.join(dir, 'new'), { create: true })).toBe('new');
    expect(await checkWorkspaceFolder(path.join(dir, 'new'), { create: false })).toBe('new');
    writeFileSync(path.join(dir, 'new', '.DS_Store'), '');
    expect(await checkWorkspaceFolder(path.join(dir, 'new'), { create: false })).toBe('new');
    writeFileSync(workspaceDatabaseFile(path.join(dir, 'new')), '');
    expect(await checkWorkspaceFolder(path.join(dir, 'new'), { create: false })).toBe('existing');
  });

  it('a file, a path inside a file, or a folder of other things is refused with a code and plain words', async () => {
    const dir = tmp();
    const file = path.join(dir, 'seed.ndjson');
    writeFileSync(file, '{}\n');
    await expect(checkWorkspaceFolder(file, { create: true })).rejects.toMatchObject({
      code: 'DS_WORKSPACE_NOT_A_FOLDER',
      message: expect.stringContaining('is a file'),
    });
    await expect(checkWorkspaceFolder(path.join(file, 'x'), { create: true })).rejects.toMatchObject({ code: 'DS_WORKSPACE_NOT_A_FOLDER' });
    const foreign = path.join(dir, 'photos');
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, 'a.jpg'), '');
    await expect(checkWorkspaceFolder(foreign, { create: true })).rejects.toMatchObject({
      code: 'DS_WORKSPACE_FOREIGN',
      message: expect.stringContaining('a.jpg'),
    });
  });
});
