// Main process (Electron): the security posture of every window, as plain data so a unit test
// can pin it without Electron present.
import { isAppUrl, type RendererTarget } from './renderer-target';
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

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1360, height: 860 };
export const MIN_SIZE = { width: 960, height: 600 };

export function mainWindowOptions(preloadPath: string, bounds: WindowBounds = DEFAULT_BOUNDS) {
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
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Deep Sales',
    backgroundColor: '#f7f8fa',
    webPreferences,
  };
}

/**
 * IPC answers only our own renderer: the packaged file, exactly, or the dev server electron-vite
 * started (never when packaged; renderer-target.ts). Anything else that manages to load in a
 * frame (a link, an iframe, a look-alike file) is refused.
 */
export function isTrustedSender(senderUrl: string | undefined, target: RendererTarget): boolean {
  return isAppUrl(senderUrl, target);
}
