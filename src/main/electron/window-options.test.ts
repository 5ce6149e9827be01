import { isTrustedSender, mainWindowOptions } from './window-options';

describe('main window security', () => {
  it('isolates the renderer from Node', () => {
    const { webPreferences } = mainWindowOptions('/app/out/preload/index.cjs');
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('answers IPC only from our own renderer', () => {
    expect(isTrustedSender('file:///app/out/renderer/index.html', undefined)).toBe(true);
    expect(isTrustedSender('file:///tmp/evil.html', undefined)).toBe(false);
    expect(isTrustedSender('https://example.com/', undefined)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender('http://localhost:6000/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender(undefined, undefined)).toBe(false);
    expect(isTrustedSender('not a url', undefined)).toBe(false);
  });
});
