import { describe, expect, it } from 'vitest';
import type { AppCommand } from '@shared/api';
import { aboutText, appMenuTemplate, type AppMenuActions, type MenuItem } from './app-menu';

function actions() {
  const calls: string[] = [];
  const record = (name: string) => () => void calls.push(name);
  const value: AppMenuActions = {
    newWorkspace: record('new'),
    openWorkspace: record('open'),
    openRecent: (f) => void calls.push(`recent:${f}`),
    backup: record('backup'),
    restore: record('restore'),
    about: record('about'),
    openLogFolder: record('logs'),
    command: (c: AppCommand) => void calls.push(`command:${c}`),
  };
  return { value, calls };
}

function flat(items: MenuItem[]): MenuItem[] {
  return items.flatMap((item) => [item, ...flat(item.submenu ?? [])]);
}

function byLabel(items: MenuItem[], label: string): MenuItem {
  const found = flat(items).find((i) => i.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
}

const config = { recent: ['/home/me/acme'] };

describe('native menu', () => {
  it("has the app's own shortcuts, sent to the page as commands", () => {
    const { value, calls } = actions();
    const template = appMenuTemplate({ platform: 'linux', packaged: true, config, actions: value });
    expect(byLabel(template, 'Log Interaction…').accelerator).toBe('CmdOrCtrl+L');
    expect(byLabel(template, 'Search…').accelerator).toBe('CmdOrCtrl+K');
    byLabel(template, 'Log Interaction…').click!();
    byLabel(template, 'Search…').click!();
    byLabel(template, 'Back Up Workspace…').click!();
    byLabel(template, 'Restore Workspace from Backup…').click!();
    byLabel(template, '/home/me/acme').click!();
    expect(calls).toEqual(['command:log', 'command:search', 'backup', 'restore', 'recent:/home/me/acme']);
  });

  it("uses the platform's usual menus and shortcuts", () => {
    const linux = appMenuTemplate({ platform: 'linux', packaged: true, config, actions: actions().value });
    expect(linux.map((m) => m.label ?? m.role)).toEqual(['File', 'editMenu', 'Go', 'View', 'windowMenu', 'help']);
    expect(flat(linux).find((i) => i.role === 'quit')?.accelerator).toBe('Ctrl+Q');
    const mac = appMenuTemplate({ platform: 'darwin', packaged: true, config, actions: actions().value });
    expect(mac.map((m) => m.label ?? m.role)).toEqual(['Deep Sales', 'File', 'editMenu', 'Go', 'View', 'windowMenu', 'help']);
    expect(
      flat(mac[0]!.submenu!)
        .map((i) => i.role ?? i.label)
        .filter(Boolean),
    ).toEqual(['About Deep Sales', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    // Accelerators are unique: two items on one key would make one of them unreachable.
    const keys = flat(linux)
      .map((i) => i.accelerator)
      .filter(Boolean);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('offers About in Help (in the app menu on macOS) and developer tools only unpackaged', () => {
    const { value, calls } = actions();
    const linux = appMenuTemplate({ platform: 'linux', packaged: true, config, actions: value });
    byLabel(linux.at(-1)!.submenu!, 'About Deep Sales').click!();
    expect(calls).toEqual(['about']);
    expect(flat(linux).some((i) => i.role === 'toggleDevTools')).toBe(false);
    const dev = appMenuTemplate({ platform: 'linux', packaged: false, config, actions: value });
    expect(flat(dev).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});

describe('about', () => {
  it('names every version', () => {
    const about = aboutText({ app: '0.1.0', electron: '45.5.0', chrome: '142.0.1', node: '22.20.0', v8: '14.2', os: 'linux 6.8' });
    expect(about.message).toBe('Deep Sales 0.1.0');
    expect(about.detail).toBe('Electron 45.5.0\nChromium 142.0.1\nNode.js 22.20.0\nV8 14.2\nOS linux 6.8');
  });
});
