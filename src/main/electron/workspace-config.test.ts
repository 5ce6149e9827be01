import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONFIG_FILE, readDesktopConfig, withOpened, workspaceMenuItems, workspaceToOpen, writeDesktopConfig } from './workspace-config';

describe('desktop workspace config', () => {
  it('opens the default folder first, then the one last opened', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'ds-cfg-'));
    const first = await readDesktopConfig(userData);
    expect(workspaceToOpen(first, userData)).toBe(path.join(userData, 'workspace'));
    await writeDesktopConfig(userData, withOpened(first, '/data/acme'));
    const next = await readDesktopConfig(userData);
    expect(workspaceToOpen(next, userData)).toBe('/data/acme');
    expect(withOpened(withOpened(next, '/data/b'), '/data/acme').recent).toEqual(['/data/acme', '/data/b']);
  });

  it('a config that is not JSON, or not ours, is ignored rather than fatal', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'ds-cfg-'));
    writeFileSync(path.join(userData, CONFIG_FILE), '{not json');
    expect(await readDesktopConfig(userData)).toEqual({ recent: [] });
    writeFileSync(path.join(userData, CONFIG_FILE), JSON.stringify({ workspace: 42 }));
    expect(await readDesktopConfig(userData)).toEqual({ recent: [] });
  });

  it('the File menu opens, creates and reopens workspace folders', () => {
    const actions = { newWorkspace: vi.fn(), openWorkspace: vi.fn(), openRecent: vi.fn() };
    const items = workspaceMenuItems({ recent: ['/data/acme'] }, actions);
    expect(items.map((i) => i.label)).toEqual(['New Workspace Folder…', 'Open Workspace Folder…', 'Open Recent']);
    items[0]!.click!();
    items[1]!.click!();
    items[2]!.submenu![0]!.click();
    expect(actions.newWorkspace).toHaveBeenCalled();
    expect(actions.openWorkspace).toHaveBeenCalled();
    expect(actions.openRecent).toHaveBeenCalledWith('/data/acme');
    expect(workspaceMenuItems({ recent: [] }, actions)[2]!.enabled).toBe(false);
  });
});
