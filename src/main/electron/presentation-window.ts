// Main process (Electron): the room's window — thin glue around presentation-window-options.ts.
// The renderer opens `#/present/<deal>` with window.open; this lets it through as a second
// BrowserWindow placed by the pure options, and gives that window the host's change events, so
// notes typed by the facilitator appear on the wall.
import { screen, type BrowserWindow, type HandlerDetails, type WindowOpenHandlerResponse } from 'electron';
import { IPC_EVENT } from '@shared/api';
import type { Host } from '../host';
import { presentationWindowOptions } from './presentation-window-options';
import type { RendererTarget } from './renderer-target';

/**
 * Lets `window` open presentation windows (any other window.open goes to `fallback`) and gives
 * each one the host's change events, so notes typed by the facilitator appear on the wall.
 */
export function attachPresentationWindows(
  window: BrowserWindow,
  host: Host,
  target: RendererTarget,
  preloadPath: string,
  fallback: (details: HandlerDetails) => WindowOpenHandlerResponse,
): void {
  window.webContents.setWindowOpenHandler((details) => {
    const here = screen.getDisplayMatching(window.getBounds());
    const displays = screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds }));
    const options = presentationWindowOptions(details.url, target, displays, here.id, preloadPath);
    return options ? { action: 'allow', overrideBrowserWindowOptions: options } : fallback(details);
  });
  window.webContents.on('did-create-window', (child) => {
    const subscription = host.events.subscribe((event) => {
      if (!child.isDestroyed()) child.webContents.send(IPC_EVENT, event);
    });
    child.on('closed', () => subscription.unsubscribe());
  });
}
