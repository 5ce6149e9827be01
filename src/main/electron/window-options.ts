// Main process (Electron): the security posture of every window, as plain data so a unit test
// can pin it without Electron present.
export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  spellcheck: boolean;
}

export function mainWindowOptions(preloadPath: string) {
  const webPreferences: SecureWebPreferences = {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: true,
  };
  return {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Deep Sales',
    backgroundColor: '#f7f8fa',
    webPreferences,
  };
}

/**
 * IPC answers only our own renderer: the packaged file or the dev server electron-vite started.
 * Anything else that manages to load in a frame (a link, an iframe) is refused.
 */
export function isTrustedSender(senderUrl: string | undefined, devServerUrl: string | undefined): boolean {
  if (!senderUrl) return false;
  let url: URL;
  try {
    url = new URL(senderUrl);
  } catch {
    return false;
  }
  if (devServerUrl) return url.origin === new URL(devServerUrl).origin;
  return url.protocol === 'file:' && url.pathname.endsWith('/renderer/index.html');
}
