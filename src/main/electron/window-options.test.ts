import { describe, expect, it } from 'vitest';
import { devServerOf, rendererTarget } from './renderer-target';
import { isTrustedSender, mainWindowOptions } from './window-options';

const FILE = '/app/out/renderer/index.html';
const APP = rendererTarget({ packaged: true, devServerUrl: undefined, rendererFile: FILE });
const DEV = rendererTarget({ packaged: false, devServerUrl: 'http://localhost:5173', rendererFile: FILE });

describe('main window security', () => {
  it('isolates the renderer from Node', () => {
    const { webPreferences } = mainWindowOptions('/app/out/preload/index.cjs');
    expect(webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('takes the remembered bounds, else a default size, hidden until ready', () => {
    expect(mainWindowOptions('/p.cjs')).toMatchObject({ width: 1360, height: 860, show: false });
    expect(mainWindowOptions('/p.cjs', { x: 10, y: 20, width: 1000, height: 700 })).toMatchObject({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
    });
  });

  it('answers IPC only from our own renderer file, exactly', () => {
    expect(isTrustedSender('file:///app/out/renderer/index.html', APP)).toBe(true);
    expect(isTrustedSender('file:///app/out/renderer/index.html#/accounts/a-1', APP)).toBe(true);
    // A suffix match would have taken these.
    expect(isTrustedSender('file:///tmp/evil/renderer/index.html', APP)).toBe(false);
    expect(isTrustedSender('file:///app/out/renderer/index.html/../../evil/renderer/index.html', APP)).toBe(false);
    expect(isTrustedSender('file://attacker.example/app/out/renderer/index.html', APP)).toBe(false);
    expect(isTrustedSender('file:///tmp/evil.html', APP)).toBe(false);
    expect(isTrustedSender('https://example.com/', APP)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', DEV)).toBe(true);
    expect(isTrustedSender('http://localhost:6000/', DEV)).toBe(false);
    expect(isTrustedSender(undefined, APP)).toBe(false);
    expect(isTrustedSender('not a url', APP)).toBe(false);
  });
});

describe('renderer target', () => {
  it('ignores ELECTRON_RENDERER_URL when packaged', () => {
    const packaged = rendererTarget({ packaged: true, devServerUrl: 'http://localhost:5173', rendererFile: FILE });
    expect(packaged).toEqual({ kind: 'file', url: 'file:///app/out/renderer/index.html' });
    expect(devServerOf(packaged)).toBeUndefined();
    expect(isTrustedSender('http://localhost:5173/', packaged)).toBe(false);
  });

  it('takes a dev server only on loopback http', () => {
    expect(DEV).toEqual({ kind: 'dev', url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
    for (const url of [
      'https://evil.example/',
      'http://192.168.1.5:5173/',
      'http://user:pw@localhost:5173/',
      'file:///x.html',
      'nonsense',
    ]) {
      expect(rendererTarget({ packaged: false, devServerUrl: url, rendererFile: FILE }).kind).toBe('file');
    }
  });
});
