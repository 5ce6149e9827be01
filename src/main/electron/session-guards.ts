// Main process (Electron): thin glue that applies the pure decisions of guards.ts, csp.ts and
// renderer-target.ts to the session and to every web contents the app creates (the main window,
// the presentation window, anything else that might appear).
import { shell, type Session, type WebContents } from 'electron';
import { securityHeaders } from '../security/csp';
import { externalLink, navigationDecision, permissionGranted, redirectAllowed } from './guards';
import type { RendererTarget } from './renderer-target';

/** Headers (CSP in production) and permission handlers of the app's session. */
export function guardSession(session: Session, target: RendererTarget): void {
  // Production only: the dev server's React refresh preamble is an inline script. The built
  // index.html also carries the policy as a <meta> (electron.vite.config.ts), because Chromium
  // does not always pass file:// responses through webRequest.
  if (target.kind === 'file') {
    const headers = Object.entries(securityHeaders()).map(([name, value]): [string, string[]] => [name, [value]]);
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, ...Object.fromEntries(headers) } });
    });
  }
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const granted = permissionGranted(permission, details.requestingUrl ?? contents.getURL(), target);
    if (!granted) console.warn('[shell] DS_PERMISSION_DENIED', permission, details.requestingUrl);
    callback(granted);
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    permissionGranted(permission, details.requestingUrl ?? contents?.getURL(), target),
  );
  session.setDevicePermissionHandler(() => false);
}

/** Opens an https link in the user's browser after the check; anything else is dropped. */
export function openExternally(url: string): void {
  const link = externalLink(url);
  if (link) void shell.openExternal(link);
  else console.warn('[shell] DS_LINK_REFUSED', url.slice(0, 200));
}

/** Navigation, redirects, webviews and window.open of one web contents (guards.ts rules 1–2). */
export function guardContents(contents: WebContents, target: RendererTarget): void {
  contents.on('will-navigate', (event) => {
    const decision = navigationDecision(event.url, target);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.openExternally) openExternally(decision.openExternally);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !redirectAllowed(event.url, target)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!redirectAllowed(event.url, target)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Windows that want presentations replace this (presentation-window.ts); all others only link out.
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}
